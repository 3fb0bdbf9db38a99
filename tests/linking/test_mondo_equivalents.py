"""MONDO classes for diseases linked through MeSH, OMIM or a name (entitylink.linking.mondo_equivalents)."""

from __future__ import annotations

import pytest

from entitylink.linking.grounder import shared_grounder

DISEASE = frozenset({"DISEASE"})


@pytest.fixture(scope="module")
def grounder(nlp):
    return shared_grounder()


def test_mesh_disease_without_mapping_gets_mondo_through_an_exact_synonym(grounder, kb):
    assert kb.xrefs("MESH:D009765", "MONDO") == []  # Obesity: MONDO maps no class to it
    found = grounder.ground("obesity", DISEASE)[0]
    assert found.curie == "MONDO:0011122"  # "obesity disorder", exact synonym "obesity"
    assert "MESH:D009765" in found.ids


def test_prior_to_a_mesh_id_gets_the_mondo_class_too(grounder):
    found = grounder.concept_candidate("MESH:D009765", DISEASE, 0.95, "obese", "prior")
    assert found is not None and found.curie == "MONDO:0011122" and "MESH:D009765" in found.ids


def test_omim_id_becomes_the_mondo_class_that_carries_it(grounder):
    found = grounder.concept_candidate("OMIM:601626", DISEASE, 0.95, "AML", "prior")
    assert found is not None and found.curie == "MONDO:0018874"


def test_an_exact_mapping_whose_names_differ_is_not_trusted(grounder):
    assert grounder.mondo.of("MESH:D012640") is None  # Seizures, mapped to "visual epilepsy"


def test_named_needs_one_class_of_the_best_kind(grounder):
    assert grounder.mondo.named("obesity") == "MONDO:0011122"
    assert grounder.mondo.named("no such disease at all") is None


@pytest.mark.parametrize(
    ("mondo", "heading"),
    [
        ("MONDO:0024477", "MESH:D008113"),  # liver and intrahepatic bile duct neoplasm, "liver neoplasm": Liver Neoplasms
        ("MONDO:0021360", "MESH:D010282"),  # tumor of parathyroid gland, "parathyroid neoplasm"
        ("MONDO:0004967", "MESH:D054198"),  # acute lymphoblastic leukemia: Precursor Cell Lymphoblastic Leukemia-Lymphoma
        ("MONDO:0018874", None),  # acute myeloid leukemia: MONDO maps it to MeSH itself
        ("MONDO:0000468", None),  # third-degree atrioventricular block: no MeSH heading of its names
        ("MONDO:0009210", "MESH:D005166"),  # congenital factor V deficiency (an OMIM id too): Factor V Deficiency
        ("MONDO:0015448", "MESH:C565128"),  # mitochondrial complex III deficiency: the supplementary concept's label
        ("MONDO:0011426", None),  # aceruloplasminemia keeps its OMIM id, not the supplementary concept copied from it
        ("MONDO:0009717", None),  # Schwartz-Jampel syndrome: MeSH's "Burton Syndrome" is a Kniest-like dysplasia
    ],
)
def test_a_mondo_disease_mondo_maps_to_no_mesh_id_has_the_heading_its_names_name(grounder, kb, mondo, heading):
    assert heading is None or not kb.xrefs(mondo, "MESH")
    assert grounder.mondo.mesh_heading(mondo) == heading


def test_a_broader_heading_is_a_descriptor(grounder):
    assert grounder.mondo.mesh_heading("MONDO:0015448", supplementary=False) is None


def test_a_disease_carries_the_mesh_heading_its_mondo_class_has_by_name(grounder):
    assert grounder.ground("liver tumors", DISEASE)[0].ids == ("MONDO:0024477", "MESH:D008113")  # not GI Neoplasms
    # an ancestor's heading by name: "prostate neoplasm" is Prostatic Neoplasms, deeper than Adenocarcinoma
    assert grounder.ground("prostate adenocarcinoma", DISEASE)[0].ids == ("MONDO:0005082", "MESH:D011471")
