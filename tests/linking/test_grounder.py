"""Grounding (entitylink.grounder): candidate ranking, primary ids and their equivalents, species
rules, implied humans, derived infections, abbreviated binomials and the shared grounder."""

from __future__ import annotations

import pytest

from entitylink.linking.grounder import HUMAN, HUMAN_WORDS, Candidate, shared_grounder

DISEASE = frozenset({"DISEASE"})
SPECIES = frozenset({"SPECIES"})
THERAPY = frozenset({"THERAPY"})


@pytest.fixture(scope="module")
def grounder(nlp):
    return shared_grounder()


def test_label_before_exact_before_related(grounder):
    found = grounder.ground("Budd-Chiari syndrome", DISEASE)
    kinds = [c.kind for c in found]
    assert kinds[:3] == ["label", "exact", "related"]
    assert found[0].curie == "MONDO:0010947"
    assert found[0].score > found[1].score > found[2].score


def test_label_before_related(grounder):
    found = grounder.ground("cancer", DISEASE)
    assert found[0].curie == "MONDO:0004992"
    assert found[0].kind == "label"
    assert "MONDO:0005070" in [c.curie for c in found[1:]]  # "neoplasm", through a related synonym


def test_candidates_are_sorted_and_unique(grounder):
    for text in ("cancer", "mice", "HIV", "Budd-Chiari syndrome", "anemia"):
        found = grounder.ground(text)
        scores = [c.score for c in found]
        assert scores == sorted(scores, reverse=True)
        assert len({c.curie for c in found}) == len(found)
        assert all(isinstance(c, Candidate) for c in found)


def test_aml_is_the_disease_not_the_grouping(grounder):
    for text in ("AML", "acute myeloid leukemia", "acute myelogenous leukaemia"):
        found = grounder.ground(text, DISEASE)
        assert found[0].curie == "MONDO:0018874", text
    assert grounder.ground("AML", DISEASE)[0].curie != "MONDO:0015667"


def test_disease_ids_mondo_mesh_omim(grounder):
    (aml,) = grounder.ground("acute myeloid leukemia", DISEASE)[:1]
    assert aml.ids == ("MONDO:0018874", "MESH:D015470", "OMIM:601626")
    assert aml.label == "DISEASE"
    assert aml.name == "acute myeloid leukemia"


def test_a_disease_without_mesh_or_omim_id_carries_the_heading_of_its_nearest_ancestor(grounder, kb):
    (block,) = grounder.ground("complete heart block", DISEASE)[:1]
    assert block.curie == "MONDO:0000468" and not kb.xrefs("MONDO:0000468", "MESH")
    assert block.ids == ("MONDO:0000468", "MESH:D054537")  # Atrioventricular Block, the parent's heading
    (aml,) = grounder.ground("acute myeloid leukemia", DISEASE)[:1]
    assert aml.ids == ("MONDO:0018874", "MESH:D015470", "OMIM:601626")  # its own MeSH id: no broader one


def test_a_disease_whose_parents_lack_mesh_headings_carries_the_most_specific_heading_above_them(grounder, kb):
    (carcinoma,) = grounder.ground("ovarian carcinoma", DISEASE)[:1]
    assert carcinoma.curie == "MONDO:0005140"
    assert not any(kb.xrefs(parent, "MESH") for parent in kb["MONDO:0005140"].parents)
    # the deepest heading above it, not Carcinoma: its exact synonym "epithelial ovarian cancer" names it
    assert grounder.broader_mesh("MONDO:0005140") == ("MESH:D000077216",)  # Carcinoma, Ovarian Epithelial
    assert carcinoma.ids == ("MONDO:0005140", "MESH:D000077216")


def test_omim_only_through_exact_matches(grounder, kb):
    concept = kb["MONDO:0008998"]  # Cockayne syndrome type 3: OMIM only as a database cross-reference
    assert any(x.curie.startswith("OMIM:") and x.predicate != "skos:exactMatch" for x in concept.xrefs)
    found = grounder.ground(concept.label, DISEASE)[0]
    assert found.curie == "MONDO:0008998"
    assert not any(i.startswith("OMIM:") for i in found.ids)


def test_mesh_name_maps_to_mondo_when_they_share_a_name(grounder, kb):
    assert [m.ontology for m in kb.lookup("Infections, Cytomegalovirus")] == ["mesh"]
    found = grounder.ground("Infections, Cytomegalovirus", DISEASE)[0]
    assert found.curie == "MONDO:0005132"
    assert "MESH:D003586" in found.ids


