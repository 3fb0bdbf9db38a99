"""Words that name a disorder only when said of a person (entitylink.pipeline.person_context), and how the
linker drops them when they are not."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from entitylink.pipeline.person_context import said_of_a_person

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}


def span(text, word="depressed"):
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    (token,) = [t for t in doc if t.text.lower() == word][:1]
    return Span(doc, token.i, token.i + 1, label="DISEASE")


@pytest.mark.parametrize(
    "text",
    ["A depressed patient was seen .", "It was given to 33 depressed outpatients .", "Patients who were depressed improved ."],
)
def test_said_of_a_person(text):
    assert said_of_a_person(span(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mice developed depressed cardiac function .",
        "Serum cholinesterase levels were severely depressed .",
        "The patients were treated . Their heart rate was depressed .",  # the person is in another sentence
    ],
)
def test_said_of_no_person(text):
    assert not said_of_a_person(span(text))


def test_the_linker_drops_depressed_said_of_no_person():
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entitylink_linker")
    for text, kept in (("A depressed patient was seen.", True), ("Cardiac function was depressed in rats.", False)):
        doc = nlp.make_doc(text)
        (token,) = [t for t in doc if t.text == "depressed"]
        doc.ents = [Span(doc, token.i, token.i + 1, label="DISEASE")]
        linked = [(e.text, e._.kb_id) for e in nlp(doc).ents]
        assert linked == ([("depressed", "MONDO:0002050")] if kept else []), text
