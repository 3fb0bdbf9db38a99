"""The trained NER component (entitylink.tagger): the bundled model, pieces of long documents, earlier entities."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

import entitylink
from entitylink.errors import ModelError
from entitylink.pipeline.trained_recognizer import load_model
from entitylink.resources import NER_MODEL, resource_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "abstracts"
TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}


@pytest.fixture(scope="module")
def tagger_nlp():
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entitylink_ner")
    return nlp


def test_the_bundled_model_is_small_and_tags_the_three_labels(tagger_nlp):
    size = sum(p.stat().st_size for p in resource_path(NER_MODEL).rglob("*") if p.is_file())
    assert size < 30 * 1024**2
    doc = tagger_nlp("Acute myeloid leukemia was treated with cytarabine in patients and mice.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Acute myeloid leukemia", "DISEASE"), ("cytarabine", "THERAPY")}


def test_pieces_of_a_long_document_give_the_entities_of_the_whole(tagger_nlp):
    component = tagger_nlp.get_pipe("entitylink_ner")
    text = (EXAMPLES / "PMC12171867.txt").read_text(encoding="utf-8")
    whole = [(e.start, e.end, e.label_) for e in tagger_nlp(text).ents]
    component.max_tokens = 40
    try:
        doc = tagger_nlp(text)
        pieces = component._pieces(doc)
        assert len(pieces) > 5 and all(end - start <= 40 for start, end in pieces)
        # cut at a sentence start, or after 40 tokens of a longer sentence
        assert all(doc[start].is_sent_start or end - before == 40 for (start, _), (before, end) in zip(pieces[1:], pieces))
        assert [(e.start, e.end, e.label_) for e in doc.ents] == whole
    finally:
        component.max_tokens = 1000


def test_earlier_entities_stay_where_the_ner_finds_nothing(tagger_nlp):
    doc = tagger_nlp.make_doc("At the Mayo Clinic, acute myeloid leukemia was treated.")
    doc.ents = [Span(doc, 2, 4, label="ORG")]
    for _, component in tagger_nlp.pipeline:
        doc = component(doc)
    assert ("Mayo Clinic", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_pipe_and_call_agree(tagger_nlp):
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    piped = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in tagger_nlp.pipe(texts, batch_size=2)]
    assert piped == [[(e.start, e.end, e.label_) for e in tagger_nlp(text).ents] for text in texts]


def test_a_model_without_ner_is_named(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="no 'ner' component"):
        load_model(tmp_path / "blank")
    with pytest.raises(ModelError, match="no config.cfg"):
        entitylink.load(ner=tmp_path / "nowhere")
