"""Species roles (host / pathogen / other) and the host species of a document
(entitylink.pipeline.species_roles, ``doc._.host_species``)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span


def roles(doc):
    return {(e.text, e._.species_role) for e in doc.ents if e.label_ == "SPECIES"}


def test_species_role_is_a_registered_attribute(example_docs):
    assert Span.has_extension("species_role")


@pytest.mark.parametrize(("doc_id", "host"), [("41689919", "NCBITaxon:9685"), ("19309241", "NCBITaxon:9606"),
                                              ("PMC12171867", "NCBITaxon:9606")])  # fmt: skip
def test_host_species_of_the_examples(example_docs, doc_id, host):
    assert [c.curie for c in example_docs[doc_id]._.host_species] == [host]


def test_felv_is_a_pathogen_and_the_cat_the_host(example_docs):
    found = roles(example_docs["41689919"])
    assert ("FeLV", "pathogen") in found and ("Feline Leukemia Virus", "pathogen") in found
    assert ("cat", "host") in found
    assert {role for _, role in found} == {"host", "pathogen"}


def test_cmv_is_a_pathogen_and_patients_the_host(example_docs):
    found = roles(example_docs["19309241"])
    assert ("CMV", "pathogen") in found and ("cytomegalovirus", "pathogen") in found
    assert ("patients", "host") in found


def test_every_species_entity_has_a_role(example_docs):
    for doc in example_docs.values():
        assert all(e._.species_role in ("host", "pathogen", "other") for e in doc.ents if e.label_ == "SPECIES")
        assert all(e._.species_role is None for e in doc.ents if e.label_ != "SPECIES")


def test_reagent_species_are_other(nlp):
    doc = nlp("Mice were stained with a goat anti-rabbit IgG antibody.")
    found = dict(roles(doc))
    assert found.get("goat") == "other" and found.get("rabbit") == "other"
    assert found.get("Mice") == "host"


def test_host_species_in_the_record(example_docs):
    record = example_docs["41689919"]._.to_dict()
    assert record["host_species"] == [{"curie": "NCBITaxon:9685", "name": "Felis catus", "common_name": "domestic cat"}]
    assert {e["species_role"] for e in record["entities"] if e["label"] == "SPECIES"} == {"host", "pathogen"}
