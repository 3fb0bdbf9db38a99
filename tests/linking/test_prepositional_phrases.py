"""Prepositional phrases (entitylink.linking.prepositional_phrases): a disease phrase with its site first."""

from __future__ import annotations

import pytest

from entitylink.linking.prepositional_phrases import site_first


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("cirrhosis of the liver", ("liver cirrhosis",)),
        ("Injury to the kidney", ("kidney Injury",)),
        ("deficiency of APRT", ("APRT deficiency",)),
        ("phosphorylase deficiency in muscle", ("muscle phosphorylase deficiency", "phosphorylase muscle deficiency")),
        ("micronodular cirrhosis of the liver", ("liver micronodular cirrhosis", "micronodular liver cirrhosis")),
    ],
)
def test_the_site_is_written_before_the_head(text, written):
    assert site_first(text) == written


@pytest.mark.parametrize(
    "text",
    [
        "acute myeloid leukemia",  # no preposition
        "deficiency of the seventh component of complement",  # a second preposition
        "cancer of the breast and ovary",  # two sites
        "of the liver",  # no head
        "rare hereditary autosomal deficiency of hepatic phenylalanine hydroxylase",  # heads of more than 3 words
    ],
)
def test_other_phrases_are_not_rewritten(text):
    assert site_first(text) == ()
