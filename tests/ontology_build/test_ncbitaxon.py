"""The NCBI Taxonomy from its full table: reading, the name filter, the two tiers, and their loading."""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import pronto
import pytest

import entitylink
from entitylink import OntologyFileError
from entitylink.kb.taxon_table import Taxon, read_taxon_table
from entitylink.ontology_build.build import build_taxonomy
from entitylink.ontology_build.ncbitaxon import FORMER_NAME, Taxonomy, read_taxa, read_taxslim, worth_naming

FIXTURE = Path(__file__).parents[1] / "fixtures" / "ncbitaxon-sample.tsv"
REAL_TABLE = Path(__file__).resolve().parents[2].parent / "shared/data/ontologies-src/ncbitaxon/ncbitaxon-2024-09-07.full.tsv.gz"
TAXSLIM = """format-version: 1.2
synonymtypedef: genbank_common_name "genbank common name"
ontology: ncbitaxon/subsets/taxslim

[Term]
id: NCBITaxon:10090
name: Mus musculus
synonym: "house mouse" EXACT genbank_common_name []
synonym: "mice \\"C57BL\\"" RELATED synonym []

[Term]
id: NCBITaxon:7215
name: Drosophila <flies,genus>
synonym: "Drosophila" EXACT scientific_name []
is_a: NCBITaxon:2759 ! Eukaryota
property_value: has_rank NCBITaxon:genus

[Term]
id: NCBITaxon:species
name: species
"""


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy(read_taxa(FIXTURE))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("taxonomy")
    slim = out / "taxslim.obo.gz"
    slim.write_bytes(gzip.compress(TAXSLIM.encode("utf-8")))
    build_taxonomy(FIXTURE, slim, {562}, out)
    return out


def _names(taxonomy: Taxonomy, ids: set[int]) -> set[str]:
    return {taxonomy.taxa[i].name for i in ids}


# -- the filter ---------------------------------------------------------------------------------


def test_the_filter_keeps_names_text_uses(taxonomy: Taxonomy) -> None:
    kept = _names(taxonomy, taxonomy.kept(worth_naming))
    assert {"Scrippsiella trochoidea", "Escherichia coli K-12", "Human immunodeficiency virus 1", "Bacillus sp."} <= kept


@pytest.mark.parametrize(
    "name",
    [
        "Cecidomyiidae sp. BIOUG21200-C02",
        "Bacillus sp. AD-G6",
        "uncultured bacterium",
        "environmental samples",
        "metagenome",
        "unclassified sequences",
        "Norovirus Hu/GII/CUHK5987/2008/HKG",
    ],
)
def test_the_filter_drops_codes_placeholders_and_isolates(taxonomy: Taxonomy, name: str) -> None:
    assert name not in _names(taxonomy, taxonomy.kept(worth_naming))


def test_always_kept_taxa_pass_the_filter(taxonomy: Taxonomy) -> None:
    assert 2386962 in taxonomy.kept(worth_naming, always={2386962})


# -- reading errors -----------------------------------------------------------------------------


def test_a_truncated_gzip_names_the_file_and_line(tmp_path: Path) -> None:
    data = gzip.compress(FIXTURE.read_bytes() * 50)
    path = tmp_path / "cut.tsv.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(OntologyFileError, match=r"cut\.tsv\.gz, line \d+: cannot be read") as caught:
        list(read_taxa(path))
    assert caught.value.line is not None and caught.value.line > 1


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("71861\t54902\tspecies\tScrippsiella trochoidea", "expected 5 tab-separated fields, found 4"),
        ("71861\tx\tspecies\tScrippsiella trochoidea\t", "must be numbers"),
        ("71861\t54902\tspecies\t\t", "empty rank or scientific name"),
    ],
)
def test_a_malformed_row_names_the_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "bad.tsv"
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:5] + [row] + lines[5:]) + "\n", encoding="utf-8")
    with pytest.raises(OntologyFileError, match=problem) as caught:
        list(read_taxa(path))
    assert caught.value.path == str(path) and caught.value.line == 6


def test_a_file_without_the_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "headless.tsv"
    path.write_text("".join(FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)[1:]), encoding="utf-8")
    with pytest.raises(OntologyFileError, match="line 1: expected the header"):
        list(read_taxa(path))


def test_taxslim_gives_its_taxa_ranks_parents_and_synonyms(tmp_path: Path) -> None:
    path = tmp_path / "taxslim.obo"
    path.write_text(TAXSLIM, encoding="utf-8")
    slim = read_taxslim(path)
    assert set(slim) == {10090, 7215}  # not the rank term
    assert slim[7215].taxon == Taxon(7215, 2759, "genus", "Drosophila <flies,genus>")
    assert slim[10090].taxon.rank == "no_rank" and slim[10090].taxon.parent == 10090
    assert [s.text for s in slim[10090].synonyms] == ["house mouse", 'mice "C57BL"']


# -- the two tiers ------------------------------------------------------------------------------


