"""The OBO model and its deterministic writer (entitylink/ontologies/obo.py)."""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import pronto
import pytest

from entitylink.ontology_build.obo import (
    OboHeader,
    OboSynonym,
    OboTerm,
    open_text,
    write_obo,
)

TRICKY_NAME = 'Pick\'s "lobar" atrophy \\ type {A} ! not a comment\nsecond line'
TRICKY_DEF = 'A "quoted" word, a back\\slash,\na newline\tand a tab.'
TRICKY_SYNONYM = 'syn "quoted" \\ back\nslash'


def _header(**kwargs) -> OboHeader:
    defaults = dict(
        ontology="test",
        data_version="test/releases/2024-01-01",
        remarks=["Built for a test! {with braces}"],
        synonym_types={"abbreviation": "abbreviation", "trade_name": "trade name"},
        typedefs={"has_pharmacological_action": "has pharmacological action"},
    )
    defaults.update(kwargs)
    return OboHeader(**defaults)


def _terms() -> list[OboTerm]:
    return [
        OboTerm(
            id="TEST:0000003",
            name="obsolete old disease",
            obsolete=True,
            replaced_by=["TEST:0000002"],
            consider=["HP:0000118"],
        ),
        OboTerm(
            id="TEST:0000002",
            name=TRICKY_NAME,
            definition=TRICKY_DEF,
            synonyms=[
                OboSynonym(TRICKY_SYNONYM, "EXACT"),
                OboSynonym("PLA", "EXACT", "abbreviation"),
                OboSynonym("lobar atrophy", "RELATED"),
                OboSynonym("Atrophin", "BROAD", "trade_name"),
                OboSynonym("narrow one", "NARROW"),
            ],
            xrefs=["MESH:D000001", "OMIM:123456"],
            is_a=["TEST:0000001"],
            relationships=[("has_pharmacological_action", "TEST:0000001")],
            properties=[
                ("skos:exactMatch", "MESH:D000001", None),
                ("mesh:treeNumber", "C10.228.140", "xsd:string"),
            ],
        ),
        OboTerm(id="TEST:0000001", name="disease", definition="A disease."),
    ]


def _load(path: Path) -> pronto.Ontology:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unresolved references (HP:..., MESH:...) are expected
        return pronto.Ontology(str(path))


@pytest.fixture
def written(tmp_path: Path) -> Path:
    path = tmp_path / "test.obo"
    assert write_obo(path, _header(), _terms()) == 3
    return path


# -- text and escaping ------------------------------------------------------------------------


def test_header_comes_first_and_is_complete(written: Path) -> None:
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "format-version: 1.4"
    assert lines[1] == "data-version: test/releases/2024-01-01"
    header = lines[: lines.index("[Term]")]
    assert 'synonymtypedef: abbreviation "abbreviation"' in header
    assert 'synonymtypedef: trade_name "trade name"' in header
    assert "ontology: test" in header
    # "!" would start a comment and "{" trailing qualifiers: both escaped in the free-text remark
    assert "remark: Built for a test\\! \\{with braces}" in header


def test_terms_are_sorted_by_id(written: Path) -> None:
    ids = [line[4:] for line in written.read_text(encoding="utf-8").splitlines() if line.startswith("id: ")]
    assert ids[:3] == ["TEST:0000001", "TEST:0000002", "TEST:0000003"]
    # the typedef frame comes after every term
    text = written.read_text(encoding="utf-8")
    assert text.index("[Typedef]") > text.rindex("[Term]")
    assert "[Typedef]\nid: has_pharmacological_action\nname: has pharmacological action\n" in text


def test_name_is_escaped_on_one_line(written: Path) -> None:
    text = written.read_text(encoding="utf-8")
    assert 'name: Pick\'s "lobar" atrophy \\\\ type \\{A} \\! not a comment second line\n' in text


def test_definition_quotes_and_backslashes_escaped_whitespace_folded(written: Path) -> None:
    text = written.read_text(encoding="utf-8")
    assert 'def: "A \\"quoted\\" word, a back\\\\slash, a newline and a tab." []\n' in text


def test_synonym_escapes_quote_backslash_newline(written: Path) -> None:
    lines = written.read_text(encoding="utf-8").splitlines()
    assert 'synonym: "syn \\"quoted\\" \\\\ back\\nslash" EXACT []' in lines
    assert 'synonym: "PLA" EXACT abbreviation []' in lines
    assert 'synonym: "Atrophin" BROAD trade_name []' in lines


def test_no_value_spills_onto_another_line(written: Path) -> None:
    for line in written.read_text(encoding="utf-8").splitlines():
        assert line == "" or line.startswith("[") or ": " in line, line


def test_tabs_and_carriage_returns_in_quoted_text_become_spaces(tmp_path: Path) -> None:
    path = tmp_path / "t.obo"
    write_obo(path, _header(), [OboTerm("T:1", name="x", synonyms=[OboSynonym("a\tb\rc")])])
    assert 'synonym: "a b c" EXACT []' in path.read_text(encoding="utf-8").splitlines()


