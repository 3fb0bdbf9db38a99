"""Reading documents: text files, PubTator files, format detection and folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from entitylink.errors import EntitylinkError
from entitylink.evaluation import normalize_ids
from entitylink.readers import (Annotation, InputError, detect_format, read_bioc, read_inputs, read_pubtator,
                                read_text_file)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
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
    assert (document.id, document.text, document.error) == ("empty", "", None)


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
    xml.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection>', encoding="utf-8")
    js = tmp_path / "c.json"
    js.write_text('{"source": "", "date": "", "key": "", "infons": {}, "documents": []}', encoding="utf-8")
    assert detect_format(xml) == "bioc-xml"
    assert detect_format(js) == "bioc-json"


def test_unreadable_bioc_file_is_one_failed_document(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version='1.0'?><collection><document><id>1</id>", encoding="utf-8")
    (document,) = read_bioc(broken, "bioc-xml")
    assert document.error and "broken.xml" in document.error and document.text == ""