@pytest.mark.parametrize(
    ("text", "named", "mapped"),
    [
        ("dystonia", "MESH:D004421", "MESH:D020821"),
        ("eczema", "MESH:D004485", "MESH:D003876"),
        ("coronary heart disease", "MESH:D003327", "MESH:D003324"),  # the text names MONDO's label too
        ("chronic kidney disease", "MESH:D051436", "MESH:D007676"),  # a narrower concept of MeSH's heading
    ],
)
def test_the_mesh_id_is_the_heading_the_text_names_before_the_one_mondo_maps_to(grounder, kb, text, named, mapped):
    found = grounder.ground(text, DISEASE)[0]
    assert kb.xrefs(found.curie, "MESH")[0] == mapped  # MONDO's first MeSH mapping is another heading
    assert [i for i in found.ids if i.startswith("MESH:")][0] == named


def test_mesh_name_keeps_mesh_id_when_the_mapping_names_something_else(grounder, kb):
    assert kb.xrefs("MESH:D012640", "MONDO") == ["MONDO:0001386"]  # Seizures -> "visual epilepsy"
    found = grounder.ground("seizures", DISEASE)[0]
    assert found.curie == "MESH:D012640"
    assert found.ids == ("MESH:D012640",)


def test_species_candidates_are_taxa(grounder):
    for text in (
        "cat",
        "Homo sapiens",
        "HIV",
        "Feline leukemia virus",
        "rats",
        "Escherichia coli",
    ):
        found = grounder.ground(text, SPECIES)
        assert found, text
        assert all(c.curie.startswith("NCBITaxon:") for c in found), text
        assert all(c.label == "SPECIES" for c in found)
    cat = grounder.ground("cat", SPECIES)[0]
    assert cat.curie == "NCBITaxon:9685"
    assert cat.ids == ("NCBITaxon:9685", "MESH:D002415")
    assert cat.common_name == "domestic cat"
    assert cat.rank == "species"


def test_mice_prefers_mus_musculus(grounder):
    found = grounder.ground("mice", SPECIES)
    assert found[0].curie == "NCBITaxon:10090"
    assert "NCBITaxon:10088" in [c.curie for c in found[1:]]


def test_mouse_prefers_mus_musculus(grounder):
    assert grounder.ground("mouse", SPECIES)[0].curie == "NCBITaxon:10090"


@pytest.mark.parametrize("word", ["patients", "women", "children", "infant", "volunteers"])
def test_implicit_human_words(grounder, word):
    found = grounder.ground(word)
    assert found[0].curie == HUMAN
    assert found[0].kind == "implicit"
    assert found[0].score < 1
    assert found[0].common_name == "human"


def test_implicit_human_only_for_species(grounder):
    assert "patient" in HUMAN_WORDS
    assert all(c.curie != HUMAN for c in grounder.ground("patients", DISEASE))
    assert grounder.has_name("patient")


def test_reactivation_derives_the_infection(grounder):
    found = grounder.ground("cytomegalovirus reactivation")
    assert found[0].curie == "MONDO:0005132"
    assert found[0].name == "cytomegalovirus infection"
    assert found[0].kind == "infection"
    assert found[0].score < 1
    assert "MESH:D003586" in found[0].ids


@pytest.mark.parametrize(
    ("text", "curie"),
    [
        ("levodopa-induced dyskinesias", "MONDO:0006732"),  # drug-induced dyskinesia, not Dyskinesias
        ("haloperidol-induced akathisia", "MONDO:0006731"),  # drug-induced akathisia
    ],
)
def test_a_disease_a_drug_induces_is_its_drug_induced_form(grounder, text, curie):
    assert grounder.ground(text, DISEASE)[0].curie == curie


@pytest.mark.parametrize(
    ("text", "disease"),
    [("type IID von Willebrand disease", "MONDO:0013304"), ("von Willebrand disease type 2D", "MONDO:0013304"),
     ("type IA glycogen storage disease", "MONDO:0009287")],
)  # fmt: skip
def test_a_disease_type_written_otherwise_or_a_subtype_links_to_its_type(grounder, text, disease):
    (found,) = grounder.ground(text, DISEASE)[:1]
    assert (found.curie, found.kind) == (disease, "type")


