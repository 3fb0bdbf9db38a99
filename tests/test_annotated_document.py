"""entitylink.annotate and its records: ids, errors, dicts, notebook rendering, tables."""

from __future__ import annotations

import pytest

import entitylink
from entitylink.io.readers import Document


@pytest.fixture(scope="module")
def records(nlp):
    return entitylink.annotate(["Anemia in cats treated with prednisolone.", ("pmid-7", "Mice with asthma."),
                                Document("bad", "", error="not UTF-8 text"), ""], nlp)  # fmt: skip


def test_one_record_per_input_with_its_id(records):
    assert [r.id for r in records] == ["0", "pmid-7", "bad", "3"]
    assert [r.error for r in records] == [None, None, "not UTF-8 text", None]
    assert records[0].text == "Anemia in cats treated with prednisolone."


def test_entities_and_linked_entities(records):
    first = records[0]
    assert {(e["text"], e["label"]) for e in first.entities} >= {("Anemia", "DISEASE"), ("cats", "SPECIES")}
    assert "NCBITaxon:9685" in [c.curie for c in first.linked_entities["SPECIES"]]
    assert records[2].to_dict() == {"id": "bad", "error": "not UTF-8 text", "entities": []}
    assert records[3].entities == []


def test_notebook_rendering(records):
    html = records[0]._repr_html_()
    assert ">0</h2>" in html and "https://www.ncbi.nlm.nih.gov/" in html
    assert records[0]._repr_markdown_().startswith("### 0\n\n## Linked entities")
    assert "Not annotated: not UTF-8 text" in records[2]._repr_html_()
    assert "_No entities found._" in records[3]._repr_markdown_()


def test_tables_take_records(records):
    mentions = entitylink.to_dataframe(records)
    assert set(mentions["doc_id"]) == {"0", "pmid-7"}
    assert entitylink.documents_dataframe(records)["doc_id"].tolist() == ["0", "pmid-7", "bad", "3"]
    concepts = entitylink.concept_table(records)
    assert "MESH:D011239" in concepts["kb_id"].tolist()  # prednisolone


def test_bad_input_is_named(nlp):
    with pytest.raises(TypeError, match="input 1: expected a text"):
        entitylink.annotate(["fine", 42], nlp)


@pytest.mark.parametrize("texts", ["one text, not a list", b"bytes", 42, Document("1", "a text")])
def test_annotate_needs_a_collection_of_texts(nlp, texts):
    with pytest.raises(TypeError, match=r"annotate\(texts\)"):
        entitylink.annotate(texts, nlp)


def test_annotate_checks_nlp_and_batch_size(nlp):
    with pytest.raises(TypeError, match=r"annotate\(nlp\)"):
        entitylink.annotate(["a text"], "en_core_web_sm")
    with pytest.raises(ValueError, match=r"annotate\(batch_size=0\)"):
        entitylink.annotate(["a text"], nlp, batch_size=0)
