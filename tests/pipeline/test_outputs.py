"""What an annotated document yields: doc._.linked_entities (LinkedConcept) and doc._.to_dict()."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Span

from entitylink.labels import LABELS
from entitylink.pipeline.outputs import LinkedConcept, doc_to_dict, linked_entities


@pytest.fixture(scope="module")
def prca(example_docs):
    return example_docs["PMC12171867"]


def concept(mentions, ids=("MONDO:0018874", "MESH:D015470", "OMIM:601626")):
    return LinkedConcept("MONDO:0018874", "acute myeloid leukemia", "DISEASE", list(ids), mentions=list(mentions))


# -- doc._.linked_entities ----------------------------------------------------------------------------
def test_groups_by_label_in_label_order(prca):
    grouped = prca._.linked_entities
    assert list(grouped)[:3] == list(LABELS) == ["DISEASE", "SPECIES", "THERAPY"]
    for label, concepts in grouped.items():
        assert concepts, label
        assert all(c.label == label for c in concepts)


def test_every_label_is_present_when_nothing_is_found(nlp):
    doc = nlp("The weather was fine on Tuesday.")
    assert doc._.linked_entities == {"DISEASE": [], "SPECIES": [], "THERAPY": []}
    assert nlp("")._.linked_entities == {"DISEASE": [], "SPECIES": [], "THERAPY": []}


def test_concepts_are_deduplicated_in_order_of_first_mention(prca):
    grouped = prca._.linked_entities
    # "hematological and immune system diseases": a coordination, its first concept carrying both
    assert [c.curie for c in grouped["DISEASE"]] == ["MONDO:0001705", "MONDO:0005046", "MONDO:0005570", "MONDO:0018874"]
    assert [c.curie for c in grouped["SPECIES"]] == ["NCBITaxon:9606"]
    # "Cord blood therapy" first: the cord blood given is its transplantation
    assert [c.curie for c in grouped["THERAPY"]] == ["MESH:D036101", "MESH:D018380", "MESH:D005312", "MESH:D059630",
                                                     "MESH:D045164", "MESH:D064987", "MESH:D017707"]  # fmt: skip
    curies = [c.curie for found in grouped.values() for c in found]
    assert len(curies) == len(set(curies))


def test_mentions_and_offsets_follow_the_document(prca):
    grouped = prca._.linked_entities
    linked = [ent for ent in prca.ents if ent._.kb_id]
    assert sum(len(c.mentions) for found in grouped.values() for c in found) == len(linked)
    for found in grouped.values():
        for c in found:
            assert len(c.mentions) == len(c.offsets)
            assert c.offsets == sorted(c.offsets)
            assert [prca.text[s:e] for s, e in c.offsets] == c.mentions
    prca_concept = grouped["DISEASE"][0]
    assert prca_concept.mentions[:3] == ["pure red cell aplasia", "Pure red cell aplasia", "PRCA"]
    assert prca_concept.mentions.count("PRCA") == 6
    assert prca_concept.offsets[0] == (23, 44)
    aml = grouped["DISEASE"][3]
    assert aml.mentions == ["acute myeloid leukemia", "AML"]
    assert aml.ids == ["MONDO:0018874", "MESH:D015470", "OMIM:601626"]
    assert aml.name == "acute myeloid leukemia" and aml.score > 0


def test_species_concept_carries_common_name_and_rank(prca):
    human = prca._.linked_entities["SPECIES"][0]
    assert (human.name, human.common_name, human.rank) == ("Homo sapiens", "human", "species")
    assert human.id_in("MESH") == "MESH:D006801"
    assert set(human.mentions) == {"patients"}


def test_therapy_concept_carries_subtype(prca):
    cord_blood = prca._.linked_entities["THERAPY"][0]
    assert cord_blood.subtype == "cell therapy"
    assert cord_blood.mentions[0] == "Cord blood"


def test_unlinked_entities_are_left_out(nlp):
    doc = nlp("Acute myeloid leukemia was seen in a cat.")
    extra = Span(doc, 4, 5, label="DISEASE")  # "seen", never linked
    doc.ents = [*doc.ents, extra]
    assert "seen" in [ent.text for ent in doc.ents]
    grouped = linked_entities(doc)
    assert [c.curie for c in grouped["DISEASE"]] == ["MONDO:0018874"]
    assert all("seen" not in c.mentions for found in grouped.values() for c in found)
    record = doc_to_dict(doc)
    unlinked = [e for e in record["entities"] if e["text"] == "seen"]
    assert unlinked and unlinked[0]["kb_id"] is None and unlinked[0]["kb_ids"] == []
    json.dumps(record)


# -- LinkedConcept -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "mentions, surface",
    [
        (["acute myeloid leukemia", "AML", "AML"], "AML"),  # most frequent
        (["acute myeloid leukemia", "acute myeloid leukemia", "AML"], "acute myeloid leukemia"),  # frequency beats length
        (["acute myeloid leukaemia", "AML", "acute myeloid leukemia"], "AML"),  # tie: the shortest
        (["AML", "aml"], "AML"),  # tie and same length: the first
        (["aml", "AML"], "aml"),
        (["leukemia", "AML", "aml", "AML", "aml"], "AML"),  # tie of two frequent ones: the first of them
        (["only"], "only"),
    ],
)
def test_surface_is_the_most_frequent_then_shortest_then_first(mentions, surface):
    assert concept(mentions).surface == surface


def test_surface_on_the_example(prca):
    by_curie = {c.curie: c for found in prca._.linked_entities.values() for c in found}
    assert by_curie["MONDO:0001705"].surface == "PRCA"
    assert by_curie["MONDO:0018874"].surface == "AML"  # one each: the shorter
    assert by_curie["NCBITaxon:9606"].surface == "patients"


def test_id_in_prefix():
    c = concept(["AML"])
    assert c.id_in("MESH") == "MESH:D015470"
    assert c.id_in("MONDO") == "MONDO:0018874"
    assert c.id_in("OMIM") == "OMIM:601626"
    assert c.id_in("NCBITaxon") is None
    assert c.id_in("MES") is None  # a whole prefix, not the start of one
    assert concept(["AML"], ids=()).id_in("MESH") is None


def test_concept_to_dict():
    c = LinkedConcept("NCBITaxon:9685", "Felis catus", "SPECIES", ["NCBITaxon:9685", "MESH:D002415"],
                      common_name="domestic cat", rank="species", score=1.0, mentions=["cat", "cats"],
                      offsets=[(3, 6), (20, 24)])  # fmt: skip
    record = c.to_dict()
    assert record["offsets"] == [[3, 6], [20, 24]]
    assert record["mentions"] == ["cat", "cats"]
    assert record["curie"] == "NCBITaxon:9685" and record["common_name"] == "domestic cat"
    assert json.loads(json.dumps(record)) == record


# -- doc._.to_dict() -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["19309241", "41689919", "PMC12171867"])
def test_to_dict_is_json_and_offsets_slice_the_text(example_docs, name):
    doc = example_docs[name]
    record = doc._.to_dict()
    assert set(record) >= {"id", "text", "entities", "linked_entities"}
    restored = json.loads(json.dumps(record))
    assert restored["text"] == doc.text
    assert len(restored["entities"]) == len(doc.ents) > 0
    for ent, item in zip(doc.ents, restored["entities"]):
        assert (item["start"], item["end"], item["text"], item["label"]) == (ent.start_char, ent.end_char, ent.text, ent.label_)
        assert doc.text[item["start"] : item["end"]] == item["text"]
        assert item["kb_id"] == ent._.kb_id and item["kb_ids"] == list(ent._.kb_ids)
    assert list(restored["linked_entities"])[:3] == ["DISEASE", "SPECIES", "THERAPY"]
    for label, concepts in restored["linked_entities"].items():
        for c in concepts:
            assert c["label"] == label
            assert [doc.text[s:e] for s, e in c["offsets"]] == c["mentions"]


def test_to_dict_carries_the_document_id(nlp):
    doc = nlp("Anemia in a cat.")
    assert doc._.to_dict()["id"] is None
    doc._.doc_id = "PMID:1"
    record = json.loads(json.dumps(doc._.to_dict()))
    assert record["id"] == "PMID:1"
    assert [e["kb_id"] for e in record["entities"]] == ["MONDO:0002280", "NCBITaxon:9685"]
    assert record["linked_entities"]["SPECIES"][0]["common_name"] == "domestic cat"


def test_to_dict_of_an_empty_document(nlp):
    record = nlp("")._.to_dict()
    assert json.loads(json.dumps(record)) == {"id": None, "text": "", "host_species": [], "entities": [],
                                              "linked_entities": {"DISEASE": [], "SPECIES": [], "THERAPY": []}}  # fmt: skip