@pytest.mark.parametrize("adjective", ["cholinergic", "Muscarinic", "adrenergic"])
def test_a_receptor_adjective_alone_names_no_drug_class(grounder, adjective):
    assert not grounder.ground(adjective, THERAPY)
    assert grounder.ground(f"{adjective} agents", THERAPY)[0].subtype == "drug class"


@pytest.mark.parametrize(
    ("text", "drug"),
    [("heparin-induced thrombocytopenia", "heparin"), ("cocaine-induced psychosis", "cocaine"),
     ("drug-induced lupus", None), ("virus-induced asthma", None), ("thrombocytopenia", None)],
)  # fmt: skip
def test_the_drug_a_disease_is_named_with(grounder, text, drug):
    assert grounder.drug_cause(text) == drug


def test_a_disease_named_with_its_drug_carries_the_heading_of_the_disease_the_drug_caused(grounder, kb):
    """MONDO's heparin-induced thrombocytopenia has no MeSH id and only "thrombotic disease" above it;
    MeSH indexes it as Thrombocytopenia, not Thrombosis."""
    (hit,) = grounder.ground("heparin-induced thrombocytopenia", DISEASE)[:1]
    assert hit.curie == "MONDO:0018048" and not kb.xrefs("MONDO:0018048", "MESH")
    assert hit.ids == ("MONDO:0018048", "MESH:D013921")


def test_a_disease_something_else_induces_is_its_head(grounder):
    assert grounder.ground("virus-induced asthma", DISEASE)[0].curie == "MONDO:0004979"  # asthma


def test_a_salt_nothing_names_is_its_parent_drug(grounder):
    (salt,) = grounder.ground("bupropion HCl", THERAPY)[:1]
    assert (salt.curie, salt.kind) == ("MESH:D016642", "salt")
    assert salt.score < 1
    assert grounder.ground("bupropion HCl", DISEASE) == ()
    assert all(c.kind != "salt" for c in grounder.ground("deoxycorticosterone acetate", THERAPY))  # an ester


def test_a_pathogen_named_by_a_mesh_heading_without_taxon_derives_its_infection(grounder):
    # "adenovirus" is MeSH Adenoviridae, a family, which links no taxon: its disease is still the infection
    assert grounder.ground("adenovirus", SPECIES) == ()
    (found,) = grounder.ground("adenovirus disease", DISEASE)[:1]
    assert (found.curie, found.kind) == ("MONDO:0043479", "infection")


@pytest.mark.parametrize(
    ("text", "curie"),
    [("KF17837", "MESH:C081198"), ("Ro15-1788", "MESH:D005442"), ("MK801", "MESH:D016291"), ("E4031", "MESH:C063968")],
)
def test_a_compound_code_is_found_as_mesh_writes_it(grounder, text, curie):
    # MeSH writes "KF 17837", "Ro 15-1788" (flumazenil), "MK-801" (dizocilpine), "E 4031"
    (found,) = grounder.ground(text, THERAPY)[:1]
    assert found.curie == curie and found.matched == text


@pytest.mark.parametrize(
    ("text", "curie"),
    [("CaCl(2)", "MESH:D002122"), ("NaHCO3", "MESH:D017693"), ("CCl4", "MESH:D002251"), ("NH4Ac", "MESH:C018824")],
)
def test_a_formula_is_the_compound_it_is_the_formula_of(grounder, text, curie):
    (found,) = grounder.ground(text, THERAPY)[:1]
    assert found.curie == curie and found.matched == text
    assert grounder.ground(text, DISEASE) == ()


def test_a_code_that_names_nothing_otherwise_stays_unlinked(grounder):
    assert grounder.ground("CD4", THERAPY) == ()


def test_no_infection_for_species_only_labels(grounder):
    assert grounder.ground("cytomegalovirus reactivation", SPECIES) == ()


def test_host_species(grounder):
    genus = grounder.ground("cytomegalovirus", SPECIES)[0]
    assert genus.curie == "NCBITaxon:10358" and genus.rank == "genus"
    human = grounder.host_species(genus)
    assert human is not None
    assert human.curie == "NCBITaxon:10359"
    assert human.score == genus.score and human.kind == genus.kind
    species = grounder.ground("cat", SPECIES)[0]
    assert grounder.host_species(species) is None


