"""Entity linking (entitylink.linking): the span attributes, the linker on its own on user-made
entities, fuzzy candidates, drop_unlinked and max_alternatives."""

from __future__ import annotations

from collections import Counter

import pytest
import spacy
from spacy.tokens import Span

from entitylink.linking.priors import LinkingPriors
from entitylink.pipeline.extensions import SPAN_ATTRIBUTES

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}


def blank_with_linker(**config):
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("entitylink_linker", config=config)
    return nlp


def link(nlp, text, start, end, label="DISEASE"):
    """Run ``nlp`` on ``text`` with one user-made entity over tokens start:end."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label=label)]
    return nlp(doc)


def test_span_attributes_are_registered(example_docs):
    for name in SPAN_ATTRIBUTES:
        assert Span.has_extension(name)


def test_disease_attributes(example_docs):
    ent = next(e for e in example_docs["PMC12171867"].ents if e.text == "acute myeloid leukemia")
    assert ent._.kb_id == "MONDO:0018874"
    assert ent._.kb_ids[:2] == ["MONDO:0018874", "MESH:D015470"]
    assert ent._.kb_name == "acute myeloid leukemia"
    assert ent._.score == 1.0
    assert ent._.subtype is None
    assert ent._.common_name is None and ent._.rank is None
    assert isinstance(ent._.alternatives, list)


def test_species_attributes(example_docs):
    ent = next(e for e in example_docs["PMC12171867"].ents if e.text == "patients")
    assert ent._.kb_id == "NCBITaxon:9606"
    assert ent._.kb_ids == ["NCBITaxon:9606", "MESH:D006801"]
    assert ent._.kb_name == "Homo sapiens"
    assert ent._.common_name == "human"
    assert ent._.rank == "species"
    assert 0 < ent._.score < 1  # an implied human, not a name of the taxon


def test_therapy_attributes(example_docs):
    ent = next(e for e in example_docs["41689919"].ents if e.text == "corticosteroid")
    assert ent._.kb_id == "MESH:D000305"
    assert ent._.kb_ids == ["MESH:D000305"]
    assert ent._.kb_name == "Adrenal Cortex Hormones"
    assert ent._.subtype == "drug"
    assert ent._.rank is None


def test_spacy_kb_id_matches_extension(example_docs):
    linked = [ent for doc in example_docs.values() for ent in doc.ents if ent._.kb_id is not None]
    assert len(linked) > 30
    for ent in linked:
        assert ent.kb_id_ == ent._.kb_id


def test_unlinked_entities_have_no_identifier_and_no_score(example_docs):
    for doc in example_docs.values():
        for ent in doc.ents:
            if ent._.kb_id is None:
                assert ent.kb_id_ == "" and ent._.score is None and ent._.kb_ids == []


def test_scores_and_alternatives_are_well_formed(example_docs):
    for doc in example_docs.values():
        for ent in (e for e in doc.ents if e._.kb_id is not None):
            assert 0 < ent._.score <= 1
            assert ent._.kb_id in ent._.kb_ids
            assert len(ent._.alternatives) <= 5
            for alternative in ent._.alternatives:
                assert isinstance(alternative, dict)
                assert {"curie", "name", "score", "ids", "kind", "label"} <= set(alternative)
                assert alternative["curie"] != ent._.kb_id
                assert alternative["score"] <= ent._.score


def test_linker_alone_on_user_entities():
    linker = blank_with_linker()
    doc = link(linker, "She had acute myelogenous leukaemia and diabetes .", 2, 5)
    (ent,) = doc.ents
    assert ent.text == "acute myelogenous leukaemia"
    assert ent.label_ == "DISEASE"
    assert ent._.kb_id == "MONDO:0018874"
    assert ent.kb_id_ == "MONDO:0018874"
    assert "MESH:D015470" in ent._.kb_ids


def test_linker_respects_the_entity_label():
    linker = blank_with_linker()
    species = link(linker, "Mice were used .", 0, 1, label="SPECIES").ents[0]
    assert species._.kb_id.startswith("NCBITaxon:")
    as_disease = link(linker, "Mice were used .", 0, 1, label="DISEASE").ents[0]
    assert as_disease._.kb_id is None  # no disease is named "mice"


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "linked"),
    [
        ("Rats got dexamethasone 40 mg daily .", 2, 4, "THERAPY", ("dexamethasone", "MESH:D003907")),
        ("A history of ischemic cardiac disease 9 years earlier .", 3, 7, "DISEASE", ("ischemic cardiac disease", None)),
        ("Diabetes of 2 months duration .", 0, 3, "DISEASE", ("Diabetes", "MONDO:0005015")),
        ("HPV 16 was found .", 0, 2, "SPECIES", ("HPV 16", "NCBITaxon:333760")),  # no unit after it: a type
    ],
)
def test_a_number_that_measures_what_follows_is_no_part_of_the_entity(text, start, end, label, linked):
    (ent,) = link(blank_with_linker(), text, start, end, label=label).ents
    assert ent.text == linked[0]
    assert linked[1] is None or ent._.kb_id == linked[1]


def test_a_genus_grows_to_the_species_its_epithet_names():
    linker = blank_with_linker()
    (ent,) = link(linker, "Roots hosted Glomus intraradices spores .", 2, 3, label="SPECIES").ents
    assert (ent.text, ent._.kb_id, ent._.kb_name) == ("Glomus intraradices", "NCBITaxon:4876", "Rhizophagus intraradices")
    (ent,) = link(linker, "Roots hosted Glomus spores .", 2, 3, label="SPECIES").ents
    assert (ent.text, ent._.rank) == ("Glomus", "genus")


def test_other_labels_link_to_any_concept():
    linker = blank_with_linker()
    ent = link(linker, "Cats were used .", 0, 1, label="ORGANISM").ents[0]
    assert ent.label_ == "ORGANISM"
    assert ent._.kb_id == "NCBITaxon:9685"


@pytest.mark.parametrize(
    ("text", "span", "curie"),
    [
        ("She had leukaemia myeloid acut .", (2, 5), "MONDO:0018874"),
        ("She had diabetes melitus .", (2, 4), "MONDO:0005015"),
    ],
)
def test_misspelt_disease_gets_a_fuzzy_link(text, span, curie):
    linker = blank_with_linker()
    mention = " ".join(text.split()[span[0] : span[1]])
    candidates = linker.get_pipe("entitylink_linker").candidates(mention, "DISEASE")
    assert candidates[0].kind == "fuzzy"
    assert candidates[0].curie == curie
    (ent,) = link(linker, text, *span).ents
    assert ent._.kb_id == curie
    assert ent._.score < 1


def test_fuzzy_threshold_none_leaves_it_unlinked():
    linker = blank_with_linker(fuzzy_threshold=None)
    (ent,) = link(linker, "She had diabetes melitus .", 2, 4).ents
    assert ent.text == "diabetes melitus"
    assert ent._.kb_id is None
    assert ent.kb_id_ == ""
    assert ent._.kb_ids == []


def test_high_fuzzy_threshold_leaves_it_unlinked():
    linker = blank_with_linker(fuzzy_threshold=0.99)
    (ent,) = link(linker, "She had diabetes melitus .", 2, 4).ents
    assert ent._.kb_id is None


def test_drop_unlinked_removes_it():
    linker = blank_with_linker(fuzzy_threshold=None, drop_unlinked=True)
    doc = linker.make_doc("She had diabetes melitus and diabetes mellitus .")
    doc.ents = [Span(doc, 2, 4, label="DISEASE"), Span(doc, 5, 7, label="DISEASE")]
    doc = linker(doc)
    assert [ent.text for ent in doc.ents] == ["diabetes mellitus"]
    assert doc.ents[0]._.kb_id == "MONDO:0005015"


def test_an_entity_nothing_links_spelled_as_a_gene_symbol_is_a_gene():
    assert link(blank_with_linker(), "IGFBP3 levels fell .", 0, 1).ents == ()  # an HGNC symbol, unlinked
    (kept,) = link(blank_with_linker(gene_symbols=False), "IGFBP3 levels fell .", 0, 1).ents
    assert kept.text == "IGFBP3" and kept._.kb_id is None
    (linked,) = link(blank_with_linker(), "Patients with ALS .", 2, 3).ents  # a symbol too, but a disease name
    assert linked._.kb_id == "MONDO:0004976"


def test_an_undefined_short_form_nothing_links_is_dropped():
    linker = blank_with_linker(gene_symbols=False)
    assert link(linker, "ATRX and DAXX mutations .", 0, 1).ents == ()
    doc = linker.make_doc("PV interneurons in mice .")
    doc.ents = [Span(doc, 0, 1, label="SPECIES"), Span(doc, 3, 4, label="SPECIES")]
    assert [(e.text, e._.kb_id) for e in linker(doc).ents] == [("mice", "NCBITaxon:10090")]  # no poliovirus by 2 letters


def test_an_abbreviation_nothing_links_is_dropped_with_its_long_form():
    linker = spacy.blank("en", config=TOKENIZER)
    linker.add_pipe("entitylink_abbreviations")
    linker.add_pipe("entitylink_linker", config={"gene_symbols": False})
    doc = linker.make_doc("The inferior colliculus ( IC ) controls catalepsy . IC lesions and the IC .")
    tokens = [t.text for t in doc]
    ic = [i for i, text in enumerate(tokens) if text == "IC"]
    doc.ents = [Span(doc, 1, 3, label="DISEASE"), *(Span(doc, i, i + 1, label="DISEASE") for i in ic),
                Span(doc, tokens.index("catalepsy"), tokens.index("catalepsy") + 1, label="DISEASE")]  # fmt: skip
    assert [ent.text for ent in linker(doc).ents] == ["catalepsy"]  # the long form names nothing: neither does IC
    doc = linker.make_doc("Pure red cell aplasia ( PRCA ) occurred ; PRCA resolved .")
    doc.ents = [Span(doc, 5, 6, label="DISEASE"), Span(doc, 9, 10, label="DISEASE")]  # only the short forms tagged
    assert {ent._.kb_id for ent in linker(doc).ents} == {"MONDO:0001705"}  # linked as their long form: kept


def test_an_unlinked_disease_is_kept_and_an_unlinked_organism_dropped_by_default():
    linker = blank_with_linker()
    (ent,) = link(linker, "She had qqqzzx xxyyw .", 2, 4).ents
    assert ent.text == "qqqzzx xxyyw"
    assert ent._.kb_id is None
    assert link(linker, "Spores of the Pleistocene bogs .", 3, 5, label="SPECIES").ents == ()
    kept = link(blank_with_linker(drop_unlinked=[]), "Spores of the Pleistocene bogs .", 3, 5, label="SPECIES").ents
    assert [ent.text for ent in kept] == ["Pleistocene bogs"]
    assert blank_with_linker(drop_unlinked="DISEASE").get_pipe("entitylink_linker").drop_unlinked == {"DISEASE"}


@pytest.mark.parametrize("max_alternatives", [0, 1, 2])
def test_max_alternatives(max_alternatives):
    linker = blank_with_linker(max_alternatives=max_alternatives)
    (ent,) = link(linker, "Rats were used .", 0, 1, label="SPECIES").ents
    assert ent._.kb_id == "NCBITaxon:10116"
    assert len(linker.get_pipe("entitylink_linker").candidates("Rats", "SPECIES")) > 2
    assert len(ent._.alternatives) == max_alternatives
    assert all(isinstance(a, dict) and a["label"] == "SPECIES" for a in ent._.alternatives)


def test_short_forms_link_as_their_long_form(nlp):
    doc = nlp("Pure red cell aplasia (PRCA) was seen. PRCA resolved.")
    linked = {(ent.text, ent._.kb_id) for ent in doc.ents}
    assert linked == {
        ("Pure red cell aplasia", "MONDO:0001705"),
        ("PRCA", "MONDO:0001705"),
    }


def test_a_short_form_of_what_comes_before_an_of_does_not_link_as_the_entity_after_it(nlp):
    doc = nlp("Dopamine increased the duration of catatonia (DOC) after ketamine. The DOC was long.")
    assert {(ent.text, ent._.kb_id) for ent in doc.ents if ent.text in ("catatonia", "DOC")} <= {
        ("catatonia", "MONDO:0800105"),
        ("DOC", None),
    }
    assert any(ent.text == "catatonia" for ent in doc.ents)


def test_an_undefined_short_form_links_only_by_an_exact_name():
    linker = blank_with_linker(gene_symbols=False)
    sd = [t.text for t in linker.make_doc("Values are mean +/- SD .")].index("SD")
    assert link(linker, "Values are mean +/- SD .", sd, sd + 1).ents == ()  # no sexual dysfunction (the priors), no Salla disease
    (sle,) = link(linker, "Patients with SLE .", 2, 3).ents
    assert sle._.kb_id == "MONDO:0007915"


def test_an_undefined_short_form_of_two_letters_links_to_no_disease():
    # "AD": Alzheimer disease, atopic dermatitis or autosomal dominant; group "TD": no thanatophoric dysplasia
    linker = blank_with_linker(gene_symbols=False)
    assert link(linker, "Patients with AD .", 2, 3).ents == ()
    assert link(linker, "Group TD received tobramycin .", 1, 2).ents == ()


def test_an_undefined_short_form_takes_the_concept_the_document_names_in_full():
    linker = blank_with_linker()
    doc = linker.make_doc("Myotonic dystrophy (DM) is common . DM patients .")
    doc.ents = [Span(doc, 0, 2, label="DISEASE"), Span(doc, 3, 4, label="DISEASE"), Span(doc, 8, 9, label="DISEASE")]
    assert {ent._.kb_id for ent in linker(doc).ents} == {"MONDO:0016107"}  # not diabetes mellitus
    assert link(linker, "Patients with DM .", 2, 3).ents == ()  # undefined and named nowhere in full


def test_a_drug_short_form_whose_long_form_names_nothing_links_by_its_own_name(nlp):
    doc = nlp("Rats received 1-(2-chloroethyl)-3-cyclohexyl-1-nitrosourea (CCNU) weekly. CCNU was toxic.")
    assert [ent._.kb_id for ent in doc.ents if ent.text == "CCNU"] == ["MESH:D008130"] * 2  # Lomustine


def test_a_short_form_links_as_its_long_form_with_its_locants(nlp):
    doc = nlp("Neuroblastoma cells were treated with 13-cis-retinoic acid (cis-RA). Since cis-RA has clinical effects.")
    assert [ent._.kb_id for ent in doc.ents if ent.text == "cis-RA"] == ["MESH:D015474"] * 2  # isotretinoin, not 9-cis


def test_a_defined_short_form_ignores_what_the_priors_say_of_its_letters(nlp):
    doc = nlp("Sprague-Dawley (SD) rats were fed. SD rats were killed.")
    assert all(ent._.kb_id != "MONDO:0002134" for ent in doc.ents)  # sexual dysfunction elsewhere


def test_an_entity_nothing_links_is_cut_to_its_longest_linked_first_words():
    linker = blank_with_linker()
    (hiv,) = link(linker, "Most HIV R5 strains .", 1, 3, label="SPECIES").ents
    assert (hiv.text, hiv._.kb_id) == ("HIV", "NCBITaxon:12721")
    (unlinked,) = link(blank_with_linker(drop_unlinked=False), "The xqzzy blorf strains .", 1, 3, label="SPECIES").ents
    assert (unlinked.text, unlinked._.kb_id) == ("xqzzy blorf", None)


def test_an_organism_nothing_links_after_a_gene_symbol_is_cut_to_its_longest_linked_last_words():
    linker = blank_with_linker()
    (mice,) = link(linker, "The cortex of Shank3 mutant mice .", 3, 6, label="SPECIES").ents
    assert (mice.text, mice._.kb_id) == ("mice", "NCBITaxon:10090")
    keeping = blank_with_linker(drop_unlinked=False)
    kept = link(keeping, "The Xqzzy rabbit lives .", 1, 3, label="SPECIES").ents  # no gene: not any rabbit
    assert [(e.text, e._.kb_id) for e in kept] == [("Xqzzy rabbit", None)]
    kept = link(keeping, "A FMR1 xqzzy geminivirus .", 1, 4, label="SPECIES").ents
    assert [(e.text, e._.kb_id) for e in kept] == [("FMR1 xqzzy geminivirus", None)]  # no geminivirus of any kind


def test_a_disease_nothing_links_is_its_longest_linked_last_words():
    linker = blank_with_linker()
    (edema,) = link(linker, "It reduced peritumoral edema .", 2, 4).ents
    assert (edema.text, edema._.kb_id) == ("peritumoral edema", "MESH:D004487")


@pytest.mark.parametrize(
    "text",
    [
        "They had DTDST chondrodysplasias .",  # a symbol names the kind
        "They had AAP hepatitis .",
    ],
)
def test_a_disease_is_not_linked_past_the_word_naming_its_kind(text):
    linker = blank_with_linker(priors=False)  # the rule, not what annotators gave a text
    (unlinked,) = link(linker, text, 2, len(text.split()) - 1).ents
    assert unlinked._.kb_id is None


def test_a_disease_after_a_list_it_completes_grows_to_the_coordination():
    linker = blank_with_linker()
    (grown,) = link(linker, "Risk of brain , breast , and prostate cancer rose .", 7, 9).ents
    assert grown.text == "brain , breast , and prostate cancer"
    assert {"MESH:D001932", "MESH:D001943", "MESH:D011471"} <= set(grown._.kb_ids)
    (alone,) = link(linker, "Patients with diabetes and lung cancer .", 4, 6).ents
    assert alone.text == "lung cancer"


def test_pathogen_genus_becomes_human_species_in_human_texts():
    linker = blank_with_linker()
    doc = linker.make_doc("Patients had cytomegalovirus .")
    doc.ents = [Span(doc, 0, 1, label="SPECIES"), Span(doc, 2, 3, label="SPECIES")]
    patients, virus = linker(doc).ents
    assert patients._.kb_id == "NCBITaxon:9606"
    assert virus._.kb_id == "NCBITaxon:10359"
    assert virus._.kb_name == "Human betaherpesvirus 5"
    assert [a["curie"] for a in virus._.alternatives] == ["NCBITaxon:10358"]
    (alone,) = link(linker, "Cultures had cytomegalovirus .", 2, 3, label="SPECIES").ents
    assert alone._.kb_id == "NCBITaxon:10358"  # no human in the text: the genus


def test_coordinated_mention_links_its_first_concept_with_the_ids_of_all():
    linker = blank_with_linker(priors=False)
    doc = link(linker, "Carriers had breast or ovarian cancer .", 2, 6)
    ent = doc.ents[0]
    assert ent._.kb_id == "MONDO:0007254"  # breast cancer
    assert {"MONDO:0007254", "MONDO:0008170"} <= set(ent._.kb_ids)  # and ovarian cancer
    assert ent._.alternatives[0]["curie"] == "MONDO:0008170"
    assert [ids[0] for ids in ent._.conjuncts] == ["MONDO:0007254", "MONDO:0008170"]  # each concept, in text order
    assert "MESH:D010051" in ent._.conjuncts[1] and "MESH:D010051" not in ent._.conjuncts[0]


def test_a_mention_of_one_concept_has_no_conjuncts():
    (ent,) = link(blank_with_linker(priors=False), "Carriers had breast cancer .", 2, 4).ents
    assert ent._.conjuncts == []


def test_a_plural_coordination_names_each_concept_not_the_syndrome():
    linker = blank_with_linker()
    (plural,) = link(linker, "BRCA1 carriers with breast and ovarian cancers .", 3, 7).ents
    assert plural._.kb_id == "MONDO:0007254" and {"MESH:D001943", "MESH:D010051"} <= set(plural._.kb_ids)
    (singular,) = link(linker, "BRCA1 carriers with breast and ovarian cancer .", 3, 7).ents
    assert singular._.kb_id == "MONDO:0003582"  # hereditary breast and ovarian cancer syndrome, as named


def test_a_species_moved_to_another_genus_is_linked_by_its_earlier_name(nlp):
    doc = nlp("Roots were colonized by Glomus intraradices. G. intraradices spores germinated.")
    assert [(e.text, e._.kb_id, e._.kb_name) for e in doc.ents if e.label_ == "SPECIES"] == [
        ("Glomus intraradices", "NCBITaxon:4876", "Rhizophagus intraradices"),
        ("G. intraradices", "NCBITaxon:4876", "Rhizophagus intraradices"),
    ]


def test_an_abbreviated_binomial_is_the_species_the_document_spelled_out():
    """ "M. brunneum" after "Metarhizium brunneum", not another species of an M. genus."""
    nlp = blank_with_linker()
    doc = nlp.make_doc("Metarhizium brunneum kills beetles ; M. brunneum spores")
    doc.ents = [Span(doc, 0, 2, label="SPECIES"), Span(doc, 5, 7, label="SPECIES")]
    spelled, abbreviated = nlp(doc).ents
    assert spelled._.kb_id == abbreviated._.kb_id == "NCBITaxon:500148"
    assert abbreviated._.score == spelled._.score


@pytest.mark.parametrize(
    ("text", "curie"),
    [
        ("Mycoplasma pneumoniae", "NCBITaxon:2104"),  # renamed Mycoplasmoides since taxslim 2022; MeSH maps it
        ("Flavobacterium sinopsychrotolerans", "NCBITaxon:604089"),  # a MeSH supplementary organism, in the grounding tier
        ("Streptomyces coelicolor", "NCBITaxon:1902"),  # the species itself, not the strain MeSH maps the name to
    ],
)
def test_a_species_name_links_to_its_taxon(text, curie):
    nlp = blank_with_linker()
    assert link(nlp, text, 0, len(text.split()), label="SPECIES").ents[0]._.kb_id == curie


def test_a_disease_entity_named_as_a_virus_is_the_organism(nlp):
    """The NER's DISEASE "PHV" defined as "pepper huasteco geminivirus": the long form and every short form are SPECIES."""
    doc = nlp("The sequence of pepper huasteco geminivirus (PHV) was determined. The PHV genome has two circles.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("pepper huasteco geminivirus", "SPECIES"),
        ("PHV", "SPECIES"),
        ("PHV", "SPECIES"),
    ]