def test_frame_line_order(written: Path) -> None:
    text = written.read_text(encoding="utf-8")
    frame = text[text.index("id: TEST:0000002") :].split("\n\n")[0].splitlines()
    tags = [line.partition(":")[0] for line in frame]
    assert tags == [
        "id",
        "name",
        "def",
        "synonym",
        "synonym",
        "synonym",
        "synonym",
        "synonym",
        "xref",
        "xref",
        "is_a",
        "relationship",
        "property_value",
        "property_value",
    ]
    assert "property_value: skos:exactMatch MESH:D000001" in frame
    assert 'property_value: mesh:treeNumber "C10.228.140" xsd:string' in frame


def test_obsolete_frame(written: Path) -> None:
    text = written.read_text(encoding="utf-8")
    assert text.endswith("\n")
    frame = text[text.index("id: TEST:0000003") :].split("\n\n")[0]
    assert frame.splitlines() == [
        "id: TEST:0000003",
        "name: obsolete old disease",
        "is_obsolete: true",
        "replaced_by: TEST:0000002",
        "consider: HP:0000118",
    ]


def test_empty_fields_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "t.obo"
    write_obo(path, _header(remarks=[], synonym_types={}, typedefs={}), [OboTerm("T:1")])
    text = path.read_text(encoding="utf-8")
    assert text == "format-version: 1.4\ndata-version: test/releases/2024-01-01\nontology: test\n\n[Term]\nid: T:1\n"


# -- determinism and files --------------------------------------------------------------------


def test_gzip_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "test.obo.gz", tmp_path / "b" / "other-name.obo.gz"
    write_obo(first, _header(), _terms())
    # input order does not matter, nor does the file name (not stored in the gzip header)
    write_obo(second, _header(), list(reversed(_terms())))
    data = first.read_bytes()
    assert data[:2] == b"\x1f\x8b"
    assert data[4:8] == b"\x00\x00\x00\x00"  # mtime zeroed
    assert data == second.read_bytes()
    with gzip.open(first, "rt", encoding="utf-8") as handle:
        assert handle.read() == _plain_text(tmp_path)


def _plain_text(tmp_path: Path) -> str:
    plain = tmp_path / "plain.obo"
    write_obo(plain, _header(), _terms())
    return plain.read_text(encoding="utf-8")


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "x.obo.gz"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"old content")
    write_obo(path, _header(), _terms())
    assert gzip.decompress(path.read_bytes()).startswith(b"format-version: 1.4\n")
    assert sorted(p.name for p in path.parent.iterdir()) == ["x.obo.gz"]


def test_write_creates_parent_directories(tmp_path: Path) -> None:
    path = tmp_path / "new" / "sub" / "x.obo"
    assert write_obo(path, _header(), iter(_terms())) == 3
    assert path.is_file()


def test_open_text_reads_plain_and_gzipped(tmp_path: Path) -> None:
    text = "ün\tdeux\ntrois\n"
    (tmp_path / "a.tsv").write_text(text, encoding="utf-8")
    (tmp_path / "a.tsv.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    for name in ("a.tsv", "a.tsv.gz"):
        with open_text(tmp_path / name) as handle:
            assert handle.read() == text


# -- pronto round trip ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["test.obo", "test.obo.gz"])
def test_pronto_round_trip(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_obo(path, _header(), _terms())
    ontology = _load(path)
    assert ontology.metadata.ontology == "test"
    assert ontology.metadata.data_version == "test/releases/2024-01-01"
    assert "Built for a test! {with braces}" in ontology.metadata.remarks
    assert sorted(t.id for t in ontology.terms()) == ["TEST:0000001", "TEST:0000002", "TEST:0000003"]

    term = ontology["TEST:0000002"]
    assert term.name == 'Pick\'s "lobar" atrophy \\ type {A} ! not a comment second line'
    assert str(term.definition) == 'A "quoted" word, a back\\slash, a newline and a tab.'
    synonyms = {(s.description, s.scope, s.type.id if s.type else None) for s in term.synonyms}
    assert synonyms == {
        (TRICKY_SYNONYM, "EXACT", None),
        ("PLA", "EXACT", "abbreviation"),
        ("lobar atrophy", "RELATED", None),
        ("Atrophin", "BROAD", "trade_name"),
        ("narrow one", "NARROW", None),
    }
    assert sorted(x.id for x in term.xrefs) == ["MESH:D000001", "OMIM:123456"]
    assert [t.id for t in term.superclasses(distance=1, with_self=False)] == ["TEST:0000001"]
    relationships = {rel.id: sorted(t.id for t in targets) for rel, targets in term.relationships.items()}
    assert relationships == {"has_pharmacological_action": ["TEST:0000001"]}
    annotations = {(a.property, getattr(a, "resource", None), getattr(a, "literal", None)) for a in term.annotations}
    assert annotations == {
        ("skos:exactMatch", "MESH:D000001", None),
        ("mesh:treeNumber", None, "C10.228.140"),
    }
    assert not term.obsolete

    old = ontology["TEST:0000003"]
    assert old.obsolete
    assert [t.id for t in old.replaced_by] == ["TEST:0000002"]
    assert set(old._data().consider) == {"HP:0000118"}
    assert ontology["TEST:0000001"].definition == "A disease."