@pytest.mark.parametrize(
    ("text", "curie"),
    [
        ("sheep", "NCBITaxon:9940"),  # MeSH Sheep maps to Ovis dalli, a name MeSH files under it: Ovis aries
        ("swine", "NCBITaxon:9823"),  # MeSH Swine maps to Phacochoerus (warthogs): Sus scrofa
        ("Lactobacillus pentosus", "NCBITaxon:1589"),  # renamed since: Lactiplantibacillus pentosus
        ("Escherichia coli O104", "NCBITaxon:1038927"),  # a name MeSH's taxon extends: O104:H4
    ],
)
def test_a_mesh_organism_is_the_taxon_it_maps_to_only_when_they_name_one_organism(grounder, text, curie):
    assert grounder.ground(text, SPECIES)[0].curie == curie


def test_a_genus_name_is_the_genus_not_its_subgenus_of_that_name(grounder):
    # NCBI labels the genus "Leishmania <genus>"; its subgenus Leishmania has the plain name
    assert grounder.ground("Leishmania", SPECIES)[0].curie == "NCBITaxon:5658"
    assert grounder.ground("Lutzomyia", SPECIES)[0].curie == "NCBITaxon:7199"


def test_abbreviated_species(grounder):
    albicans = grounder.abbreviated_species("C", "albicans", {"candida"})
    assert albicans is not None
    assert albicans.curie == "NCBITaxon:5476"
    assert albicans.kind == "abbreviated"
    assert grounder.abbreviated_species("E", "coli").curie == "NCBITaxon:562"
    assert grounder.abbreviated_species("Q", "nonexistentia") is None


def test_an_abbreviated_binomial_of_a_written_genus_is_renamed_before_another_genus_is_taken(grounder):
    # "L. umbratilis" after "Lutzomyia": the sand fly, now Nyssomyia umbratilis, not the fish Lythrurus umbratilis
    assert grounder.abbreviated_species("L", "umbratilis", {"lutzomyia"}).curie == "NCBITaxon:182988"
    assert grounder.abbreviated_species("L", "umbratilis").curie == "NCBITaxon:36791"  # no genus written: the only one
    # the written genus has no such species, renamed or not: the only one, as before
    assert grounder.abbreviated_species("L", "monocytogenes", {"lactobacillus"}).curie == "NCBITaxon:1639"
    assert grounder.abbreviated_species("E", "coli", {"enterococcus"}).curie == "NCBITaxon:562"


@pytest.mark.parametrize(
    ("text", "curie", "name"),
    [
        ("Glomus intraradices", "NCBITaxon:4876", "Rhizophagus intraradices"),  # moved to a sibling genus
        ("Sterkiella thompsoni", "NCBITaxon:1001742", "Parasterkiella thompsoni"),
        ("Chrysomela tremulae", "NCBITaxon:63687", "Chrysomela tremula"),  # another Latin ending
        ("Alnus fruticosa", "NCBITaxon:253214", "Alnus alnobetula subsp. fruticosa"),  # now a subspecies
        ("Lutzomyia intermedia", "NCBITaxon:182990", "Nyssomyia intermedia"),  # a genus NCBI labels "Lutzomyia <genus>"
    ],
)
def test_a_binomial_the_taxonomy_spells_otherwise_is_its_renamed_taxon(grounder, text, curie, name):
    found = grounder.ground(text, SPECIES)
    assert [(c.curie, c.name, c.kind) for c in found] == [(curie, name, "renamed")]
    assert found[0].rank in ("species", "subspecies")


@pytest.mark.parametrize("text", ["Bacillus strains", "Candida species", "Fusarium isolates", "Brevibacterium liquefaciens"])
def test_a_genus_and_a_word_no_taxon_ends_in_is_no_renamed_taxon(grounder, text):
    assert grounder.ground(text, SPECIES) == ()


def test_a_named_binomial_is_never_renamed(grounder):
    assert [(c.curie, c.kind) for c in grounder.ground("Escherichia coli", SPECIES)][:1] == [("NCBITaxon:562", "label")]


def test_fuzzy_candidates(grounder):
    found = grounder.fuzzy_candidates("diabetes melitus", DISEASE, 0.85)
    assert found[0].curie == "MONDO:0005015"
    assert all(c.kind == "fuzzy" and c.score < 1 for c in found)
    assert grounder.fuzzy_candidates("diabetes melitus", DISEASE, 0.99) == ()


@pytest.mark.parametrize("text", ["blood pressure", "bone marrow"])
def test_a_text_naming_a_concept_of_another_kind_has_no_fuzzy_match(grounder, text):
    assert grounder.kb.lookup(text)  # MeSH Blood Pressure, Bone Marrow: no disease
    assert grounder.fuzzy_candidates(text, DISEASE, 0.7) == ()  # not low blood pressure, bone marrow diseases