def test_a_virus_tagged_with_its_type_number_is_that_type():
    linker = blank_with_linker()
    doc = linker.make_doc("Types of human papillomavirus : HPV 63 and mice 2 .")
    doc.ents = [Span(doc, 2, 4, label="SPECIES"), Span(doc, 5, 7, label="SPECIES"), Span(doc, 8, 10, label="SPECIES")]
    found = [(e.text, e._.kb_id) for e in linker(doc).ents]
    assert ("HPV 63", "NCBITaxon:28311") in found
    assert ("mice", "NCBITaxon:10090") in found  # an organism that is no pathogen takes no number


def test_a_virus_with_its_type_number_is_that_type(nlp):
    doc = nlp("Two novel types of human papillomavirus, HPV 63 and HPV 65, and HIV 1; mice 2 weeks old.")
    found = [(e.text, e._.kb_id) for e in doc.ents if e.label_ == "SPECIES"]
    assert ("HPV 63", "NCBITaxon:28311") in found and ("HPV 65", "NCBITaxon:28312") in found
    assert ("mice", "NCBITaxon:10090") in found  # an organism that is no pathogen takes no number


def test_a_mesh_id_mesh_no_longer_has_joins_the_ids_of_the_named_concept(tmp_path):
    """Annotators gave sevoflurane its supplementary concept C009250, a MeSH heading since (D000077149)."""
    priors = tmp_path / "priors.tsv"
    LinkingPriors({("THERAPY", "sevoflurane"): Counter({"MESH:C009250": 3})}).write(priors)
    (ent,) = link(blank_with_linker(priors=str(priors)), "Rats inhaled sevoflurane .", 2, 3, label="THERAPY").ents
    assert ent._.kb_id == "MESH:D000077149" and ent._.kb_ids == ["MESH:D000077149", "MESH:C009250"]
    other = tmp_path / "other-priors.tsv"  # (priors are read once a path)
    LinkingPriors({("THERAPY", "sevoflurane"): Counter({"NCBITaxon:999999999": 3})}).write(other)  # not MeSH
    (ent,) = link(blank_with_linker(priors=str(other)), "Rats inhaled sevoflurane .", 2, 3, label="THERAPY").ents
    assert ent._.kb_ids == ["MESH:D000077149"]


