"""Dictionary mention detection (entitylink.ner): longest matches, case rules, generic and stop terms,
local abbreviations, abbreviated binomials, infections, genus rules, and the component on its own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import entitylink
from entitylink.linking.grounder import shared_grounder
from entitylink.pipeline.dictionary_recognizer import read_stop_terms
from entitylink.pipeline.trained_recognizer import GENE_SPANS

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}


@pytest.fixture(scope="module")
def nlp(kb):
    """The pipeline without the trained NER: these tests are about the dictionary recognizer."""
    return entitylink.load(ner=False)


def blank_with_dictionary(**config):
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("entitylink_dictionary", config=config)
    return nlp


def ents(doc):
    return [(ent.text, ent.label_) for ent in doc.ents]


def texts(doc):
    return [ent.text for ent in doc.ents]


def test_longest_match(nlp):
    doc = nlp("The patient was diagnosed with acute myeloid leukemia in 2019.")
    assert ("acute myeloid leukemia", "DISEASE") in ents(doc)
    assert "leukemia" not in texts(doc)
    assert "myeloid leukemia" not in texts(doc)


def test_undefined_short_forms_need_a_label_match(nlp):
    grounder = shared_grounder()
    assert grounder.exact("MAP") and grounder.exact("DM")  # the dictionary knows them as synonyms
    doc = nlp("We used MAP kinase inhibitors in DM patients.")
    assert "MAP" not in texts(doc)
    assert "DM" not in texts(doc)
    doc = nlp("Patients with HIV were enrolled.")
    assert ("HIV", "SPECIES") in ents(doc)


@pytest.mark.parametrize("text", ["Can this be done? We can try. Was it bad? It was."])
def test_stop_words_never_match(nlp, text):
    grounder = shared_grounder()
    assert grounder.has_name("was") and grounder.has_name("can")  # "WAS", "CAN" are abbreviations
    assert nlp(text).ents == ()


def test_no_match_opens_with_a_preposition(nlp):
    assert shared_grounder().exact("after treatment")  # MeSH's Aftercare ("After-Treatment")
    doc = nlp("Relapse occurred after treatment with cisplatin.")
    assert "after treatment" not in texts(doc)
    assert ("cisplatin", "THERAPY") in ents(doc)


@pytest.mark.parametrize(("text", "salt"), [("Bupropion HCl was given.", "Bupropion HCl"),
                                           ("Morphine sulphate was given.", "Morphine sulphate")])  # fmt: skip
def test_a_drug_takes_the_counter_ion_written_after_it(nlp, text, salt):
    assert (salt, "THERAPY") in ents(nlp(text))


def test_defined_short_form_spelled_like_a_stop_word(nlp):
    doc = nlp("Wiskott-Aldrich syndrome (WAS) is rare. WAS patients were studied. It was bad.")
    was = [ent for ent in doc.ents if ent.text == "WAS"]
    assert len(was) == 2
    assert all(ent.label_ == "DISEASE" for ent in was)
    assert "was" not in texts(doc)


def test_generic_words_are_not_entities(nlp):
    assert shared_grounder().exact("disease")  # MeSH "Disease" is a descriptor
    doc = nlp("The disease was severe. Disease progression was slow. The treatment was given as a therapy.")
    assert doc.ents == ()


def test_injury_alone_is_no_entity_but_a_named_injury_is(nlp):
    assert shared_grounder().exact("injury")  # Wounds and Injuries, by a related synonym
    # "liver injury": a name the corpora's annotators always tag (a learned name), "mitochondrial injury" none
    assert texts(nlp("Paracetamol caused acute liver injury and mitochondrial injury.")) == ["Paracetamol", "liver injury"]
    assert "brain injury" in texts(nlp("A brain injury was seen."))


def test_default_stop_terms_are_loaded(nlp):
    stop_terms = read_stop_terms()
    assert ("DISEASE", "body weight") in stop_terms
    text = "Body weight fell in patients with acute myeloid leukemia."
    assert "Body weight" not in texts(nlp(text))
    assert ("Body weight", "DISEASE") in ents(blank_with_dictionary(stop_terms=[])(text))


def test_stop_terms_list_suppresses_a_name():
    dictionary = blank_with_dictionary(stop_terms=["acute myeloid leukemia"])
    doc = dictionary("Body weight of patients with acute myeloid leukemia and Acute Myeloid Leukaemias.")
    assert all("acute myeloid leuk" not in text.lower() for text in texts(doc))
    assert ("patients", "SPECIES") in ents(doc)
    assert ("Body weight", "DISEASE") in ents(doc)  # a list replaces the default stop terms


def test_learned_names_are_tagged_and_linked_as_the_corpora_do(nlp, tmp_path):
    assert not shared_grounder().exact("toxicity")  # no ontology names it
    doc = nlp("Severe toxicity was dose limiting in patients given cisplatin.")
    toxicity = [ent for ent in doc.ents if ent.text == "toxicity"]
    assert [(ent.label_, ent._.kb_id) for ent in toxicity] == [("DISEASE", "MESH:D064420")]
    assert "toxicity" not in texts(blank_with_dictionary(learned_names=False)(doc.text))
    names = tmp_path / "names.tsv"
    names.write_text("DISEASE\tsevere toxicity\tMESH:D064420\t5\t0\n", encoding="utf-8")
    assert "Severe toxicity" in texts(blank_with_dictionary(learned_names=str(names))(doc.text))


def test_local_definition_overrides_the_dictionary(nlp):
    assert shared_grounder().exact("CMV")[0].curie == "NCBITaxon:12305"  # globally, CMV is the plant virus
    doc = nlp("Patients developed cytomegalovirus (CMV) reactivation. CMV was treated with ganciclovir.")
    cmv = [ent for ent in doc.ents if ent.text == "CMV"]
    assert len(cmv) == 2
    for ent in doc.ents:
        assert ent._.kb_id != "NCBITaxon:12305"
        assert "NCBITaxon:12305" not in ent._.kb_ids


def test_defined_plant_virus_is_the_plant_virus(nlp):
    doc = nlp("Cucumber mosaic virus (CMV) infects plants. CMV spreads by aphids.")
    assert {ent._.kb_id for ent in doc.ents if ent.text == "CMV"} == {"NCBITaxon:12305"}


def test_short_form_of_a_foreign_long_form_is_not_tagged(nlp):
    doc = nlp("Mass spectrometry (MS) was used. MS showed several peaks.")
    assert "MS" not in texts(doc)
    doc = nlp("Multiple sclerosis (MS) was diagnosed. MS patients were followed.")
    assert [ent.text for ent in doc.ents if ent.label_ == "DISEASE"] == [
        "Multiple sclerosis",
        "MS",
        "MS",
    ]


def test_abbreviated_binomial_follows_the_full_name(nlp):
    doc = nlp("Infection with Candida albicans was treated. C. albicans was resistant to fluconazole.")
    full = next(ent for ent in doc.ents if ent.text == "Candida albicans")
    short = next(ent for ent in doc.ents if ent.text == "C. albicans")
    assert full.label_ == short.label_ == "SPECIES"
    assert full._.kb_id == "NCBITaxon:5476"
    assert short._.kb_id == full._.kb_id


def test_an_abbreviated_binomial_without_its_period_needs_the_genus_named_before(nlp):
    doc = nlp("Toxoplasma gondii infects cats. T gondii parasites were cloned.")
    assert [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "SPECIES"] == [
        ("Toxoplasma gondii", "NCBITaxon:5811"),
        ("cats", "NCBITaxon:9685"),
        ("T gondii", "NCBITaxon:5811"),
    ]
    alone = nlp("T gondii parasites were cloned. A total of 12 patients.")
    assert not [e.text for e in alone.ents if e.text.startswith(("T ", "A "))]


def test_a_renamed_binomial_is_one_entity_and_its_abbreviation_follows(nlp):
    doc = nlp("Larvae of Chrysomela tremulae fed on poplar. C. tremulae larvae were counted.")
    assert [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "SPECIES"] == [
        ("Chrysomela tremulae", "NCBITaxon:63687"),
        ("C. tremulae", "NCBITaxon:63687"),
    ]


def test_abbreviated_binomial_alone(nlp):
    doc = nlp("E. coli was resistant to ampicillin.")
    ecoli = next(ent for ent in doc.ents if ent.text == "E. coli")
    assert ecoli.label_ == "SPECIES"
    assert ecoli._.kb_id == "NCBITaxon:562"


@pytest.mark.parametrize(
    ("text", "mention", "mondo"),
    [
        (
            "Cytomegalovirus reactivation was seen after transplant.",
            "Cytomegalovirus reactivation",
            "MONDO:0005132",
        ),
        (
            "Epstein-Barr virus reactivation occurred.",
            "Epstein-Barr virus reactivation",
            "MONDO:0005111",
        ),
        (
            "One patient died of Hepatitis B virus disease.",
            "Hepatitis B virus disease",
            "MONDO:0005344",
        ),
    ],
)
def test_virus_followed_by_infection_word_is_a_disease(nlp, text, mention, mondo):
    doc = nlp(text)
    found = [ent for ent in doc.ents if ent.text == mention]
    assert len(found) == 1
    assert found[0].label_ == "DISEASE"
    assert found[0]._.kb_id == mondo


@pytest.mark.parametrize(
    "text",
    [
        "Patients had cytomegalovirus (CMV) infection. CMV was detected in blood.",
        "The child had a high fever. Seizures occurred the next day.",
    ],
)
def test_entities_stay_inside_their_sentence(nlp, text):
    """A name never reaches over a full stop into the next sentence."""
    doc = nlp(text)
    assert doc.ents
    for ent in doc.ents:
        assert ent.sent.start <= ent.start and ent.end <= ent.sent.end, f"{ent.text!r} crosses a sentence boundary"


def test_lowercase_genus_names_are_not_species(nlp):
    grounder = shared_grounder()
    for word in ("beta", "helix", "late"):
        assert grounder.exact(word)[0].rank == "genus"  # "Beta" (beets), "Helix" (snails), "Late" (fish)
    doc = nlp("The late phase of the beta cell response was studied with an alpha helix model.")
    assert [ent for ent in doc.ents if ent.label_ == "SPECIES"] == []


@pytest.mark.parametrize("virus", ["cytomegalovirus", "rotavirus"])
def test_lowercase_virus_genus_is_a_species_mention(nlp, virus):
    """Virus genera are written in lower case ("cytomegalovirus was cultured"), unlike Latin genera."""
    doc = nlp(f"In two patients, {virus} was cultured from urine samples.")
    assert (virus, "SPECIES") in ents(doc)


def test_capitalised_genus_is_a_species_mention(nlp):
    doc = nlp("Arabidopsis plants were grown for four weeks.")
    assert ("Arabidopsis", "SPECIES") in ents(doc)


def test_overwrite_ents_false_keeps_other_entities():
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Mayo Clinic"}])
    nlp.add_pipe("entitylink_dictionary")
    doc = nlp("At the Mayo Clinic, acute myeloid leukemia was treated.")
    assert ents(doc) == [("Mayo Clinic", "ORG"), ("acute myeloid leukemia", "DISEASE")]


@pytest.mark.parametrize(("merge", "expected"), [("ner", [("myeloid", "GENE")]),
                                                  ("longest", [("acute myeloid leukemia", "DISEASE")]),
                                                  ("dictionary", [("acute myeloid leukemia", "DISEASE")])])  # fmt: skip
def test_merge_policy_decides_between_earlier_entities_and_matches(merge, expected):
    # the default, "longest", lets the longer dictionary match win
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GENE", "pattern": "myeloid"}])
    nlp.add_pipe("entitylink_dictionary", config={"merge": merge})
    assert ents(nlp("She had acute myeloid leukemia.")) == expected


@pytest.mark.parametrize(("genes", "expected"), [([], [("Crohn disease", "DISEASE"), ("mice", "SPECIES"), ("hypoglycemia", "DISEASE")]),
                                                 ([(0, 1)], [("mice", "SPECIES"), ("hypoglycemia", "DISEASE")])])  # fmt: skip
def test_no_match_overlaps_a_gene_of_the_trained_ner(nlp, genes, expected):
    doc = nlp.make_doc("Crohn disease mice developed hypoglycemia.")
    doc.spans[GENE_SPANS] = [Span(doc, start, end, label="GENE") for start, end in genes]
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert ents(doc) == expected


def test_a_gene_written_with_its_genotype_is_no_entity(nlp):
    doc = nlp("MCAD−/− mice and Lepr+/- rats developed hypoglycemia.")
    assert [e.text for e in doc.ents if "/" in e.text] == []
    assert {"mice", "hypoglycemia"} <= {e.text for e in doc.ents}


def test_unknown_merge_policy_is_named():
    with pytest.raises(ValueError, match="merge policy 'union'"):
        blank_with_dictionary(merge="union")


def test_overwrite_ents_true_drops_other_entities():
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Mayo Clinic"}])
    nlp.add_pipe("entitylink_dictionary", config={"overwrite_ents": True})
    doc = nlp("At the Mayo Clinic, acute myeloid leukemia was treated.")
    assert ents(doc) == [("acute myeloid leukemia", "DISEASE")]


def test_component_alone_on_blank_pipeline():
    dictionary = blank_with_dictionary()
    doc = dictionary("A FeLV-infected cat with anemia received doxorubicin-induced remission therapy and prednisolone.")
    found = ents(doc)
    assert ("cat", "SPECIES") in found
    assert ("anemia", "DISEASE") in found
    assert ("doxorubicin", "THERAPY") in found
    assert ("prednisolone", "THERAPY") in found
    assert all(ent._.kb_id is None for ent in doc.ents)  # no linker in this pipeline


def test_labels_option():
    dictionary = blank_with_dictionary(labels=["SPECIES"])
    doc = dictionary("Patients with acute myeloid leukemia and cats got doxorubicin.")
    assert ents(doc) == [("Patients", "SPECIES"), ("cats", "SPECIES")]


def test_implicit_human_option():
    dictionary = blank_with_dictionary(implicit_human=False)
    doc = dictionary("Patients, women and children with acute myeloid leukemia.")
    assert ents(doc) == [("acute myeloid leukemia", "DISEASE")]


def test_unknown_label_raises_naming_it():
    with pytest.raises(ValueError, match="GENE"):
        blank_with_dictionary(labels=["DISEASE", "GENE"])


# -- species: the whole taxonomy, word-genera, organism adjectives, life stages (issue 11) -----------------
def _species(nlp, text):
    return [(ent.text, ent._.kb_id) for ent in nlp(text).ents if ent.label_ == "SPECIES"]


def test_a_binomial_only_the_whole_taxonomy_names_is_its_taxon(nlp):
    found = _species(nlp, "Blooms of Scrippsiella trochoidea were sampled in the bay.")
    assert ("Scrippsiella trochoidea", "NCBITaxon:71861") in found


def test_a_binomial_of_a_named_genus_is_the_species_not_the_genus(nlp):
    """The curated tier names the genus Methanobacterium; the whole taxonomy names the new species."""
    found = _species(nlp, "Methanobacterium petrolearium sp. nov., a methanogen isolated from a crude oil tank.")
    assert found == [("Methanobacterium petrolearium", "NCBITaxon:710190")]


def test_word_genera_are_never_tagged_alone(nlp):
    texts = ["Cancer is a leading cause of death.", "Major depression was common.", "Arrows point to the lesions."]
    for text in texts:
        assert not [e for e in nlp(text).ents if e.label_ == "SPECIES" and e._.rank == "genus"], text


def test_organism_adjectives_name_their_organism(nlp):
    assert ("murine", "NCBITaxon:10090") in _species(nlp, "A murine model of sepsis was used.")
    assert ("feline", "NCBITaxon:9685") in _species(nlp, "We describe feline patients with anemia.")


def test_adult_mice_are_mice_not_people(nlp):
    found = _species(nlp, "Adult mice and newborn rats were treated; adult patients were not.")
    assert [kb_id for text, kb_id in found if text.lower().startswith(("adult m", "mice"))] == ["NCBITaxon:10090"]
    assert "NCBITaxon:9606" in {kb_id for _, kb_id in found}  # "adult patients" are still people
    assert not any(text == "Adult" or text == "newborn" for text, _ in found)


def test_virus_lineages_are_tagged_as_their_virus(nlp):
    doc = nlp("Purified gp120s from four SIVmac and SIVsm strains bound, unlike SIVcpz gp120s.")
    assert [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "SPECIES"] == [
        ("SIVmac", "NCBITaxon:11723"),
        ("SIVsm", "NCBITaxon:11723"),
        ("SIVcpz", "NCBITaxon:11723"),
    ]


def test_a_compound_code_mesh_writes_otherwise_is_tagged(nlp):
    doc = nlp("Rats received KF17837 or Ro15-1788 before E4031.")
    assert [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "THERAPY"] == [
        ("KF17837", "MESH:C081198"),  # MeSH: KF 17837
        ("Ro15-1788", "MESH:D005442"),  # MeSH: Ro 15-1788, flumazenil
        ("E4031", "MESH:C063968"),  # MeSH: E 4031
    ]


def test_a_compound_written_as_its_formula_is_tagged(nlp):
    doc = nlp("Slices were kept in CaCl(2) and NaHCO3, then in bupropion HCl.")
    assert [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "THERAPY"][:2] == [
        ("CaCl(2)", "MESH:D002122"),  # calcium chloride, its closing parenthesis a token of its own
        ("NaHCO3", "MESH:D017693"),  # sodium bicarbonate
    ]
    assert "HCl" not in {e.text for e in doc.ents}


def test_an_ion_is_tagged_with_its_charge_not_as_a_bare_symbol(nlp):
    doc = nlp("Currents of Na+ and Ca(2+) ions; KO mice and K values.")
    assert [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "THERAPY"] == [
        ("Na+", "MESH:D012964"),
        ("Ca(2+)", "MESH:D002118"),
    ]


def test_a_short_code_is_no_compound_unprompted(nlp):
    # receptors and vitamins spelled as codes: NK2 receptors, P2 purinoceptors
    assert not [e for e in nlp("NK2 and P2 receptors were blocked.").ents if e.label_ == "THERAPY"]


def test_a_disease_named_with_its_drug_is_the_drug_and_the_disease(nlp):
    """The corpora tag "heparin" and "thrombocytopenia" apart, as MeSH indexes them; "drug-induced lupus"
    names no drug, and stays whole."""
    doc = nlp("Heparin-induced thrombocytopenia was seen, and drug-induced lupus.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Heparin", "THERAPY"),
        ("thrombocytopenia", "DISEASE"),
        ("drug-induced lupus", "DISEASE"),
    ]