def test_a_fuzzy_match_is_never_the_disease_of_a_non_human_animal(grounder):
    (dog,) = grounder.ground("lymphoproliferative disease, dog", DISEASE)[:1]
    assert dog.curie == "MONDO:1012380" and grounder.is_animal_disease(dog.curie)  # named: it stays
    # "chronic active hepatitis" itself is now a MeSH name (of "Hepatitis, Chronic Active"): no fuzzy match
    for text in ("lymphoproliferative disease", "renal nephropathy", "chronic activ hepatitis"):
        found = grounder.fuzzy_candidates(text, DISEASE, 0.7)
        assert found and not any(grounder.is_animal_disease(c.curie) for c in found), text
    assert not grounder.is_animal_disease("MONDO:0005240")  # kidney disorder


def test_name_lengths(grounder):
    assert grounder.name_lengths["acute"] >= 3
    assert grounder.name_lengths["patient"] >= 1


def test_shared_grounder_is_shared(nlp, grounder):
    assert shared_grounder() is grounder
    assert shared_grounder({}) is grounder
    assert shared_grounder(None, None) is grounder
    assert nlp.get_pipe("entitylink_linker").grounder is grounder
    assert nlp.get_pipe("entitylink_dictionary").grounder is grounder


@pytest.mark.parametrize(("text", "names"), [
    ("breast and ovarian cancer", ["breast cancer", "ovarian cancer"]),
    ("breast/ovarian cancer", ["breast cancer", "ovarian cancer"]),
    ("Duchenne and Becker muscular dystrophy", ["Duchenne muscular dystrophy", "Becker muscular dystrophy"]),
    ("colon, rectal and ovarian cancer", ["malignant colon neoplasm", "rectal cancer", "ovarian cancer"]),
])  # fmt: skip
def test_coordinated_mentions_give_each_conjunct(grounder, text, names):
    assert [c.name for c in grounder.coordinated(text, frozenset({"DISEASE"}))] == names


@pytest.mark.parametrize("text", ["ovarian cancer", "ataxia and telangiectasia", "breast and zzqx cancer"])
def test_coordinated_needs_every_conjunct_and_a_shared_head(grounder, text):
    assert grounder.coordinated(text, frozenset({"DISEASE"})) == ()


@pytest.mark.parametrize(
    "text", ["severe refractory anemia", "refractory anemia", "nonregenerative anemia", "FeLV-associated anemia"]
)
def test_modifiers_link_to_the_head_disease(grounder, text):
    found = grounder.ground(text, DISEASE)
    assert found[0].curie == "MONDO:0002280"  # anemia
    assert found[0].kind == "head"


def test_refractory_anemia_keeps_the_myelodysplastic_syndrome_as_an_alternative(grounder):
    assert [c.curie for c in grounder.ground("refractory anemia", DISEASE)][:2] == ["MONDO:0002280", "MONDO:0005272"]


@pytest.mark.parametrize(
    ("text", "curie"),
    [
        ("chronic myeloid leukemia", "MONDO:0011996"),
        ("severe combined immunodeficiency", "MONDO:0015974"),
        ("chronic hepatitis", "MESH:D006521"),  # "Hepatitis, Chronic" names the head
    ],
)
def test_a_phrase_whose_concept_names_the_head_stays_whole(grounder, text, curie):
    assert grounder.ground(text, DISEASE)[0].curie == curie


@pytest.mark.parametrize(
    ("text", "curie"),
    [("hematologic abnormalities", "MONDO:0005570"), ("bone marrow erythroid hypoplasia", "MONDO:0003225"),
     ("mitochondrial injury", "MONDO:0044970"), ("renal impairment", "MONDO:0005240"),
     ("neurological dysfunctions", "MONDO:0005071"), ("renal problem", "MONDO:0005240")],  # either number
)  # fmt: skip
def test_vague_phrases_link_to_the_disease_class(grounder, text, curie):
    found = grounder.ground(text, DISEASE)
    assert found[0].curie == curie and found[0].kind == "broader"


@pytest.mark.parametrize(
    ("text", "mesh"), [("eye malformation", "MESH:D005124"), ("cardiovascular malformations", "MESH:D018376")]
)
def test_an_inborn_defect_links_to_the_abnormalities_of_its_organ(grounder, text, mesh):
    assert grounder.ground(text, DISEASE)[0].curie == mesh


