"""Concept categories (entitylink.kb.category): categorize() on real MONDO, MeSH and NCBI Taxonomy concepts."""

from __future__ import annotations

import pytest

from entitylink.kb.category import Category, categorize, is_amino_acid
from entitylink.labels import (
    BIOLOGIC,
    CELL_THERAPY,
    DISEASE,
    DRUG,
    DRUG_CLASS,
    PROCEDURE,
    SPECIES,
    THERAPY,
)


def category(kb, curie):
    return categorize(kb[curie], kb.get)


@pytest.mark.parametrize("curie", ["MONDO:0018874", "MONDO:0001705", "MONDO:0002280", "MONDO:0005132"])
def test_mondo_disease(kb, curie):
    assert category(kb, curie) == Category(DISEASE)


def test_mondo_disease_characteristic_is_none(kb):
    assert kb["MONDO:0700063"].label == "complete"
    assert category(kb, "MONDO:0700063") is None


@pytest.mark.parametrize("curie", ["MONDO:0000001", "MONDO:0021178", "MONDO:0700096"])
def test_mondo_roots_and_groupings_are_none(kb, curie):
    assert category(kb, curie) is None


def test_mondo_needs_get(kb):
    assert categorize(kb["MONDO:0018874"]) is None


def test_obsolete_concept_is_none(kb):
    concept = next(kb.parts["mondo"].concept(i) for i in range(len(kb.parts["mondo"]))
                   if kb.parts["mondo"].concept(i).obsolete)  # fmt: skip
    assert categorize(concept, kb.get) is None


@pytest.mark.parametrize("curie", ["MESH:D015470", "MESH:D000740", "MESH:D012640", "MESH:D005334"])
def test_mesh_c_descriptor_is_disease(kb, curie):
    assert any(n.startswith("C") for n in kb[curie].tree_numbers)
    assert category(kb, curie) == Category(DISEASE)


def test_mesh_drug_with_pharmacological_action(kb):
    doxorubicin = kb["MESH:D004317"]
    assert doxorubicin.pharmacological_actions
    assert category(kb, "MESH:D004317") == Category(THERAPY, DRUG)
    assert category(kb, "MESH:D000305") == Category(THERAPY, DRUG)  # Adrenal Cortex Hormones


def test_biomolecule_without_pharmacological_action_is_none(kb):
    hemoglobins = kb["MESH:D006454"]
    assert all(n.startswith("D12.776") for n in hemoglobins.tree_numbers)
    assert not hemoglobins.pharmacological_actions
    assert category(kb, "MESH:D006454") is None


@pytest.mark.parametrize(
    ("curie", "subtype"),
    [
        ("MESH:D000906", BIOLOGIC),  # Antibodies: proteins only, with a pharmacological action
        ("MESH:D013300", BIOLOGIC),  # Streptokinase: an enzyme and a protein
        ("MESH:D007372", DRUG),  # Interferons: also peptides
        ("MESH:D007328", DRUG),  # Insulin: also a hormone
        ("MESH:D012254", DRUG),  # Ribavirin: a nucleoside (D13.570), filed with nucleic acids only
    ],
)
def test_a_biomolecule_given_as_a_drug_is_a_biologic_unless_also_a_small_molecule_or_peptide(kb, curie, subtype):
    assert kb[curie].pharmacological_actions
    assert category(kb, curie) == Category(THERAPY, subtype)


@pytest.mark.parametrize(
    "curie",
    [
        "MESH:D014529",  # Uridine: a heterocyclic compound and a nucleoside
        "MESH:D000242",  # Cyclic AMP: a heterocyclic compound and a nucleotide
        "MESH:D011453",  # Prostaglandins: fatty acids and autacoids
        "MESH:D003065",  # Coenzyme A: a coenzyme (D08.211), not an enzyme
        "MESH:D008070",  # Lipopolysaccharides: lipids, and bacterial antigens (D23)
    ],
)
def test_a_small_molecule_filed_also_with_biomolecules_is_a_drug_without_an_action(kb, curie):
    assert not kb[curie].pharmacological_actions
    assert category(kb, curie) == Category(THERAPY, DRUG)


