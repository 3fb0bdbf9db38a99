"""Inheritance (entitylink.linking.inheritance): the mode of inheritance a disease phrase opens with."""

from __future__ import annotations

import pytest

from entitylink.linking.inheritance import inheritance, is_unnamed


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("autosomal recessive disorder", ("hereditary", "disorder")),
        ("Inherited human disease", ("hereditary", "human disease")),
        ("X-linked recessive neurological disorder", ("X-linked", "neurological disorder")),
        ("autosomal dominant lysosomal storage disorder", ("hereditary", "lysosomal storage disorder")),
    ],
)
def test_a_phrase_splits_into_its_mode_of_inheritance_and_the_rest(text, split):
    assert inheritance(text) == split


@pytest.mark.parametrize("text", ["breast cancer", "hereditary", "familial hypercholesterolemia"])
def test_a_phrase_without_a_mode_or_a_rest_has_none(text):
    assert inheritance(text) is None


def test_generic_words_name_no_class():
    assert is_unnamed("multisystem disorder") and is_unnamed("human genetic disease")
    assert not is_unnamed("lysosomal storage disorder")
