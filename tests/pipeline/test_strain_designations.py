"""Strain designations (entitylink.pipeline.strain_designations): codes after "strain", "isolate", "=" or a
species' Latin name become entities of the species the document names nearest to them."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span

import entitylink
from entitylink.linking.grounder import Candidate
from entitylink.pipeline.strain_designations import strain_designations

NOVEL_SPECIES = (
    "A Gram-positive actinobacterium, designated 15-Je-017(T), was isolated from a wall. Strain 15-Je-017(T) "
    "was related to Jiangella alba YIM 61503(T). Strain 15-Je-017(T) represents a novel species, Jiangella "
    "muralis sp. nov., with type strain 15-Je-017(T) (=DSM 45357(T) =CCM 7680(T))."
)


def strains(doc):
    """The linked species entities with a digit in their text."""
    return [(e.text, e._.kb_name) for e in doc.ents if e.label_ == "SPECIES" and e._.kb_id and any(c.isdigit() for c in e.text)]


def test_every_mention_of_a_type_strain_is_the_novel_species(nlp):
    doc = nlp(NOVEL_SPECIES)
    assert strains(doc) == [
        ("15-Je-017", "Jiangella muralis"),
        ("15-Je-017", "Jiangella muralis"),
        ("YIM 61503", "Jiangella alba"),
        ("15-Je-017", "Jiangella muralis"),
        ("15-Je-017", "Jiangella muralis"),
        ("DSM 45357", "Jiangella muralis"),
        ("CCM 7680", "Jiangella muralis"),
    ]
    assert {e._.kb_id for e in doc.ents if e.text == "15-Je-017"} == {"NCBITaxon:702383"}


def test_coordinated_strains_and_a_strain_after_its_species(nlp):
    doc = nlp("Escherichia coli strain K-12 was grown. Variovorax paradoxus strains B4 and B28 degraded the dye.")
    # K-12 is a taxon of its own, which the NER tags and the priors link; B4 and B28 take their species
    assert strains(doc) == [("K-12", "Escherichia coli K-12"), ("B4", "Variovorax paradoxus"), ("B28", "Variovorax paradoxus")]


def test_no_strain_without_a_species_nor_for_numbers_genes_or_humans(nlp):
    assert strains(nlp("Strain 21-Xq-093(T) grew at 30 degrees.")) == []
    doc = nlp(
        "Patients were enrolled. Escherichia coli strains 1 and 2 grew, and gene SfN8DT-1 of Sophora flavescens, SfN8DT-1, was cloned."
    )
    assert strains(doc) == []


def test_the_linker_setting_turns_them_off():
    # without the priors too, which know the codes the dev abstract of Jiangella muralis annotates
    nlp = entitylink.load(config={"entitylink_linker": {"strain_designations": False, "priors": False}})
    assert strains(nlp(NOVEL_SPECIES)) == []


def test_a_code_the_priors_link_hosts_no_other_code(nlp):
    doc = nlp.make_doc("Methanobacterium ferruginis sp. nov., type strain Mic5c12 (=DSM 22353).")
    species, code = Span(doc, 0, 2, label="SPECIES"), Span(doc, 7, 8, label="SPECIES")
    ferruginis = Candidate("NCBITaxon:710191", "Methanobacterium ferruginis", "SPECIES", None, 1.0, ("NCBITaxon:710191",),
                           "Methanobacterium ferruginis", "label", None, "species")  # fmt: skip
    petrolearium = dataclasses.replace(
        ferruginis, curie="NCBITaxon:710190", name="Methanobacterium petrolearium", kind="prior", matched="Mic5c12"
    )  # fmt: skip (a prior that disagrees)
    found = strain_designations(doc, [(species, (ferruginis,)), (code, (petrolearium,))])
    assert [(span.text, candidates[0].name) for span, candidates in found if span.text == "DSM 22353"] == [
        ("DSM 22353", "Methanobacterium ferruginis")  # the named species nearest before it, not the code's
    ]


def test_respectively_pairs_the_type_strains_with_the_species_in_order(nlp):
    doc = nlp(
        "The growth of strain Mic5c12(T) and strain Mic6c05(T) was tested. Two novel species are proposed, "
        "Methanobacterium petrolearium sp. nov. and Methanobacterium ferruginis sp. nov., with type strains "
        "Mic5c12(T) (=DSM 22353(T)) and Mic6c05(T) (=DSM 21974(T)), respectively."
    )
    assert sorted(set(strains(doc))) == [
        ("DSM 21974", "Methanobacterium ferruginis"),
        ("DSM 22353", "Methanobacterium petrolearium"),
        ("Mic5c12", "Methanobacterium petrolearium"),
        ("Mic6c05", "Methanobacterium ferruginis"),
    ]
