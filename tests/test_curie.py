"""Identifiers (entitylink.curie): prefixes, pages, id columns, and the vocabulary each record or corpus expects."""

from __future__ import annotations

import pytest

from entitylink.curie import concept_url, corpus_id, normalize_ids, ontology_of, spell_prefix, vocabulary_ids


def test_ontology_and_prefix_spelling():
    assert ontology_of("MONDO:0018874") == "mondo"
    assert ontology_of("NCBITaxon:9606") == "ncbitaxon"
    assert ontology_of("HP:0001") == "hp"
    assert spell_prefix("orphanet") == "Orphanet"
    assert spell_prefix("mesh") == "MESH"


def test_concept_pages():
    assert concept_url("MESH:D015470") == "https://meshb.nlm.nih.gov/record/ui?ui=D015470"
    assert concept_url("OMIM:601626") is None


def test_id_columns_read_as_curies():
    assert normalize_ids("D001943|D010051", "DISEASE") == {"MESH:D001943", "MESH:D010051"}
    assert normalize_ids("9606", "SPECIES") == {"NCBITaxon:9606"}
    assert normalize_ids("-1", "DISEASE") == frozenset()


IDS = ["MONDO:0014320", "OMIM:615722"]


@pytest.mark.parametrize(
    ("ids", "label", "expected"),
    [
        (["MONDO:0018874", "MESH:D015470", "OMIM:601626"], "DISEASE", "MESH:D015470"),
        (IDS, "DISEASE", "OMIM:615722"),
        (["MONDO:0100163"], "DISEASE", "MONDO:0100163"),
        (["NCBITaxon:9606", "MESH:D006801"], "SPECIES", "NCBITaxon:9606"),
        (["MESH:D006801"], "SPECIES", None),
        (["MESH:D011239"], "THERAPY", "MESH:D011239"),
        ([], "THERAPY", None),
    ],
)
def test_corpus_id_follows_pubtator(ids, label, expected):
    assert corpus_id(ids, label) == expected


def test_vocabulary_ids_give_each_vocabulary_its_field():
    assert vocabulary_ids(["MONDO:0018874", "MESH:D015470", "OMIM:601626"]) == {
        "mondo_id": "MONDO:0018874", "mesh_id": "MESH:D015470", "omim_id": "OMIM:601626", "taxon_id": None,
    }  # fmt: skip
    assert vocabulary_ids(["NCBITaxon:9685"])["taxon_id"] == "NCBITaxon:9685"