@pytest.mark.parametrize(
    ("text", "curie"),
    [("prostatic adenocarcinoma", "MONDO:0005082"), ("cerebral damage", "MONDO:0005560"),
     ("cerebral lesions", "MONDO:0005560"), ("vein thrombosis", "MESH:D020246")],
)  # fmt: skip
def test_a_disease_written_with_the_other_form_of_its_organ_word_links(grounder, text, curie):
    (first, *_) = grounder.ground(text, DISEASE)
    assert (first.curie, first.kind) == (curie, "organ")


def test_an_organ_word_before_what_names_nothing_names_nothing(grounder):
    assert grounder.ground("renal frobnication", DISEASE) == ()  # (the kidney's, then renal again: no loop)


def test_a_name_with_an_organ_adjective_is_its_own_concept(grounder):
    assert [(c.curie, c.kind) for c in grounder.ground("gastric ulcer", DISEASE)[:1]] == [("MONDO:0001126", "label")]


@pytest.mark.parametrize(
    ("text", "curie"),
    [("autosomal dominant multisystem disorder", "MONDO:0003847"), ("X-linked multisystem disorder", "MONDO:0000425"),
     ("X-linked recessive neurological disorder", "MONDO:0100545"),
     ("autosomal dominant muscle disorder", "MONDO:0700223")],
)  # fmt: skip
def test_a_mode_of_inheritance_names_a_hereditary_disease(grounder, text, curie):
    (first, *_) = grounder.ground(text, DISEASE)
    assert (first.curie, first.kind) == (curie, "inherited")


def test_a_mode_of_inheritance_before_a_disease_is_left_to_other_rules(grounder):
    assert not any(c.kind == "inherited" for c in grounder.ground("autosomal recessive disorder galactosemia", DISEASE))


@pytest.mark.parametrize(
    ("text", "curie"),
    [("cirrhosis of the liver", "MONDO:0005155"), ("deficiency of c7", "MONDO:0012412"),
     ("phosphorylase deficiency in muscle", "MONDO:0009293"), ("injury to the brain", "MONDO:0043510")],
)  # fmt: skip
def test_a_disease_written_with_its_site_after_a_preposition_links(grounder, text, curie):
    (first, *_) = grounder.ground(text, DISEASE)
    assert (first.curie, first.kind) == (curie, "site first")


def test_a_generic_head_stands_for_another(grounder):
    assert grounder.ground("glomerular diseases", DISEASE)[0].curie == "MONDO:0019722"  # glomerular disorder


@pytest.mark.parametrize(
    ("curie", "pathogen"),
    [("NCBITaxon:11768", True), ("NCBITaxon:10359", True), ("NCBITaxon:562", True), ("NCBITaxon:5476", True),
     ("NCBITaxon:9685", False), ("NCBITaxon:9606", False)],
)  # fmt: skip
def test_pathogens_are_viruses_bacteria_and_fungi(grounder, curie, pathogen):
    assert grounder.is_pathogen(curie) is pathogen


@pytest.mark.parametrize("text", ["SIVmac", "SIVcpz", "SIVsm", "SIVmac239"])
def test_a_virus_lineage_is_its_virus(grounder, text):
    assert [(c.curie, c.kind) for c in grounder.ground(text, SPECIES)] == [("NCBITaxon:11723", "lineage")]


@pytest.mark.parametrize("text", ["CMVpp65", "SIVs", "ABCVxyz"])
def test_no_lineage_for_a_protein_a_plural_or_an_unknown_virus(grounder, text):
    assert grounder.ground(text, SPECIES) == ()


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("edematous", "MESH:D004487"),
        ("psychotic symptoms", "MESH:D011618"),
        ("syncopal attacks", "MESH:D013575"),
        ("thromboembolic disease", "MESH:D013923"),  # "disease" alone is too vague a head; with an adjective, not
    ],
)
def test_a_disease_adjective_links_as_its_noun(grounder, text, mesh):
    (first, *_) = grounder.ground(text, DISEASE)
    assert mesh in first.ids
    assert first.kind == "adjective"


def test_a_disease_adjective_before_a_word_that_says_more_is_not_its_noun(grounder):
    assert not any(c.kind == "adjective" for c in grounder.ground("edematous lungs", DISEASE))
    assert grounder.ground("edematous", SPECIES) == ()
