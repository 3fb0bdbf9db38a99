"""Reading documents: text files, PubTator files, PubMed XML, JSONL, standard input, format detection and folders."""

from __future__ import annotations

import gzip
import io
import sys
import time
from pathlib import Path

import pytest

from entitylink.errors import EntitylinkError
from entitylink.evaluation.scoring import normalize_ids
from entitylink.io.readers import (
    Annotation,
    InputError,
    detect_format,
    read_bioc,
    read_inputs,
    read_jsonl,
    read_pubmed_xml,
    read_pubtator,
    read_text_file,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "readers_sample.pubtator"
TITLE = "Cisplatin nephrotoxicity in rats."
ABSTRACT = "Breast and ovarian cancers were treated with cisplatin in Wistar rats."


# -- read_text_file ------------------------------------------------------------------------------------
def test_text_file_is_one_document_named_after_the_file(tmp_path):
    path = tmp_path / "19309241.txt"
    path.write_text("Anemia in a cat.\nSecond line.\n", encoding="utf-8")
    document = read_text_file(path)
    assert (document.id, document.text, document.source) == ("19309241", "Anemia in a cat.\nSecond line.\n", str(path))
    assert document.error is None and document.title_end is None and document.annotations == []


def test_text_file_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffAnémie in a cat.".encode())
    document = read_text_file(path)
    assert document.text == "Anémie in a cat."
    assert document.error is None


def test_text_file_not_utf8_is_a_failed_document(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café au lait spots".encode("latin-1"))
    document = read_text_file(path)
    assert document.id == "latin1" and document.text == ""
    assert document.error is not None and "not UTF-8" in document.error and "byte 3" in document.error


def test_empty_text_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document = read_text_file(path)
    assert (document.id, document.text) == ("empty", "")
    assert document.error == f"{path}: empty, no text to annotate"  # a record that says so, not a silent blank


# -- read_pubtator ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample():
    return list(read_pubtator(SAMPLE))


def test_pubtator_documents(sample):
    assert [d.id for d in sample] == ["100", "200"]
    first, second = sample
    assert first.text == f"{TITLE} {ABSTRACT}"
    assert first.title_end == len(TITLE)
    assert first.text[: first.title_end] == TITLE and first.text[first.title_end + 1 :] == ABSTRACT
    assert first.source == f"{SAMPLE}#1" and second.source == f"{SAMPLE}#2"
    assert first.error is None and second.error is None
    # a record without abstract: the title alone
    assert second.text == "Hereditary breast and ovarian cancer syndrome."
    assert second.title_end == len(second.text)


def test_pubtator_annotations(sample):
    first, second = sample
    assert first.annotations[:3] == [
        Annotation(0, 9, "Cisplatin", "Chemical", "D002945"),
        Annotation(10, 24, "nephrotoxicity", "Disease", "D007674"),
        Annotation(28, 32, "rats", "Species", "10116"),
    ]
    composite = next(a for a in first.annotations if a.type == "CompositeMention")  # 7 columns
    assert (composite.start, composite.end, composite.id) == (34, 60, "D001943|D010051")
    assert second.annotations == [Annotation(0, 45, "Hereditary breast and ovarian cancer syndrome", "SpecificDisease",
                                             "D061325,D001943")]  # fmt: skip


def test_pubtator_annotation_offsets_slice_the_text(sample):
    for document in sample:
        assert document.annotations
        for a in document.annotations:
            assert document.text[a.start : a.end] == a.text


def test_pubtator_five_column_line_is_an_annotation_without_id(sample):
    """``PMID<TAB>start<TAB>end<TAB>text<TAB>type``: a mention whose identifier column is missing."""
    strains = [a for a in sample[0].annotations if a.type == "Strain"]
    assert [(a.start, a.end, a.text) for a in strains] == [(92, 103, "Wistar rats")]
    assert normalize_ids(strains[0].id, "SPECIES") == frozenset()


def test_pubtator_relation_lines_are_not_annotations(sample):
    types = {a.type for a in sample[0].annotations}
    assert "CID" not in types and "Association" not in types
    assert all(isinstance(a.start, int) and isinstance(a.end, int) for a in sample[0].annotations)


def test_pubtator_crlf_and_byte_order_mark(tmp_path):
    path = tmp_path / "windows.pubtator"
    path.write_bytes("\ufeff333|t|Anemia here.\r\n333|a|In a cat.\r\n333\t0\t6\tAnemia\tDisease\tD000740\r\n\r\n"
                     "444|t|Second.\r\n".encode())  # fmt: skip
    assert detect_format(path) == "pubtator"
    first, second = read_pubtator(path)
    assert (first.id, first.text, first.title_end) == ("333", "Anemia here. In a cat.", 12)
    assert first.annotations == [Annotation(0, 6, "Anemia", "Disease", "D000740")]
    assert (second.id, second.text) == ("444", "Second.")


def test_pubtator_record_not_utf8_is_failed_and_the_others_read(tmp_path):
    path = tmp_path / "latin1.pubtator"
    path.write_bytes(b"5|t|Caf\xe9 title.\n5|a|Abstract.\n\n6|t|Fine title.\n")
    first, second = read_pubtator(path)
    assert first.id == "5" and first.error is not None and str(path) in first.error and "UTF-8" in first.error
    assert (second.id, second.text, second.error) == ("6", "Fine title.", None)


def test_pubtator_malformed_line_is_a_failed_document_naming_the_file(tmp_path):
    path = tmp_path / "broken.pubtator"
    path.write_text("1|t|Good title.\n1\t0\t4\tGood\tDisease\tD1\n\n2|t|Bad one.\n2\tx\t5\tcancer\tDisease\tD009369\n",
                    encoding="utf-8")  # fmt: skip
    documents = list(read_pubtator(path))
    assert documents[0].id == "1" and documents[0].error is None
    assert len(documents) == 2
    assert documents[1].error is not None and str(path) in documents[1].error and "malformed" in documents[1].error


# -- detect_format ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content, expected",
    [
        (b"12345|t|A title\n12345|a|An abstract\n", "pubtator"),
        (b"12345|a|An abstract only\n", "pubtator"),
        (b"PMC123|t|Ids need not be numbers\n", "pubtator"),
        (b"Acute myeloid leukemia in a cat.\n", "txt"),
        (b"|t|no id\n", "txt"),
        (b"a|b|c pipes in prose\n", "txt"),
        (b"", "txt"),
        ((FIXTURES / "pubmed_articles.xml").read_bytes(), "pubmed-xml"),
        (b"<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>", "pubmed-xml"),
        (b'{"id": "1", "text": "Anemia."}\n{"id": "2", "text": "Leukemia."}\n', "jsonl"),
        (b'\n\n{"id": "1", "text": "Anemia."}', "jsonl"),
        (b'{"id": "1|t|x", "text": "pipes in JSON"}\n', "jsonl"),
        (b'{"id": "1", "text": "' + b"long " * 2000 + b'"}\n', "jsonl"),
        (b'{"id": "1", "title": "no text"}\n', "txt"),
        (b'{"source": "", "date": "", "key": "", "infons": {}, "documents": []}', "bioc-json"),
        (b"<notes>PubmedArticleSet</notes>", "txt"),
    ],
)
def test_detect_format(tmp_path, content, expected):
    path = tmp_path / "input.dat"
    path.write_bytes(content)
    assert detect_format(path) == expected


# -- read_inputs -----------------------------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text("Anemia in a cat.", encoding="utf-8")
    (root / "a.txt").write_text("Acute myeloid leukemia.", encoding="utf-8")
    (root / "sub" / "c.txt").write_text("A dog.", encoding="utf-8")
    (root / "sub" / "records.pubtator").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "z.txt").write_text("Zebrafish.", encoding="utf-8")
    (root / "notes.md").write_text("# not an input", encoding="utf-8")
    (root / "data.json").write_text("{}", encoding="utf-8")
    return root