def test_the_curated_tier_is_an_obo_file_pronto_loads(built: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        curated = pronto.Ontology(str(built / "ncbitaxon.obo.gz"))
    ids = {t.id for t in curated.terms()}
    # taxslim and MeSH taxa, taxa with a common name, and their ancestors; not the rest
    assert ids == {f"NCBITaxon:{i}" for i in (10090, 10088, 562, 561, 2, 9606, 9605, 329961, 3497, 11676, 10239, 2759, 131567, 1,
                                                7215, 7227)}  # fmt: skip
    assert not ids & {"NCBITaxon:71861", "NCBITaxon:83333", "NCBITaxon:37577", "NCBITaxon:2386962", "NCBITaxon:77133"}
    mouse = curated["NCBITaxon:10090"]
    assert {(s.description, s.scope) for s in mouse.synonyms} == {("house mouse", "EXACT"), ('mice "C57BL"', "RELATED")}
    assert [t.id for t in mouse.superclasses(distance=1, with_self=False)] == ["NCBITaxon:10088"]
    assert {(a.property, a.resource) for a in mouse.annotations} == {("has_rank", "NCBITaxon:species")}
    assert curated.metadata.data_version == "ncbitaxon/2024-09-07"
    # a taxslim taxon the table lacks (the source drops homonyms) comes from taxslim, and is a parent again
    fly = curated["NCBITaxon:7227"]
    assert [t.id for t in fly.superclasses(distance=1, with_self=False)] == ["NCBITaxon:7215"]
    assert curated["NCBITaxon:7215"].name == "Drosophila <flies,genus>"


def test_a_taxon_renamed_since_taxslim_keeps_its_former_name(tmp_path: Path) -> None:
    slim = tmp_path / "taxslim.obo.gz"
    renamed = TAXSLIM.replace(
        "[Term]\nid: NCBITaxon:species", "[Term]\nid: NCBITaxon:562\nname: Bacillus coli\n\n[Term]\nid: NCBITaxon:species"
    )
    slim.write_bytes(gzip.compress(renamed.encode("utf-8")))
    build_taxonomy(FIXTURE, slim, set(), tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        curated = pronto.Ontology(str(tmp_path / "ncbitaxon.obo.gz"))
    coli = curated["NCBITaxon:562"]
    assert coli.name == "Escherichia coli"
    assert {(s.description, s.scope, s.type.id) for s in coli.synonyms if s.type} >= {("Bacillus coli", "EXACT", FORMER_NAME)}
    only = {
        "mondo": None,
        "mesh": None,
        "mesh-supplementary": None,
        "ncbitaxon-full": None,
        "ncbitaxon": tmp_path / "ncbitaxon.obo.gz",
    }
    assert entitylink.load_kb(only, cache_dir=tmp_path).best("Bacillus coli").curie == "NCBITaxon:562"


def test_the_table_holds_the_other_kept_taxa_under_their_nearest_kept_parent(built: Path) -> None:
    header, rows = read_taxon_table(built / "ncbitaxon-full.tsv.gz")
    taxa = {t.id: t for t in rows}
    assert header == {"ontology": "ncbitaxon", "data-version": "ncbitaxon/2024-09-07"}
    assert set(taxa) == {37577, 54902, 71861, 83333, 1386, 29916, 220321}
    assert taxa[71861].parent == 54902 and taxa[71861].rank == "species"
    assert taxa[83333].parent == 562  # in the curated tier (a MeSH organism here)
    assert taxa[220321].parent == 220321  # its parent is missing from the source: a root


def test_the_build_is_deterministic(built: Path, tmp_path: Path) -> None:
    slim = built / "taxslim.obo.gz"
    build_taxonomy(FIXTURE, slim, {562}, tmp_path)
    for name in ("ncbitaxon.obo.gz", "ncbitaxon-full.tsv.gz"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


# -- loading --------------------------------------------------------------------------------------


def test_lookup_reaches_the_table_only_when_nothing_else_names_the_text(built: Path, tmp_path: Path) -> None:
    kb = entitylink.load_kb(
        {"mondo": None, "mesh": None, "mesh-supplementary": None,
         "ncbitaxon": built / "ncbitaxon.obo.gz", "ncbitaxon-full": built / "ncbitaxon-full.tsv.gz"},
        cache_dir=tmp_path,
    )  # fmt: skip
    assert list(kb.parts) == ["ncbitaxon"] and list(kb.grounding_parts) == ["ncbitaxon-full"]
    assert [m.curie for m in kb.lookup("Scrippsiella trochoidea")] == ["NCBITaxon:71861"]
    assert kb["NCBITaxon:71861"].rank == "species" and kb["NCBITaxon:71861"].parents == ("NCBITaxon:54902",)
    assert [m.curie for m in kb.lookup("Morus")] == ["NCBITaxon:3497"]  # the gannets' Morus is in the table
    assert "NCBITaxon:37577" in kb and kb.lookup("Cecidomyiidae sp. BIOUG21200-C02") == []
    assert {row["name"]: row["concepts"] for row in kb.stats()} == {"ncbitaxon": 16, "ncbitaxon-full": 7}


def test_a_malformed_table_row_is_reported_when_indexing(built: Path, tmp_path: Path) -> None:
    path = tmp_path / "ncbitaxon-full.tsv"
    path.write_text(gzip.decompress((built / "ncbitaxon-full.tsv.gz").read_bytes()).decode() + "12\t1\tspecies\n")
    with pytest.raises(OntologyFileError, match=r"ncbitaxon-full\.tsv, line 11: expected 4 tab-separated fields"):
        entitylink.load_kb({"mondo": None, "mesh": None, "mesh-supplementary": None, "ncbitaxon-full": path}, cache_dir=tmp_path)


# -- the real source ------------------------------------------------------------------------------


@pytest.mark.skipif(not REAL_TABLE.is_file(), reason=f"raw taxonomy not available at {REAL_TABLE}")
def test_the_real_table_reads_whole_and_the_filter_keeps_rare_binomials() -> None:
    taxonomy = Taxonomy(read_taxa(REAL_TABLE))
    assert len(taxonomy.taxa) == 2_601_603
    for tax_id, wanted in ((71861, True), (51655, True), (83333, True), (2386962, False)):
        assert worth_naming(taxonomy.taxa[tax_id], taxonomy) is wanted, taxonomy.taxa[tax_id].name
