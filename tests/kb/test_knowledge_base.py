"""Lookups and records on the bundled knowledge base, and on a tiny one."""

from __future__ import annotations

import pytest

import entitylink
from entitylink import NameKind


def test_acute_myeloid_leukemia_is_the_label_matching_class(kb):
    best = kb.lookup("acute myeloid leukemia")[0]
    assert best.curie == "MONDO:0018874"
    assert best.kind is NameKind.LABEL
    assert best.xrefs[0] == "MESH:D015470"
    # the grouping class "acute myeloid leukemia by FAB classification" is never preferred
    assert all(m.curie != "MONDO:0015667" for m in kb.lookup("acute myeloid leukemia"))


def test_species_and_therapies(kb):
    assert kb.lookup("cat")[0].curie == "NCBITaxon:9685"
    assert "MESH:D000305" in [m.curie for m in kb.lookup("corticosteroids")]
    assert kb.lookup("Feline leukemia virus")[0].curie == "NCBITaxon:11768"
    assert kb.lookup("human")[0].curie == "NCBITaxon:9606"


def test_lookup_normalizes_text(kb):
    for text in ("Acute Myeloid Leukaemia", "acute myeloid leukemias", "ACUTE MYELOID LEUKEMIA"):
        assert kb.lookup(text)[0].curie == "MONDO:0018874", text
    assert kb.lookup("pure red cell aplasia")[0].curie == "MONDO:0001705"


def test_abbreviations_are_case_sensitive(kb):
    assert kb.lookup("AML")[0].curie == "MONDO:0018874"
    assert kb.lookup("aml") == []


def test_ontology_filter(kb):
    matches = kb.lookup("cat", ontologies={"mesh"})
    assert matches and all(m.ontology == "mesh" for m in matches)


def test_generic_head_variants(kb):
    assert kb.lookup("Crohn")[0].curie == "MONDO:0005011"
    assert kb.lookup("Crohn")[0].via == "variant"


def test_records_and_cross_references_both_ways(kb):
    aml = kb["MONDO:0018874"]
    assert aml.label == "acute myeloid leukemia"
    assert "MONDO:0004643" in aml.parents
    assert aml.xref_ids("MESH") == ["MESH:D015470"]
    assert kb.xrefs("MESH:D015470", prefix="MONDO") == ["MONDO:0018874"]
    mesh = kb["MESH:D015470"]
    assert "C04.557.337.539.275" in mesh.tree_numbers
    assert "MESH:D007951" in mesh.parents
    human = kb["NCBITaxon:9606"]
    assert human.rank == "species" and human.common_name == "human"
    assert kb["MESH:D000305"].synonyms
    assert kb.get("MONDO:9999999") is None


def test_bundled_obsolete_concepts_resolve_to_their_replacement(kb):
    assert kb["MONDO:0000002"].obsolete
    assert kb.resolve("MONDO:0000002") == "MONDO:0009299"


def test_supplementary_concepts_are_found(kb):
    matches = kb.lookup("bevonium")
    assert matches[0].curie == "MESH:C000002"
    assert kb["MESH:C000002"].mapped_to == ("MESH:D001561",)


def test_obsolete_names_lead_to_the_replacement(tiny_sources, tmp_path):
    kb = entitylink.load_kb(tiny_sources, cache_dir=tmp_path / "cache")
    match = kb.lookup("acute myeloid leukemia, somatic")[0]
    assert match.curie == "MONDO:0000010"
    assert match.replaced == "MONDO:0000011"
    assert kb.resolve("MONDO:0000011") == "MONDO:0000010"
    # obsolete without replacement: still found, flagged by a low score, and unresolvable
    orphan = kb.lookup("mystery syndrome")[0]
    assert orphan.curie == "MONDO:0000012" and orphan.score < 0.6 and orphan.replaced is None
    assert kb.resolve("MONDO:0000012") is None
    assert kb["MONDO:0000012"].consider == ("MONDO:0000001",)


def test_tiny_kb_kinds_and_scores(tiny_sources, tmp_path):
    kb = entitylink.load_kb(tiny_sources, cache_dir=tmp_path / "cache")
    (label,) = kb.lookup("acute myeloid leukemia")
    assert (label.kind, label.score, label.via) == (NameKind.LABEL, 1.0, "exact")
    british = kb.lookup("acute myelogenous leukemia")[0]
    assert british.kind is NameKind.EXACT and british.via == "normalized"
    related = kb.lookup("myeloid leukemia, acute")[0]
    assert related.kind is NameKind.RELATED and related.score < british.score
    assert kb.lookup("AML")[0].kind is NameKind.ABBREVIATION
    assert kb.best("regional enteritis").curie == "MONDO:0000020"
    assert kb.best("nothing of the sort") is None


def test_stats_count_the_bundled_sources(kb):
    rows = {row["name"]: row for row in kb.stats()}
    assert rows["mesh"]["concepts"] == 30764
    assert rows["mondo"]["live_concepts"] == 27990
    assert rows["ncbitaxon"]["concepts"] == 63251  # the 2024 taxonomy's curated tier
    assert rows["ncbitaxon-full"]["concepts"] == 855210  # and its grounding table
    assert rows["mesh-supplementary"]["concepts"] == 323304


@pytest.mark.parametrize("text", [None, b"cat", 123, ["cat"]])
def test_lookup_of_a_non_string_is_a_type_error_naming_text(kb, text):
    with pytest.raises(TypeError, match=r"lookup\(text\): expected a str"):
        kb.lookup(text)


def test_lookup_checks_limit_and_ontologies(kb):
    with pytest.raises(ValueError, match="limit=-1"):
        kb.lookup("cat", limit=-1)
    with pytest.raises(TypeError, match="ontologies='mesh'"):
        kb.lookup("cat", ontologies="mesh")


@pytest.mark.parametrize("sources", ["mondo.obo", ["mondo.obo"], {"mondo": 3}])
def test_load_kb_with_a_path_instead_of_a_mapping_is_a_type_error(sources, tmp_path):
    with pytest.raises(TypeError, match="sources.*expected .*mapping|a part name and a path"):
        entitylink.load_kb(sources, cache_dir=tmp_path)


def test_load_kb_checks_cache_dir_and_workers(tiny_sources, tmp_path):
    with pytest.raises(TypeError, match="cache_dir"):
        entitylink.load_kb(tiny_sources, cache_dir=3)
    with pytest.raises(ValueError, match="workers=0"):
        entitylink.load_kb(tiny_sources, cache_dir=tmp_path, workers=0)