def test_an_enzyme_filed_also_by_its_chemistry_is_no_drug(kb):
    assert "D10.251.355.128" in kb["MESH:D000090762"].tree_numbers  # Cytochrome P-450 CYP2J2
    assert category(kb, "MESH:D000090762") is None


def test_supplementary_concept_of_biologics_only_is_a_biologic(kb):
    assert kb["MESH:C000589393"].mapped_to == ("MESH:D000911",)  # olaratumab -> Antibodies, Monoclonal
    assert category(kb, "MESH:C000589393") == Category(THERAPY, BIOLOGIC)


def test_amino_acids_are_tree_d12_125(kb):
    assert is_amino_acid(kb["MESH:D001120"])  # Arginine
    assert is_amino_acid(kb["MESH:D000596"])  # Amino Acids
    assert not is_amino_acid(kb["MESH:D004317"])  # Doxorubicin


def test_d27_is_drug_class(kb):
    assert kb["MESH:D000900"].tree_numbers[0].startswith("D27")  # Anti-Bacterial Agents
    assert category(kb, "MESH:D000900") == Category(THERAPY, DRUG_CLASS)


@pytest.mark.parametrize(
    "curie",
    [
        "MESH:D004358",  # Drug Therapy, E02.319
        "MESH:D011878",  # Radiotherapy, E02.815
        "MESH:D001062",  # Appendectomy, E04.210.078
    ],
)
def test_e02_e04_are_procedures(kb, curie):
    assert category(kb, curie) == Category(THERAPY, PROCEDURE)


@pytest.mark.parametrize(
    "curie",
    [
        "MESH:D018380",  # Hematopoietic Stem Cell Transplantation (also under E04)
        "MESH:D059630",  # Mesenchymal Stem Cells
        "MESH:D005312",  # Fetal Blood
        "MESH:D064987",  # Cell- and Tissue-Based Therapy
    ],
)
def test_cell_therapies(kb, curie):
    assert category(kb, curie) == Category(THERAPY, CELL_THERAPY)


@pytest.mark.parametrize(
    "curie",
    [
        "MESH:D013812",  # Therapeutics (E02)
        "MESH:D002477",  # Cells (A11)
        "MESH:D013514",  # Surgical Procedures, Operative (E04)
    ],
)
def test_top_level_headings_are_none(kb, curie):
    assert all("." not in n for n in kb[curie].tree_numbers)
    assert category(kb, curie) is None


def test_blood_is_not_a_therapy(kb):
    assert category(kb, "MESH:D001769") is None  # Blood: A15.145, above the cord blood branch


def test_mesh_organism_is_species(kb):
    assert category(kb, "MESH:D006801") == Category(SPECIES)  # Humans


@pytest.mark.parametrize("curie", ["NCBITaxon:9606", "NCBITaxon:9685", "NCBITaxon:11768", "NCBITaxon:10088"])
def test_taxa_of_genus_rank_or_below_are_species(kb, curie):
    assert category(kb, curie) == Category(SPECIES)


@pytest.mark.parametrize("curie", ["NCBITaxon:1", "NCBITaxon:131567", "NCBITaxon:9604"])
def test_root_and_family_taxa_are_none(kb, curie):
    assert category(kb, curie) is None


def test_supplementary_concept_follows_its_disease_descriptor(kb):
    lip_tie = kb["MESH:C000723647"]
    assert lip_tie.mapped_to == ("MESH:D008047",)  # Lip Diseases
    assert category(kb, "MESH:C000723647") == Category(DISEASE)


def test_supplementary_concept_follows_its_chemical_descriptor(kb):
    assert kb["MESH:C000002"].mapped_to == ("MESH:D001561",)  # bevonium -> Benzilates
    assert category(kb, "MESH:C000002") == Category(THERAPY, DRUG)


def test_supplementary_protein_is_none(kb):
    protein = kb["MESH:C000588974"]  # ATP11C protein, human
    assert all(category(kb, curie) is None for curie in protein.mapped_to)
    assert category(kb, "MESH:C000588974") is None
