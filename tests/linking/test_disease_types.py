"""Disease types (entitylink.linking.disease_types): a type written on the other side, a subtype's type."""

from __future__ import annotations

import pytest

from entitylink.linking.disease_types import type_variants


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("type IA glycogen storage disease", ("glycogen storage disease type IA", "glycogen storage disease type I",
                                              "type I glycogen storage disease")),
        ("Gaucher disease type 2", ("type 2 Gaucher disease",)),
        (
            "type IID von Willebrand disease",
            ("von Willebrand disease type IID", "von Willebrand disease type II", "type II von Willebrand disease"),
        ),
        ("von Willebrand disease type 2a ", ("type 2a von Willebrand disease", "von Willebrand disease type 2",
                                             "type 2 von Willebrand disease")),
    ],
)  # fmt: skip
def test_the_type_is_written_on_the_other_side_and_a_subtype_as_its_type(text, written):
    assert type_variants(text) == written


@pytest.mark.parametrize(
    "text",
    [
        "acute myeloid leukemia",  # no type
        "type 2",  # no name
        "a type II collagen defect",  # the type is inside
        "typed disease 2",
    ],
)
def test_a_text_with_no_type_first_or_last_has_no_variant(text):
    assert type_variants(text) == ()
