"""A chemical that begins a protein's name (entitylink.pipeline.protein_context)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from entitylink.pipeline.protein_context import names_a_protein

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en", config=TOKENIZER)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Receptor tyrosine kinase signalling rose.", "tyrosine", True),
        ("A zinc finger protein binds DNA.", "zinc", True),
        ("The tyrosine-kinase inhibitor was given.", "tyrosine", True),
        ("A serine/threonine kinase was found.", "threonine", True),
        ("Serum creatine kinase rose.", "creatine", False),  # named for its substrate
        ("Oral tyrosine supplementation was given.", "tyrosine", False),
        ("Plasma zinc fell.", "zinc", False),
        ("They measured zinc", "zinc", False),
    ],
)
def test_a_chemical_before_a_protein_head_names_the_protein(nlp, text, word, expected):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    assert names_a_protein(Span(doc, i, i + 1)) is expected


def test_the_linker_drops_a_chemical_that_begins_a_protein_name():
    linker = spacy.blank("en", config=TOKENIZER)
    linker.add_pipe("entitylink_linker")
    doc = linker.make_doc("A zinc finger protein , tyrosine kinase and creatine kinase ; zinc sulfate .")
    doc.ents = [Span(doc, i, i + 1, label="THERAPY") for i in (1, 5, 8)] + [Span(doc, 11, 13, label="THERAPY")]
    assert [e.text for e in linker(doc).ents] == ["creatine", "zinc sulfate"]
