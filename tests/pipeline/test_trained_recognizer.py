"""The trained NER component (entitylink.tagger): the bundled model, pieces of long documents, earlier entities, genes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

import entitylink
from entitylink.errors import ModelError
from entitylink.labels import GENE
from entitylink.pipeline.trained_recognizer import GENE_SPANS, load_model
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
    assert size < 50 * 1024**2  # the budget of issue 12
    doc = tagger_nlp("Acute myeloid leukemia was treated with cytarabine in patients and mice.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Acute myeloid leukemia", "DISEASE"), ("cytarabine", "THERAPY")}


def test_genes_are_kept_apart_from_the_entities(tagger_nlp):
    assert GENE in tagger_nlp.get_pipe("entitylink_ner").labels
    doc = tagger_nlp("Mutations in BRCA1 and TP53 were found in breast cancer patients.")
    assert GENE not in {e.label_ for e in doc.ents}
    assert {span.text for span in doc.spans[GENE_SPANS]} == {"BRCA1", "TP53"}


#: (text, a gene in it, an entity the pipeline must still find)
GENE_CONTEXTS = [
    ("ATRX and DAXX mutations define a subgroup of pancreatic neuroendocrine tumors.", "ATRX", "pancreatic neuroendocrine tumors"),
    ("Loss of ATRX and mutant ATRX were found in gliomas of children.", "ATRX", "gliomas"),
    ("Obese ob/ob mice and lean controls were fed a high-fat diet.", "ob/ob", "mice"),
    ("MCAD−/− mice developed hypoglycemia during fasting.", "MCAD−/−", "hypoglycemia"),
    ("We crossed ob/ob mice with MCAD−/− mice.", "MCAD−/−", "mice"),
    # gene and protein symbols that the taxonomy also spells: "Hh" (hedgehog), "PV" (poliovirus)
    ("Hh signaling through Ptch1 and Smo controls limb patterning in mouse embryos.", "Hh", "mouse"),
    ("Loss of Hh pathway activity caused holoprosencephaly.", "Hh", "holoprosencephaly"),
    ("PV interneurons expressing parvalbumin were reduced in the cortex of Shank3 mutant mice.", "PV", "mice"),
    ("PV+ cells and IGFBP-1 levels were measured in the stria vascularis of adult mice.", "IGFBP-1", "mice"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "gene", "entity"), GENE_CONTEXTS)
def test_the_pipeline_tags_no_gene_as_an_entity(nlp, text, gene, entity):
    doc = nlp(text)
    genes = [(m.start(), m.end()) for m in re.finditer(re.escape(gene), text)]
    assert [e.text for e in doc.ents if any(e.start_char < end and start < e.end_char for start, end in genes)] == []
    assert entity in [e.text for e in doc.ents]


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


def test_no_entity_has_a_word_longer_than_max_word_chars(tagger_nlp):
    """A run of letters, a sequence or encoded data is no mention, whatever the model reads into it."""
    text = "a" * 120 + ". Anemia in a cat."
    component = tagger_nlp.get_pipe("entitylink_ner")
    assert [e.text for e in tagger_nlp(text).ents] == ["Anemia"]
    component.max_word_chars = 5
    try:
        assert [e.text for e in tagger_nlp(text).ents] == []  # "Anemia" is six letters
    finally:
        component.max_word_chars = 100