def test_read_inputs_folder_sorted_and_recursive(folder):
    documents = list(read_inputs([folder]))
    assert [d.id for d in documents] == ["a", "b", "c", "100", "200", "z"]
    assert documents[0].text == "Acute myeloid leukemia."
    assert documents[3].annotations and documents[3].title_end == len(TITLE)


def test_read_inputs_files_and_folders_in_the_order_given(folder):
    documents = list(read_inputs([folder / "z.txt", str(folder / "sub")]))
    assert [d.id for d in documents] == ["z", "c", "100", "200"]


def test_read_inputs_detects_pubtator_in_a_txt_file(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert [d.id for d in read_inputs([path])] == ["100", "200"]
    (whole,) = read_inputs([path], "txt")  # forced: the file is one text
    assert whole.id == "gold" and whole.text.startswith("100|t|")


def test_read_inputs_forced_pubtator(folder):
    documents = list(read_inputs([folder / "sub" / "records.pubtator"], "pubtator"))
    assert [d.id for d in documents] == ["100", "200"]


def test_read_inputs_missing_path_names_it(tmp_path):
    missing = tmp_path / "nowhere" / "abstract.txt"
    with pytest.raises(InputError, match="no such file") as raised:
        list(read_inputs([missing]))
    assert str(missing) in str(raised.value)
    assert isinstance(raised.value, EntitylinkError)


def test_read_inputs_missing_path_after_a_good_one_raises_before_reading(folder, tmp_path):
    with pytest.raises(InputError, match="gone.txt"):
        list(read_inputs([folder / "a.txt", tmp_path / "gone.txt"]))


def test_read_inputs_empty_folder_names_it(tmp_path):
    empty = tmp_path / "empty"
    (empty / "deeper").mkdir(parents=True)
    (empty / "readme.md").write_text("nothing", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        list(read_inputs([empty]))
    assert str(empty) in str(raised.value)


def test_read_inputs_unknown_format(folder):
    with pytest.raises(InputError, match="xml"):
        list(read_inputs([folder], "xml"))


def test_read_inputs_not_utf8_file_is_a_failed_document(folder):
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    documents = list(read_inputs([folder]))
    bad = next(d for d in documents if d.id == "bad")
    assert bad.error is not None and bad.text == ""
    assert [d.id for d in documents] == ["a", "b", "bad", "c", "100", "200", "z"]


def test_detect_bioc_formats(tmp_path):
    xml = tmp_path / "c.xml"
    xml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection>', encoding="utf-8"
    )
    js = tmp_path / "c.json"
    js.write_text('{"source": "", "date": "", "key": "", "infons": {}, "documents": []}', encoding="utf-8")
    assert detect_format(xml) == "bioc-xml"
    assert detect_format(js) == "bioc-json"


def test_unreadable_bioc_file_is_one_failed_document(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version='1.0'?><collection><document><id>1</id>", encoding="utf-8")
    (document,) = read_bioc(broken, "bioc-xml")
    assert document.error and "broken.xml" in document.error and document.text == ""


# -- read_pubmed_xml -------------------------------------------------------------------------------------
PUBMED = FIXTURES / "pubmed_articles.xml"
PUBMED_IDS = ["100001", "100002", "100003", "pubmed_articles#4", "100005"]  # the 4th has no PMID: named after the file


def pubmed_ids(stem: str) -> list[str]:
    return [*PUBMED_IDS[:3], f"{stem}#4", PUBMED_IDS[4]]


PUBMED_SAMPLE = REPO / "examples" / "pubmed_sample.xml"
BC5CDR_DEV = REPO.parent / "shared/data/corpora/bc5cdr/dev.pubtator"


@pytest.fixture(scope="module")
def articles():
    return list(read_pubmed_xml(PUBMED))


def test_pubmed_documents(articles):
    assert [d.id for d in articles] == PUBMED_IDS
    assert [d.source for d in articles] == [f"{PUBMED}#{number}" for number in range(1, 6)]
    first = articles[0]
    assert first.error is None and first.annotations == []
    assert first.text == ("Effects of Escherichia coli lipopolysaccharide in rats. "
                          "Serum Ca2+ fell & \u03b2-blockers (p < 0.05) did not help.")  # fmt: skip


def test_pubmed_title_end(articles):
    for document in (articles[0], articles[1], articles[4]):
        title = document.text[: document.title_end]
        assert title.endswith(".") and document.text[document.title_end] == " "
    assert articles[0].text[: articles[0].title_end] == "Effects of Escherichia coli lipopolysaccharide in rats."


def test_pubmed_inline_markup_keeps_its_text(articles):
    """``<i>Escherichia coli</i>`` and ``Ca<sup>2+</sup>``: the words stay, the tags go."""
    assert "Escherichia coli lipopolysaccharide" in articles[0].text and "Ca2+ fell" in articles[0].text
    assert "<" not in articles[0].text.replace("p < 0.05", "")


def test_pubmed_structured_abstract_sections_are_labelled(articles):
    second = articles[1]
    assert second.text[: second.title_end] == "Cisplatin nephrotoxicity: a cohort study."
    assert second.text[second.title_end + 1 :] == ("BACKGROUND: Cisplatin harms the kidney. "
                                                   "METHODS: We followed 40 patients. "
                                                   "RESULTS: Acute kidney injury occurred in 12.")  # fmt: skip
    # the copyright line and the PMID of a cited article are not text
    assert "Copyright" not in second.text and "999999" not in second.text


def test_pubmed_article_without_abstract_is_its_title(articles):
    third = articles[2]
    assert (third.id, third.text, third.title_end, third.error) == ("100003", "Anemia in a cat.", 16, None)


def test_pubmed_record_without_pmid_is_failed_and_the_others_read(articles):
    failed = articles[3]
    assert failed.text == "" and failed.source == f"{PUBMED}#4"
    assert failed.error is not None and str(PUBMED) in failed.error and "record 4" in failed.error
    assert "PMID" in failed.error
    assert articles[4].error is None


def test_pubmed_year_and_journal(tmp_path):
    path = tmp_path / "dated.xml"
    journal = "<Journal><JournalIssue><PubDate>{}</PubDate></JournalIssue><Title>Kidney International</Title></Journal>"
    records = [
        journal.format("<Year>2019</Year><Month>Mar</Month>"),
        journal.format("<MedlineDate>1998 Dec-1999 Jan</MedlineDate>"),
        "",
    ]
    path.write_text("<PubmedArticleSet>" + "".join(
        f"<PubmedArticle><MedlineCitation><PMID>{n}</PMID><Article>{r}<ArticleTitle>T</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        for n, r in enumerate(records)) + "</PubmedArticleSet>", encoding="utf-8")  # fmt: skip
    assert [(d.year, d.journal) for d in read_pubmed_xml(path)] == [
        (2019, "Kidney International"),
        (1998, "Kidney International"),
        (None, None),
    ]


def test_pubmed_book_article(articles):
    book = articles[4]
    assert book.id == "100005"
    assert book.text == "Hereditary breast and ovarian cancer syndrome. CLINICAL CHARACTERISTICS: BRCA1 and BRCA2 carriers."
    assert book.title_end == len("Hereditary breast and ovarian cancer syndrome.")


def test_pubmed_delete_citations_are_not_documents(articles):
    assert "100099" not in [d.id for d in articles]


@pytest.mark.parametrize("name", ["articles.xml.gz", "articles.xml"])
def test_pubmed_gzip_is_detected_by_its_magic_bytes(tmp_path, articles, name):
    path = tmp_path / name
    path.write_bytes(gzip.compress(PUBMED.read_bytes()))
    assert detect_format(path) == "pubmed-xml"
    documents = list(read_pubmed_xml(path))
    assert [(d.text, d.title_end) for d in documents] == [(d.text, d.title_end) for d in articles]
    assert [d.id for d in documents] == [d.id for d in read_inputs([path])] == pubmed_ids("articles")


def test_pubmed_truncated_file_gives_the_documents_before_then_one_failed():
    path = FIXTURES / "pubmed_truncated.xml"
    documents = list(read_pubmed_xml(path))
    assert len(documents) == 3
    assert [d.id for d in documents[:2]] == ["100001", "100002"] and all(d.error is None for d in documents[:2])
    failed = documents[2]
    assert failed.id == "pubmed_truncated#3" and failed.text == ""
    assert failed.error is not None and str(path) in failed.error and "malformed XML" in failed.error
    assert "line 47" in failed.error


def test_pubmed_truncated_gzip_gives_the_documents_before_then_one_failed(tmp_path):
    text = PUBMED.read_text(encoding="utf-8")
    start, end = text.index("<PubmedArticle>"), text.index("<PubmedArticle>", text.index("</PubmedArticle>"))
    many = text[:start] + text[start:end] * 2000 + text[start:]  # the first record 2000 times, then the fixture's
    compressed = gzip.compress(many.encode())
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(compressed[: len(compressed) // 2])
    documents = list(read_pubmed_xml(path))
    assert len(documents) > 10
    assert all(d.id == "100001" and d.error is None for d in documents[:-1])
    assert documents[-1].error is not None and str(path) in documents[-1].error and documents[-1].text == ""


def test_pubmed_malformed_xml_stops_at_the_error(tmp_path):
    text = PUBMED.read_text(encoding="utf-8")
    path = tmp_path / "broken.xml"
    path.write_text(text.replace("<ArticleTitle>Anemia in a cat.</ArticleTitle>", "<ArticleTitle>Anemia <b>in a cat."),
                    encoding="utf-8")  # fmt: skip
    documents = list(read_pubmed_xml(path))
    assert [d.id for d in documents] == ["100001", "100002", "broken#3"]
    assert documents[2].error is not None and "broken.xml" in documents[2].error and "line" in documents[2].error


@pytest.mark.parametrize("fixture", ["pubmed_xxe.xml", "pubmed_xxe_parameter.xml"])
def test_pubmed_external_entity_is_refused_unread(tmp_path, fixture):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-5f3c9a", encoding="utf-8")
    path = tmp_path / fixture
    path.write_text((FIXTURES / fixture).read_text(encoding="utf-8").replace("SECRET_PATH", str(secret)), encoding="utf-8")
    for documents in (list(read_pubmed_xml(path)), list(read_inputs([path]))):
        assert len(documents) == 1
        (document,) = documents
        assert document.text == "" and document.error is not None
        assert str(path) in document.error and "entities" in document.error and "refused" in document.error
        assert "TOPSECRET" not in repr(documents)


def test_pubmed_billion_laughs_is_refused_quickly():
    path = FIXTURES / "pubmed_billion_laughs.xml"
    started = time.monotonic()
    documents = list(read_inputs([path]))
    assert time.monotonic() - started < 5
    assert len(documents) == 1
    (document,) = documents
    assert document.text == "" and document.error is not None
    assert str(path) in document.error and "entities" in document.error and "refused" in document.error


def test_pubmed_external_dtd_is_neither_fetched_nor_refused(tmp_path, articles):
    """PubMed files name their DTD (``<!DOCTYPE PubmedArticleSet PUBLIC ... "https://...">``): it is not loaded."""
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOPSECRET-5f3c9a">', encoding="utf-8")
    path = tmp_path / "system.xml"
    path.write_text(PUBMED.read_text(encoding="utf-8").replace("https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd",
                                                               f"file://{secret}"), encoding="utf-8")  # fmt: skip
    documents = list(read_pubmed_xml(path))
    assert [d.id for d in documents] == pubmed_ids("system")
    assert "TOPSECRET" not in repr(documents)


def test_pubmed_reader_refuses_other_xml(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<?xml version='1.0'?><collection><document><id>1</id></document></collection>", encoding="utf-8")
    (document,) = read_inputs([path], "pubmed-xml")
    assert document.error is not None and str(path) in document.error and "<collection>" in document.error


def test_pubmed_sample_example_reads_into_its_documents():
    documents = list(read_inputs([PUBMED_SAMPLE]))
    assert [d.id for d in documents] == ["16157917", "20973483", "9205462", "8686832"]
    assert all(d.error is None and d.title_end and d.text[d.title_end] == " " for d in documents)
    assert documents[0].text.startswith("Lamotrigine associated with exacerbation or de novo myoclonus")
    assert "CASE: A 52-year-old postmenopausal woman" in documents[2].text
    labelled = documents[3]
    assert labelled.text[labelled.title_end + 1 :].startswith("BACKGROUND: Fifty-four patients")
    assert " RESULTS: Thirteen of these patients" in labelled.text and "(p < 0.05)" in labelled.text


@pytest.mark.skipif(not BC5CDR_DEV.is_file(), reason=f"BC5CDR not available at {BC5CDR_DEV}")
def test_pubmed_sample_example_has_the_bc5cdr_dev_texts():
    """The example's records are BC5CDR dev documents: same PMIDs, same text (one has labels added)."""
    gold = {d.id: d for d in read_pubtator(BC5CDR_DEV)}
    for document in read_pubmed_xml(PUBMED_SAMPLE):
        expected = gold[document.id]
        assert document.title_end == expected.title_end
        assert document.text.replace("BACKGROUND: Fifty", "Fifty").replace("RESULTS: ", "") == expected.text


# -- read_jsonl ------------------------------------------------------------------------------------------
JSONL = FIXTURES / "jsonl_sample.jsonl"


def test_jsonl_documents_and_failed_lines():
    documents = list(read_jsonl(JSONL))
    assert [d.id for d in documents] == ["j1", "j2", "jsonl_sample#4", "jsonl_sample#5", "jsonl_sample#6",
                                         "jsonl_sample#7", "j8", "jsonl_sample#10", "j10"]  # fmt: skip
    good = [(d.id, d.text, d.source) for d in documents if d.error is None]
    assert good == [("j1", "Anemia in a cat.", f"{JSONL}#1"), ("j2", "Acute myeloid leukemia.", f"{JSONL}#3"),
                    ("j8", "Caf\u00e9 au lait spots.", f"{JSONL}#9"), ("j10", "The last line.", f"{JSONL}#11")]  # fmt: skip
    problems = {d.source: d.error for d in documents if d.error is not None}
    expected = {4: "not JSON", 5: "not a JSON object but an array", 6: 'no string "id" field', 7: 'no string "id" field',
                10: "not UTF-8 text"}  # fmt: skip
    assert set(problems) == {f"{JSONL}#{number}" for number in expected}
    for number, problem in expected.items():
        error = problems[f"{JSONL}#{number}"]
        assert error.startswith(f"{JSONL}, line {number}: ") and problem in error
    assert all(d.text == "" for d in documents if d.error is not None)


def test_jsonl_missing_text_and_byte_order_mark(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes('\ufeff{"id": "a", "text": "First."}\n{"id": "b"}\r\n{}\n{"id": "c", "text": null}\n'.encode())
    first, *failed = read_jsonl(path)
    assert (first.id, first.text, first.error) == ("a", "First.", None)
    assert [d.id for d in failed] == ["records#2", "records#3", "records#4"]
    problems = [d.error.split(": ", 1)[1] for d in failed if d.error]
    assert problems == ['no string "text" field', 'no string "id" and "text" field', 'no string "text" field']


# -- detect_format: PubMed XML and JSONL ------------------------------------------------------------------


def test_detect_jsonl_by_suffix_and_gzip_only_for_pubmed(tmp_path):
    named = tmp_path / "broken.jsonl"
    named.write_bytes(b"not json\n")
    assert detect_format(named) == "jsonl"
    compressed = tmp_path / "records.jsonl.gz"
    compressed.write_bytes(gzip.compress(JSONL.read_bytes()))
    assert detect_format(compressed) == "txt"
    (document,) = read_inputs([compressed])
    assert document.error is not None and "gzip" in document.error and str(compressed) in document.error


# -- read_inputs: folders of every format, standard input -------------------------------------------------
def test_read_inputs_folder_mixing_formats(tmp_path):
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "a.txt").write_text("Anemia in a cat.", encoding="utf-8")
    (root / "b.jsonl").write_bytes(JSONL.read_bytes())
    (root / "c.xml").write_bytes(PUBMED.read_bytes())
    (root / "d.xml.gz").write_bytes(gzip.compress(PUBMED_SAMPLE.read_bytes()))
    (root / "e.pubtator").write_bytes(SAMPLE.read_bytes())
    (root / "other.xml").write_text("<notes>not documents</notes>", encoding="utf-8")
    (root / "other.xml.gz").write_bytes(gzip.compress(b"<notes>not documents</notes>"))
    (root / "notes.md").write_text("# not an input", encoding="utf-8")
    documents = list(read_inputs([root]))
    jsonl = [d.id.replace("jsonl_sample#", "b#") for d in read_jsonl(JSONL)]
    sample = ["16157917", "20973483", "9205462", "8686832"]
    assert [d.id for d in documents] == ["a", *jsonl, *pubmed_ids("c"), *sample, "100", "200"]
    assert documents[-1].source == f"{root / 'e.pubtator'}#2"


class _Stdin:
    """Stands for ``sys.stdin``: what the readers use of it is its binary ``buffer``."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    "data, ids",
    [
        (PUBMED.read_bytes(), pubmed_ids("stdin")),
        (gzip.compress(PUBMED.read_bytes()), pubmed_ids("stdin")),
        (JSONL.read_bytes(), ["j1", "j2", "stdin#4", "stdin#5", "stdin#6", "stdin#7", "j8", "stdin#10", "j10"]),
        (SAMPLE.read_bytes(), ["100", "200"]),
        (b'{"id": "long", "text": "' + b"long " * 5000 + b'"}\n{"id": "next", "text": "Next."}\n', ["long", "next"]),
    ],
)
def test_read_inputs_standard_input(monkeypatch, data, ids):
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    documents = list(read_inputs([Path("-")]))
    assert [d.id for d in documents] == ids
    assert all(d.source.startswith("<stdin>#") for d in documents)
    assert all("<stdin>" in d.error for d in documents if d.error is not None)


def test_read_inputs_standard_input_text_and_forced_format(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin("\ufeffAnemia in a cat.\n".encode()))
    (document,) = read_inputs(["-"])
    assert (document.id, document.text, document.source, document.error) == ("stdin", "Anemia in a cat.\n", "<stdin>", None)
    monkeypatch.setattr(sys, "stdin", _Stdin(SAMPLE.read_bytes()))
    (whole,) = read_inputs(["-"], "txt")
    assert whole.id == "stdin" and whole.text.startswith("100|t|")


def test_read_inputs_standard_input_among_files(monkeypatch, tmp_path):
    path = tmp_path / "z.txt"
    path.write_text("Zebrafish.", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", _Stdin(b'{"id": "j", "text": "From a pipe."}\n'))
    assert [d.id for d in read_inputs([path, "-", path])] == ["z", "j", "z"]
    with pytest.raises(InputError, match="standard input"):
        read_inputs(["-", Path("-")])


def test_read_inputs_standard_input_refuses_entities(monkeypatch, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-5f3c9a", encoding="utf-8")
    xxe = (FIXTURES / "pubmed_xxe.xml").read_text(encoding="utf-8").replace("SECRET_PATH", str(secret))
    monkeypatch.setattr(sys, "stdin", _Stdin(gzip.compress(xxe.encode())))
    (document,) = read_inputs(["-"])
    assert document.error is not None and document.error.startswith("<stdin>: ") and "entities" in document.error
    assert "TOPSECRET" not in repr(document)


def test_count_documents_scans_what_can_be_counted(tmp_path):
    from entitylink.io.readers import count_documents

    root = Path(__file__).resolve().parents[2]
    assert count_documents([root / "examples" / "abstracts"]) == 3
    assert count_documents([root / "examples" / "pubmed_sample.xml"]) == 4
    gz = tmp_path / "sample.xml.gz"
    gz.write_bytes(gzip.compress((root / "examples" / "pubmed_sample.xml").read_bytes()))
    assert count_documents([gz, root / "tests" / "fixtures" / "eval_tiny.pubtator"]) == 6
    assert count_documents(["-"]) is None


def test_bioc_xml_declaring_entities_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-BIOC", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE collection [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                    "<collection><source>s</source><date>d</date><key>k</key><document><id>1</id>"
                    "<passage><offset>0</offset><text>&x;</text></passage></document></collection>", encoding="utf-8")  # fmt: skip
    documents = list(read_inputs([path]))
    assert len(documents) == 1 and "entity declarations are refused" in documents[0].error
    assert all("TOP-SECRET-BIOC" not in d.text for d in documents)


# -- nothing lost: every document of every input is one record, whatever the input (issue 17) ----------
def test_pubtator_documents_without_blank_lines_between_them(tmp_path):
    path = tmp_path / "packed.pubtator"
    path.write_text("1|t|First.\n1|a|One.\n1\t0\t5\tFirst\tDisease\tD1\n2|t|Second.\n2|a|Two.\n3|t|Third.\n3|a|Three.\n",
                    encoding="utf-8")  # fmt: skip
    documents = list(read_pubtator(path))
    assert [(d.id, d.text, d.error) for d in documents] == [
        ("1", "First. One.", None), ("2", "Second. Two.", None), ("3", "Third. Three.", None)]  # fmt: skip
    assert documents[0].annotations == [Annotation(0, 5, "First", "Disease", "D1")]


def test_pubtator_a_line_of_another_pmid_starts_another_document(tmp_path):
    path = tmp_path / "switch.pubtator"
    path.write_text("1|t|First title.\n2|a|Abstract of two.\n", encoding="utf-8")
    assert [(d.id, d.text) for d in read_pubtator(path)] == [("1", "First title."), ("2", " Abstract of two.")]


def test_pubtator_a_title_is_only_pmid_t_at_the_start_of_a_line(tmp_path):
    """bioc takes any line containing '|t|' for a title: a full text's '|t|-test' split the document."""
    path = tmp_path / "ttest.pubtator"
    path.write_text("7|t|Statistics.\n7|a|We used a two-sided |t|-test and 5|t|-tests.\n\n8|t|Next.\n", encoding="utf-8")
    documents = list(read_pubtator(path))
    assert [(d.id, d.text, d.error) for d in documents] == [
        ("7", "Statistics. We used a two-sided |t|-test and 5|t|-tests.", None), ("8", "Next.", None)]  # fmt: skip


def test_pubtator_malformed_lines_fail_their_document_only(tmp_path):
    path = tmp_path / "bad.pubtator"
    path.write_text("1|t|One.\n1\tx\t5\tOne\tDisease\tD1\textra\n2|t|Two.\n2\t0\t3\tTwo\tDisease\tD2\n"
                    "garbage line\n\n3|t|Three.\n3\t0\t5\tThree\tDisease\tD3\n", encoding="utf-8")  # fmt: skip
    documents = list(read_pubtator(path))
    assert [d.id for d in documents] == ["1", "2", "3"]
    one, two, three = documents
    assert one.error is not None and "line 2" in one.error and str(path) in one.error
    assert two.error is not None and "line 5" in two.error
    assert three.error is None and three.annotations == [Annotation(0, 5, "Three", "Disease", "D3")]


def test_pubtator_after_leading_blank_lines_is_detected(tmp_path):
    """The NCBI-disease dev file begins with a blank line: it is PubTator all the same."""
    path = tmp_path / "dev.txt"
    path.write_text("\n\n10|t|Title ten.\n10|a|Abstract.\n\n11|t|Eleven.\n", encoding="utf-8")
    assert detect_format(path) == "pubtator"
    assert [d.id for d in read_inputs([path])] == ["10", "11"]


@pytest.mark.parametrize("line", [b'{"id": "big", "text": ' + b"1" * 5000 + b"}", b"[" * 100_000 + b"]" * 100_000,
                                  b'{"id": "deep", "text": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"])  # fmt: skip
def test_jsonl_line_python_cannot_hold_is_one_failed_record(tmp_path, line):
    path = tmp_path / "hostile.jsonl"
    good = [b'{"id": "%d", "text": "Anemia."}' % n for n in range(7)]
    path.write_bytes(b"\n".join(good[:3] + [line] + good[3:]) + b"\n")
    documents = list(read_inputs([path]))
    assert len(documents) == 8
    assert [d.id for d in documents] == ["0", "1", "2", "hostile#4", "3", "4", "5", "6"]
    assert documents[3].error is not None and "line 4" in documents[3].error


def _bioc(passages: bytes) -> bytes:
    return (b'<?xml version="1.0"?><collection><source/><date/><key/>'
            b"<document><id>1</id>" + passages + b"</document>"
            b"<document><id>2</id><passage><offset>0</offset><text>Anemia.</text></passage></document></collection>")  # fmt: skip


@pytest.mark.parametrize("passage, whole_file", [
    (b"<passage><text>No offset.</text></passage>", True),
    (b"<passage><offset>abc</offset><text>Bad offset.</text></passage>", True),
    (b"<passage><offset>3000000000</offset><text>Far away.</text></passage>", False),
    (b"<passage><offset>-4</offset><text>Before the start.</text></passage>", False),
])  # fmt: skip
def test_bioc_bad_offsets_are_failed_records_and_the_next_file_is_read(tmp_path, passage, whole_file):
    bad = tmp_path / "a.xml"
    bad.write_bytes(_bioc(passage))
    after = tmp_path / "b.txt"
    after.write_text("Anemia in a cat.", encoding="utf-8")
    documents = list(read_inputs([bad, after]))
    if whole_file:  # the bioc library cannot read the file: one failed record for it
        assert [d.id for d in documents] == ["a", "b"]
    else:  # the document with the offset out of bounds fails, its neighbour is read
        assert [d.id for d in documents] == ["1", "2", "b"] and documents[1].text == "Anemia."
        assert "out of bounds" in (documents[0].error or "")
    assert documents[0].error is not None and documents[0].text == ""
    assert documents[-1].error is None


def test_a_file_that_cannot_be_opened_is_a_failed_record_and_the_run_goes_on(tmp_path):
    files = [tmp_path / f"{name}.txt" for name in "abc"]
    for file in files:
        file.write_text(f"Text {file.stem}.", encoding="utf-8")
    documents = read_inputs(files)  # the paths are checked now, read later
    files[1].unlink()
    read = list(documents)
    assert [d.id for d in read] == ["a", "b#1", "c"]
    assert read[1].error is not None and str(files[1]) in read[1].error and read[2].error is None


def test_a_reader_that_raises_costs_the_rest_of_its_file_only(tmp_path, monkeypatch):
    import entitylink.io.readers as readers

    def exploding(handle, name, stem):
        yield readers.Document("first", "Fine.", name)
        raise RuntimeError("something no reader foresaw")

    monkeypatch.setattr(readers, "jsonl_documents", exploding)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.txt"
    first.write_text('{"id": "x", "text": "y"}\n', encoding="utf-8")
    second.write_text("Anemia.", encoding="utf-8")
    documents = list(read_inputs([first, second]))
    assert [d.id for d in documents] == ["first", "a#2", "b"]
    assert "after document 1" in documents[1].error and "RuntimeError" in documents[1].error


def test_folder_reports_corrupt_gzip_and_broken_links(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Anemia.", encoding="utf-8")
    (folder / "b.xml.gz").write_bytes(gzip.compress(PUBMED.read_bytes())[:40] + b"\x00garbage" * 50)
    (folder / "c.txt").symlink_to(folder / "missing.txt")
    (folder / "d.txt").symlink_to(folder / "d.txt")  # a loop
    (folder / "e.txt").write_text("Leukemia.", encoding="utf-8")
    (folder / "loop").symlink_to(folder)  # a link to a folder: not followed
    documents = list(read_inputs([folder]))
    assert [d.id.split("#")[0] for d in documents] == ["a", "b", "c", "d", "e"]
    assert [d.error is None for d in documents] == [True, False, False, False, True]


def test_pubmed_xml_with_a_long_preamble_is_detected(tmp_path):
    path = tmp_path / "long.xml"
    data = PUBMED.read_bytes()
    declaration_end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
    path.write_bytes(data[:declaration_end] + b"\n<!-- " + b"x" * 10_000 + b" -->\n" + data[declaration_end:])
    assert detect_format(path) == "pubmed-xml"
    assert [d.id for d in read_inputs([path])] == pubmed_ids("long")
