"""Bad input: empty and blank texts, a 2 MB text, control characters, non-English text, punctuation and
numbers only, a 100,000-character token. No exception, the text kept, entities only where expected."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from entitylink import render_html, render_markdown
from entitylink.annotate import annotate_documents
from entitylink.io.readers import Document
from entitylink.io.writers import write_jsonl, write_markdown, write_pubtator
from entitylink.pipeline.extensions import doc_error

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "abstracts"
AML, CAT, ANEMIA = "MONDO:0018874", "NCBITaxon:9685", "MONDO:0002280"

NOTHING_TO_FIND = {
    "empty": "",
    "spaces": "     ",
    "whitespace": " \n\n\t \r\n \u00a0 \u2003 ",
    "punctuation": "!!! ??? ... ,,, ;;; :: -- () [] {} <> /// \\\\ '' \"\" ** && %% @@ ## ~~",
    "numbers": "1234 5678 3.14 -2.5e-3 10% 5/6 1,000,000 (n = 42) p < 0.001 95% CI 1.2-3.4",
    "chinese": "急性髓系白血病患者接受了化疗，贫血得到改善。",
    "russian": "Острый миелоидный лейкоз у пациентов с анемией; кошки получали преднизолон.",
    "german": "Patienten mit akuter myeloischer Leukämie und Anämie; Mäuse und Katzen wurden behandelt. Größe: 5 µm.",
    "long token": "a" * 100_000,
    "long hyphenated token": "x" + "-" * 100_000,
    "long repeated abbreviation": "AML" * 33_000,
}


def check_record(doc):
    """to_dict is JSON and its offsets slice the text."""
    record = json.loads(json.dumps(doc._.to_dict()))
    assert record["text"] == doc.text
    for e in record["entities"]:
        assert doc.text[e["start"] : e["end"]] == e["text"]
    return record


@pytest.mark.parametrize("name", list(NOTHING_TO_FIND))
def test_nothing_to_find(nlp, name):
    text = NOTHING_TO_FIND[name]
    doc = nlp(text)
    assert doc.text == text
    assert [e for e in doc.ents if e._.kb_id] == []  # an unlinked guess of the NER ("Mäuse") is no output
    record = check_record(doc)
    assert record["linked_entities"] == {"DISEASE": [], "SPECIES": [], "THERAPY": []}
    assert render_markdown(doc) == ""
    assert render_html(doc).count("<mark") == len(doc.ents)  # only what was tagged is marked


@pytest.mark.parametrize("name", list(NOTHING_TO_FIND))
def test_nothing_to_find_through_annotate_documents(nlp, name):
    text = NOTHING_TO_FIND[name]
    (doc,) = annotate_documents(nlp, [Document(name, text)])
    assert doc._.doc_id == name and doc.text == text and doc_error(doc) is None
    assert [e for e in doc.ents if e._.kb_id] == []


def test_entities_after_a_long_token(nlp):
    text = "a" * 100_000 + " anemia in a cat"
    doc = nlp(text)
    assert [(e.text, e.start_char, e._.kb_id) for e in doc.ents] == [("anemia", 100_001, ANEMIA), ("cat", 100_013, CAT)]
    check_record(doc)


def test_english_inside_other_scripts(nlp):
    text = "急性髓系白血病 (acute myeloid leukemia) 患者; у кошки (cat) анемия."
    doc = nlp(text)
    assert doc.text == text
    assert [(e.text, e._.kb_id) for e in doc.ents] == [("acute myeloid leukemia", AML), ("cat", CAT)]
    check_record(doc)


def test_umlauts_and_accents_do_not_shift_offsets(nlp):
    text = "Größere Studie über Anämie: anemia in a cat, café-au-lait spots; naïve mice."
    doc = nlp(text)
    assert doc.text == text
    found = {e.text: (e.start_char, e._.kb_id) for e in doc.ents}
    assert found["anemia"] == (text.index("anemia"), ANEMIA)
    assert found["cat"] == (text.index("cat,"), CAT)
    check_record(doc)


# -- control characters ----------------------------------------------------------------------------------
CONTROL_TEXT = "Acute myeloid leukemia\x00 was seen in a cat\x07. \x1b[31m Anemia \x1b[0m followed\x00."


def test_control_characters_no_exception_and_text_kept(nlp):
    doc = nlp(CONTROL_TEXT)
    assert doc.text == CONTROL_TEXT
    assert {e._.kb_id for e in doc.ents} == {AML, CAT, ANEMIA}
    check_record(doc)
    render_html(doc)


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b"], ids=["NUL", "BEL", "ESC"])
def test_entities_never_include_control_characters(nlp, control):
    text = f"Acute myeloid leukemia{control} and anemia{control} in a cat{control}."
    doc = nlp(text)
    assert doc.text == text
    assert [(e.text, e.start_char, e.end_char, e._.kb_id) for e in doc.ents] == [
        ("Acute myeloid leukemia", 0, 22, AML),
        ("anemia", 28, 34, ANEMIA),
        ("cat", 41, 44, CAT),
    ]


def test_written_outputs_of_control_characters(nlp):
    (doc,) = annotate_documents(nlp, [Document("ctl", CONTROL_TEXT)])
    out = io.StringIO()
    write_pubtator([doc], out)
    lines = out.getvalue().split("\n")
    rows = [line.split("\t") for line in lines[2:] if line]
    assert len(rows) == len(doc.ents) == 3 and all(len(row) == 6 for row in rows)
    jsonl = io.StringIO()
    write_jsonl([doc], jsonl)
    assert json.loads(jsonl.getvalue())["text"] == CONTROL_TEXT
    markdown = io.StringIO()
    write_markdown([doc], markdown)
    assert "# ctl" in markdown.getvalue()


def test_entity_texts_are_clean_in_the_control_text(nlp):
    doc = nlp(CONTROL_TEXT)
    for e in doc.ents:
        assert not any(unicodedata.category(ch) == "Cc" for ch in e.text), repr(e.text)
        assert e.text == e.text.strip()


# -- everything together -----------------------------------------------------------------------------------
def test_bad_inputs_in_one_batch(nlp):
    documents = [Document(name, text) for name, text in NOTHING_TO_FIND.items()]
    documents.insert(3, Document("good", "Acute myeloid leukemia in a cat."))
    documents.append(Document("control", CONTROL_TEXT))
    docs = list(annotate_documents(nlp, documents, batch_size=4))
    assert [doc._.doc_id for doc in docs] == [d.id for d in documents]
    assert [doc.text for doc in docs] == [d.text for d in documents]
    assert all(doc_error(doc) is None for doc in docs)
    assert [e._.kb_id for e in docs[3].ents] == [AML, CAT]
    out = io.StringIO()
    write_jsonl(docs, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == [d.id for d in documents]
    pubtator = io.StringIO()
    write_pubtator(docs, pubtator)
    assert pubtator.getvalue().count("|t|") == len(docs)


# -- a 2 MB text -------------------------------------------------------------------------------------------
def test_two_megabyte_text_of_plain_prose(nlp):
    """2 MB of an abstract without parentheses: every copy gets the entities of one copy."""
    abstract = (EXAMPLES / "41689919.txt").read_text(encoding="utf-8").replace("(", ",").replace(")", ",")
    one = nlp(abstract)
    assert len(one.ents) > 5
    copies = 2_000_000 // (len(abstract) + 2) + 1
    text = (abstract + "\n\n") * copies
    doc = nlp(text)
    assert doc.text == text
    assert len(doc.ents) == copies * len(one.ents)
    assert [e.text for e in doc.ents[-len(one.ents) :]] == [e.text for e in one.ents]
    assert len(json.dumps(doc._.to_dict())) > len(text)


TWO_MB_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))  # never take the machine down
    import entitylink
    nlp = entitylink.load()
    abstract = open(sys.argv[1], encoding="utf-8").read()
    copies = 2_000_000 // (len(abstract) + 2) + 1
    one = nlp(abstract)
    doc = nlp((abstract + "\\n\\n") * copies)
    record = json.dumps(doc._.to_dict())
    print(json.dumps({"copies": copies, "one": len(one.ents), "ents": len(doc.ents),
                      "ids": sorted({e._.kb_id for e in doc.ents if e._.kb_id}),
                      "one_ids": sorted({e._.kb_id for e in one.ents if e._.kb_id})}))
    """
)


