"""Amino acids named as residues of a sequence (entitylink.pipeline.residue_context) and how the linker
drops them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from entitylink.pipeline.residue_context import in_sequence_context

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}


def span(text, word):
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == word][:1]
    return Span(doc, token.i, token.i + 1, label="THERAPY")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The mutation results in substitution of proline by arginine .", "arginine"),
        ("Proline 484 was lost .", "Proline"),
        ("A conserved arginine at amino acid position 2 was lost .", "arginine"),
    ],
)
def test_an_amino_acid_of_a_sequence_is_in_sequence_context(text, word):
    assert in_sequence_context(span(text, word))


def test_an_amino_acid_given_or_measured_is_not():
    measured = span("Higher plasma arginine levels were found . The substitution was rare .", "arginine")
    assert not in_sequence_context(measured)  # the sequence word is in another sentence


def test_the_linker_drops_residues_and_keeps_the_chemical(nlp):
    residue = nlp("The missense mutation replaces proline 484 with arginine.")
    assert not [e for e in residue.ents if e.text in ("proline", "arginine")]
    chemical = nlp("Arginine supplementation raised plasma arginine levels.")
    assert [e._.kb_id for e in chemical.ents if e.text.lower() == "arginine"] == ["MESH:D001120"] * 2
