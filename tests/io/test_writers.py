"""Writing annotated documents: pubtator_id, PubTator, JSON Lines, Markdown, TSV and CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from spacy.tokens import Span

from entitylink.annotate import annotate_documents
from entitylink.io.readers import Document, read_pubtator
from entitylink.io.writers import (
    pubtator_id,
    write_docs,
    write_jsonl,
    write_markdown,
    write_pubtator,
)
from entitylink.io.writers.rows import FILE_COLUMNS

TITLE = "Acute myeloid leukemia and anemia in cats treated with prednisolone."
ABSTRACT = (
    "Patients with multisystem inflammatory syndrome in children (MIS-C)\nreceived cytarabine.\r\nThe cat had anemia again."
)
FAILED = "not UTF-8 text (byte 3: invalid start byte)"


@pytest.fixture(scope="module")
def docs(nlp):
    """A PubTator-style document (title + abstract, with line breaks), a failed one, a plain-text one."""
    documents = [
        Document("111", f"{TITLE} {ABSTRACT}", "x.pubtator#1", title_end=len(TITLE)),
        Document("bad", "", "bad.txt", error=FAILED),
        Document("plain", "A cat with anemia.\nSecond line: AML.", "plain.txt"),
    ]
    return list(annotate_documents(nlp, documents))


def written(writer, docs):
    out = io.StringIO()
    writer(docs, out)
    return out.getvalue()


def ent(doc, text):
    return next(e for e in doc.ents if e.text == text)


# -- pubtator_id -----------------------------------------------------------------------------------------
def test_pubtator_id_per_label(docs):
    doc = docs[0]
    assert pubtator_id(ent(doc, "cats")) == "9685"  # species: the taxon number
    assert pubtator_id(ent(doc, "Patients")) == "9606"
    assert pubtator_id(ent(doc, "Acute myeloid leukemia")) == "D015470"  # disease: MeSH without prefix
    assert pubtator_id(ent(doc, "prednisolone")) == "D011239"  # therapy: MeSH
    mis_c = ent(doc, "MIS-C")  # a disease MONDO alone knows: the heading of its parent, viral infectious disease
    assert mis_c._.kb_ids == ["MONDO:0100163", "MESH:D014777"]
    assert pubtator_id(mis_c) == "D014777"


def test_pubtator_id_of_unlinked_and_mondo_omim_entities(nlp):
    doc = nlp("The weather was fine with Bosch-Boonstra-Schaaf optic atrophy syndrome.")
    bbs = doc.ents[0]
    assert bbs._.kb_ids == ["MONDO:0014320", "OMIM:615722"]
    assert pubtator_id(bbs) == "OMIM:615722"  # no MeSH id: OMIM before MONDO, as PubTator gives it
    doc.ents = [*doc.ents, Span(doc, 1, 2, label="DISEASE"), Span(doc, 3, 4, label="SPECIES")]
    assert {e.text: pubtator_id(e) for e in doc.ents} == {"Bosch-Boonstra-Schaaf optic atrophy syndrome": "OMIM:615722",
                                                           "weather": "-", "fine": "-"}  # fmt: skip


def test_pubtator_id_of_a_coordination_is_composite(nlp):
    doc = nlp("Carriers had breast and ovarian cancers, and also prostatic, pancreas, and lung cancer.")
    ids = {e.text: pubtator_id(e) for e in doc.ents}
    assert ids["breast and ovarian cancers"] == "D001943|D010051"  # as NCBI-disease and BC5CDR write composite mentions
    assert ids["prostatic, pancreas, and lung cancer"] == "D011471|D010190|D008175"


# -- write_pubtator --------------------------------------------------------------------------------------
def test_pubtator_title_abstract_and_entity_lines(docs):
    lines = written(write_pubtator, docs[:1]).split("\n")
    assert lines[0] == f"111|t|{TITLE}"
    assert lines[1] == "111|a|" + ABSTRACT.replace("\r", " ").replace("\n", " ")
    rows = [line.split("\t") for line in lines[2:] if line]
    assert lines[2 + len(rows) :] == ["", ""]  # a blank line after the document
    assert len(rows) == len(docs[0].ents) > 5
    assert all(len(row) == 6 and row[0] == "111" for row in rows)
    assert ["111", "0", "22", "Acute myeloid leukemia", "DISEASE", "D015470"] in rows
    assert ["111", "37", "41", "cats", "SPECIES", "9685"] in rows


def test_pubtator_offsets_count_in_title_space_abstract(docs):
    lines = written(write_pubtator, docs[:1]).split("\n")
    title, abstract = lines[0].split("|t|", 1)[1], lines[1].split("|a|", 1)[1]
    text = f"{title} {abstract}"
    assert len(text) == len(docs[0].text)  # line breaks became spaces, nothing shifted
    rows = [line.split("\t") for line in lines[2:] if line]
    for (_, start, end, mention, label, _), e in zip(rows, docs[0].ents):
        assert text[int(start) : int(end)] == mention == e.text
        assert label == e.label_
    after_break = [row for row in rows if row[3] == "received" or row[3] == "cytarabine"]
    assert after_break and int(after_break[0][1]) > len(TITLE) + ABSTRACT.index("\n")


def test_pubtator_round_trip(docs, tmp_path):
    path = tmp_path / "out.pubtator"
    path.write_text(written(write_pubtator, docs[:1]), encoding="utf-8")
    (back,) = read_pubtator(path)
    assert back.id == "111" and back.title_end == len(TITLE)
    assert back.text == docs[0].text.replace("\r", " ").replace("\n", " ")
    assert [(a.start, a.end, a.text, a.type) for a in back.annotations] == [
        (e.start_char, e.end_char, e.text, e.label_) for e in docs[0].ents
    ]


def test_pubtator_plain_document_goes_on_the_title_line(docs):
    lines = written(write_pubtator, docs[2:]).split("\n")
    assert lines[0] == "plain|t|A cat with anemia. Second line: AML."
    assert lines[1] == "plain|a|"
    rows = [line.split("\t") for line in lines[2:] if line]
    assert [row[3] for row in rows] == [e.text for e in docs[2].ents]
    assert ["plain", "2", "5", "cat", "SPECIES", "9685"] in rows
    for row in rows:
        assert lines[0][len("plain|t|") :][int(row[1]) : int(row[2])] == row[3]


def test_pubtator_failed_document_has_text_lines_only(docs):
    assert written(write_pubtator, docs[1:2]) == "bad|t|\nbad|a|\n\n"


def test_pubtator_every_document_in_order(docs):
    out = written(write_pubtator, docs)
    assert [line.split("|t|")[0] for line in out.split("\n") if "|t|" in line] == ["111", "bad", "plain"]
    assert out.count("\n\n") == 3


# -- write_jsonl -----------------------------------------------------------------------------------------
def test_jsonl_one_object_per_document(docs):
    lines = written(write_jsonl, docs).splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["111", "bad", "plain"]
    good = records[0]
    assert good["text"] == docs[0].text and "error" not in good
    assert [e["text"] for e in good["entities"]] == [e.text for e in docs[0].ents]
    assert good["linked_entities"]["DISEASE"][0]["curie"] == "MONDO:0018874"
    assert records[1] == {"id": "bad", "error": FAILED, "entities": []}
    assert records[2]["entities"] and "error" not in records[2]


def test_jsonl_keeps_non_ascii_text(nlp):
    (doc,) = annotate_documents(nlp, [Document("u", "Anämie bei Katzen: anemia in a cat — 猫")])
    line = written(write_jsonl, [doc])
    assert line.count("\n") == 1 and line.endswith("\n")
    assert json.loads(line)["text"] == "Anämie bei Katzen: anemia in a cat — 猫"


# -- write_markdown / write_docs -------------------------------------------------------------------------
def test_markdown_heading_per_document(docs):
    out = written(write_markdown, docs)
    assert [line for line in out.splitlines() if line.startswith("# ")] == ["# 111", "# bad", "# plain"]
    first = out.split("# bad")[0]
    assert first.startswith("# 111\n\n## Linked entities\n\n- **Diseases:** ")
    assert "## Full-text entities" in first
    assert f"# bad\n\n_Not annotated: {FAILED}_\n" in out


def test_markdown_document_without_entities(nlp):
    (doc,) = annotate_documents(nlp, [Document("empty", "Nothing to see here.")])
    assert written(write_markdown, [doc]) == "# empty\n\n_No entities found._\n\n"


@pytest.mark.parametrize("fmt, writer", [("jsonl", write_jsonl), ("pubtator", write_pubtator), ("markdown", write_markdown)])
def test_write_docs_dispatches(docs, fmt, writer):
    out = io.StringIO()
    write_docs(docs, out, fmt)
    assert out.getvalue() == written(writer, docs)


def test_pubtator_entity_text_with_a_tab_keeps_six_columns(nlp, tmp_path):
    """A long form written with a tab ("pure red<TAB>cell aplasia (PRCA)") is one entity; its line must stay parseable."""
    text = "Patients with pure red\tcell aplasia (PRCA) and PRCA."
    (doc,) = annotate_documents(nlp, [Document("t1", text)])
    assert "MESH:D012010" in [i for e in doc.ents for i in e._.kb_ids]
    out = written(write_pubtator, [doc])
    rows = [line.split("\t") for line in out.split("\n")[2:] if line]
    assert len(rows) == len(doc.ents)
    assert all(len(row) == 6 for row in rows), rows
    path = tmp_path / "tab.pubtator"
    path.write_text(out, encoding="utf-8")
    (back,) = read_pubtator(path)
    assert [(a.start, a.end, a.type) for a in back.annotations] == [(e.start_char, e.end_char, e.label_) for e in doc.ents]


# -- TSV and CSV -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, sep", [("tsv", "\t"), ("csv", ",")])
def test_delimited_lines_end_with_newline_and_read_back_with_csv(docs, fmt, sep):
    out = io.StringIO(newline="")
    write_docs(docs, out, fmt)
    text = out.getvalue()
    assert "\r" not in text and text.endswith("\n")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    assert rows[0] == list(FILE_COLUMNS)
    assert all(len(row) == len(FILE_COLUMNS) for row in rows)
    assert {row[0] for row in rows[1:]} == {"111", "bad", "plain"}


def test_tsv_splits_like_awk(docs):
    """``awk -F'\\t' '$6 != ""'`` (the rows with a kb_id) sees the columns csv sees, line by line."""
    out = io.StringIO(newline="")
    write_docs(docs, out, "tsv")
    lines = out.getvalue().split("\n")[:-1]
    by_awk = [line.split("\t") for line in lines]
    assert by_awk == list(csv.reader(lines, delimiter="\t"))
    kb_id = FILE_COLUMNS.index("kb_id")
    linked = [fields for fields in by_awk[1:] if fields[kb_id] != ""]
    assert linked and all(fields[kb_id].count(":") == 1 for fields in linked)
    assert len(linked) == sum(1 for doc in docs for ent in doc.ents if ent._.kb_id)