def test_two_megabyte_text_of_a_real_abstract():
    """2 MB of a real abstract (with its parenthesised abbreviations) repeated: it must finish, in bounded
    memory, and find the entities of every copy. Run in a subprocess capped at 3 GB of address space."""
    abstract = EXAMPLES / "PMC12171867.txt"
    result = subprocess.run([sys.executable, "-c", TWO_MB_SCRIPT, str(abstract)], capture_output=True, text=True,
                            env=os.environ.copy())  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    stats = json.loads(result.stdout.strip().splitlines()[-1])
    assert stats["one"] > 30
    assert stats["ents"] >= stats["copies"] * stats["one"] * 0.9
    assert stats["ids"] == stats["one_ids"]


# -- irregular whitespace inside a name ----------------------------------------------------------------------
@pytest.mark.parametrize("gap", ["  ", "\n"], ids=["double space", "wrapped line"])
def test_irregular_whitespace_inside_a_name(nlp, gap):
    """Text files wrap lines and PDFs leave double spaces: the whole name is still the entity."""
    text = f"Patients with acute myeloid{gap}leukemia were treated."
    doc = nlp(text)
    assert doc.text == text
    diseases = [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "DISEASE"]
    assert diseases == [(f"acute myeloid{gap}leukemia", AML)]