@pytest.mark.parametrize(
    ("count", "config", "curie"),
    [(1, {}, "MESH:D000701"), (2, {}, "MESH:D018847"), (1, {"prior_min_count_unnamed": {"THERAPY": 1}}, "MESH:D018847")],
)
def test_a_therapy_prior_seen_once_does_not_override_the_texts_own_names(tmp_path, count, config, curie):
    """One annotation of "opioid" as Opioid Peptides is no reason to drop Analgesics, Opioid, a name of "opioid"."""
    priors = tmp_path / "priors.tsv"
    LinkingPriors({("THERAPY", "opioid"): Counter({"MESH:D018847": count})}).write(priors)
    linker = blank_with_linker(priors=str(priors), **config)
    (ent,) = link(linker, "An opioid was given .", 1, 2, label="THERAPY").ents
    assert ent._.kb_id == curie


def test_a_retired_mesh_id_seen_once_still_joins_the_named_concept(tmp_path):
    priors = tmp_path / "priors.tsv"
    LinkingPriors({("THERAPY", "sevoflurane"): Counter({"MESH:C009250": 1})}).write(priors)
    (ent,) = link(blank_with_linker(priors=str(priors)), "Rats inhaled sevoflurane .", 2, 3, label="THERAPY").ents
    assert ent._.kb_ids == ["MESH:D000077149", "MESH:C009250"]
