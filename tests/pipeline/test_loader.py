"""The whole pipeline (entitylink.load): the seed abstracts' acceptance criteria, load() options,
batch and multiprocess annotation, the Markdown rendering and the spaCy entry points."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
import spacy

import entitylink

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "abstracts"
HUMAN = "NCBITaxon:9606"


def ents_with_text(doc, text, *, lower=False):
    if lower:
        return [ent for ent in doc.ents if ent.text.lower() == text.lower()]
    return [ent for ent in doc.ents if ent.text == text]


def entity_at(doc, start, end):
    """The entity covering exactly tokens start:end, or None."""
    return next((ent for ent in doc.ents if ent.start == start and ent.end == end), None)


def token_entities(doc, text):
    """For every token spelled ``text``: the entity that is exactly that token (None when there is none)."""
    found = [entity_at(doc, token.i, token.i + 1) for token in doc if token.text == text]
    assert found, f"the text has no token {text!r}"
    return found


def entity_tuples(doc):
    return [(ent.text, ent.label_, ent._.kb_id, tuple(ent._.kb_ids), ent._.score) for ent in doc.ents]


# -- PMC12171867: cord blood therapy for pure red cell aplasia --------------------------------------
@pytest.fixture(scope="module")
def prca(example_docs):
    return example_docs["PMC12171867"]


def test_prca_acute_myeloid_leukemia(prca):
    found = ents_with_text(prca, "acute myeloid leukemia")
    assert found
    for ent in found:
        assert ent.label_ == "DISEASE"
        assert ent._.kb_id == "MONDO:0018874"
        assert "MESH:D015470" in ent._.kb_ids


def test_prca_never_links_the_grouping_class(prca):
    assert all(ent._.kb_id != "MONDO:0015667" for ent in prca.ents)
    assert all("MONDO:0015667" not in ent._.kb_ids for ent in prca.ents)


def test_prca_pure_red_cell_aplasia(prca):
    found = ents_with_text(prca, "pure red cell aplasia", lower=True)
    assert len(found) == 2  # the title and the definition
    for ent in found:
        assert ent.label_ == "DISEASE"
        assert ent._.kb_id == "MONDO:0001705"
        assert "MESH:D012010" in ent._.kb_ids


@pytest.mark.parametrize(
    ("short", "long"),
    [("AML", "acute myeloid leukemia"), ("PRCA", "pure red cell aplasia")],
)
def test_prca_every_short_form_is_linked_like_its_long_form(prca, short, long):
    long_form = ents_with_text(prca, long, lower=True)[0]
    for ent in token_entities(prca, short):
        assert ent is not None, f"an occurrence of {short} is not an entity"
        assert ent.label_ == long_form.label_
        assert ent._.kb_id == long_form._.kb_id
        assert ent._.kb_ids == long_form._.kb_ids


def test_prca_patients_are_human(prca):
    for ent in token_entities(prca, "patients"):
        assert ent is not None and ent.label_ == "SPECIES"
        assert ent._.kb_id == HUMAN


def test_prca_therapies(prca):
    therapies = {ent._.kb_id for ent in prca.ents if ent.label_ == "THERAPY"}
    assert {"MESH:D005312", "MESH:D059630", "MESH:D018380"} <= therapies
    cord_blood = ents_with_text(prca, "Umbilical cord blood")
    assert cord_blood and cord_blood[0]._.kb_id == "MESH:D005312"
    assert all(ent._.subtype == "cell therapy" for ent in prca.ents if ent._.kb_id in {"MESH:D005312", "MESH:D059630"})


def test_prca_markdown(prca):
    markdown = entitylink.render_markdown(prca)
    assert "## Linked entities" in markdown
    assert "## Full-text entities" in markdown
    linked, _, full_text = markdown.partition("## Full-text entities")
    diseases = [line for line in linked.splitlines() if line.startswith("- **Diseases:**")]
    assert len(diseases) == 1
    assert "acute myeloid leukemia (MONDO:0018874)" in diseases[0]
    assert "(MONDO:0001705)" in diseases[0]
    assert "MONDO:0015667" not in markdown
    full_text_lines = full_text.splitlines()
    full_text_diseases = next(line for line in full_text_lines if line.startswith("- **Diseases:**"))
    assert "AML (MESH:D015470)" in full_text_diseases
    assert "PRCA (MESH:D012010)" in full_text_diseases
    assert "- **Species:** Homo sapiens (human, species) [taxon 9606]" in full_text_lines


# -- 41689919: mesenchymal stromal cells for a FeLV-infected cat --------------------------------------
@pytest.fixture(scope="module")
def felv(example_docs):
    return example_docs["41689919"]


def test_felv_cat(felv):
    for ent in token_entities(felv, "cat"):
        assert ent is not None and ent.label_ == "SPECIES"
        assert ent._.kb_id == "NCBITaxon:9685"


def test_felv_virus(felv):
    long_form = ents_with_text(felv, "Feline Leukemia Virus")
    assert len(long_form) == 1 and long_form[0]._.kb_id == "NCBITaxon:11768"
    for ent in token_entities(felv, "FeLV"):
        assert ent is not None and ent.label_ == "SPECIES"
        assert ent._.kb_id == "NCBITaxon:11768"


@pytest.mark.parametrize(
    ("name", "mondo", "mesh"),
    [
        ("anemia", "MONDO:0002280", "MESH:D000740"),
        ("neutropenia", "MONDO:0001475", "MESH:D009503"),
        ("thrombocytopenia", "MONDO:0002049", "MESH:D013921"),
    ],
)
def test_felv_cytopenias(felv, name, mondo, mesh):
    found = ents_with_text(felv, name)
    assert found
    for ent in found:
        assert ent.label_ == "DISEASE"
        assert ent._.kb_id == mondo
        assert mesh in ent._.kb_ids


def test_felv_corticosteroid(felv):
    found = ents_with_text(felv, "corticosteroid")
    assert len(found) == 1
    assert found[0].label_ == "THERAPY"
    assert found[0]._.kb_id == "MESH:D000305"
    assert found[0]._.subtype == "drug"


def test_felv_mesenchymal_stromal_cells(felv):
    found = ents_with_text(felv, "mesenchymal stromal cells")
    assert found
    for ent in found:
        assert ent.label_ == "THERAPY"
        # the cells, or their transplantation where the text gives them ("MSC infusion")
        assert ent._.kb_id in ("MESH:D059630", "MESH:D045164")
        assert "MESH:D059630" in (ent._.kb_id, *(a["curie"] for a in ent._.alternatives))
        assert ent._.subtype == "cell therapy"


# -- 19309241: MSC infusion after HSCT --------------------------------------------------------------
@pytest.fixture(scope="module")
def msc(example_docs):
    return example_docs["19309241"]


def test_msc_cytomegalovirus(msc):
    covering = [next((e for e in msc.ents if e.start <= t.i < e.end), None) for t in msc if t.text == "CMV"]
    assert None not in covering, "an occurrence of CMV is in no entity"
    assert sorted(ent.text for ent in covering) == ["CMV", "CMV disease"]
    found = ents_with_text(msc, "cytomegalovirus") + ents_with_text(msc, "CMV")
    assert len(found) == 2
    for ent in found:
        assert ent.label_ == "SPECIES"
        assert ent._.kb_id in {"NCBITaxon:10359", "NCBITaxon:10358"}


def test_msc_never_cucumber_mosaic_virus(msc):
    for ent in msc.ents:
        assert ent._.kb_id != "NCBITaxon:12305"
        assert "NCBITaxon:12305" not in ent._.kb_ids


def test_msc_cmv_disease(msc):
    found = ents_with_text(msc, "CMV disease")
    assert len(found) == 1
    assert found[0].label_ == "DISEASE"
    assert "MESH:D003586" in found[0]._.kb_ids


@pytest.mark.parametrize("short", ["MSC", "MSCs"])
def test_msc_short_forms_are_therapies(msc, short):
    for ent in token_entities(msc, short):
        assert ent is not None, f"an occurrence of {short} is not an entity"
        assert ent.label_ == "THERAPY"
        # the cells, or their transplantation where the text gives them ("MSC infusion")
        assert ent._.kb_id in ("MESH:D059630", "MESH:D045164")
        assert "MESH:D059630" in (ent._.kb_id, *(a["curie"] for a in ent._.alternatives))


def test_msc_hsct(msc):
    found = ents_with_text(msc, "hematopoietic stem cell transplantation") + ents_with_text(msc, "HSCT")
    assert {ent.text for ent in found} == {
        "hematopoietic stem cell transplantation",
        "HSCT",
    }
    for ent in found:
        assert ent.label_ == "THERAPY"
        assert ent._.kb_id == "MESH:D018380"


def test_msc_patients_are_human(msc):
    for ent in token_entities(msc, "patients"):
        assert ent is not None and ent.label_ == "SPECIES"
        assert ent._.kb_id == HUMAN


# -- load() -----------------------------------------------------------------------------------------
def test_load_pipe_names(nlp):
    assert nlp.pipe_names == ["sentencizer", "entitylink_abbreviations", "entitylink_ner", "entitylink_dictionary",
                              "entitylink_linker"]  # fmt: skip
    assert set(nlp.get_pipe("entitylink_ner").labels) == {"DISEASE", "SPECIES", "THERAPY", "GENE"}  # GENE: never output


def test_load_dictionary_alone_and_ner_alone(kb):
    assert entitylink.load(ner=False).pipe_names == ["sentencizer", "entitylink_abbreviations", "entitylink_dictionary",
                                                     "entitylink_linker"]  # fmt: skip
    ner_alone = entitylink.load(dictionary=False)
    assert ner_alone.pipe_names == ["sentencizer", "entitylink_abbreviations", "entitylink_ner", "entitylink_linker"]
    doc = ner_alone((EXAMPLES / "PMC12171867.txt").read_text(encoding="utf-8"))
    assert "MONDO:0018874" in {ent._.kb_id for ent in doc.ents}  # acute myeloid leukemia


def test_load_needs_a_recognizer_and_labels_need_the_dictionary():
    with pytest.raises(ValueError, match="at least one recognizer"):
        entitylink.load(ner=False, dictionary=False)
    with pytest.raises(ValueError, match="needs the dictionary recognizer"):
        entitylink.load(dictionary=False, labels=["DISEASE"])


def test_load_labels_restricts_labels():
    restricted = entitylink.load(labels=["DISEASE"])
    doc = restricted((EXAMPLES / "PMC12171867.txt").read_text(encoding="utf-8"))
    assert doc.ents
    assert {ent.label_ for ent in doc.ents} == {"DISEASE"}


def test_load_unknown_label_raises():
    with pytest.raises(ValueError, match="GENE"):
        entitylink.load(labels=["DISEASE", "GENE"])


def test_load_without_implicit_human(nlp):
    text = "Six patients with acute myeloid leukemia were treated."
    assert [ent.text for ent in nlp(text).ents if ent.label_ == "SPECIES"] == ["patients"]
    doc = entitylink.load(implicit_human=False)(text)
    assert [ent.text for ent in doc.ents] == ["acute myeloid leukemia"]


def test_load_pysbd_sentences(example_docs):
    pysbd = entitylink.load(sentences="pysbd")
    assert pysbd.pipe_names[0] == "pysbd_sentencizer"
    doc = pysbd((EXAMPLES / "PMC12171867.txt").read_text(encoding="utf-8"))
    assert len(list(doc.sents)) > 5
    linked = {(ent.text, ent._.kb_id) for ent in doc.ents}
    assert ("acute myeloid leukemia", "MONDO:0018874") in linked
    assert ("AML", "MONDO:0018874") in linked


def test_load_unknown_sentences_raises():
    with pytest.raises(ValueError, match="sentences"):
        entitylink.load(sentences="nltk")


def test_load_config_sets_component_options():
    custom = entitylink.load(config={"entitylink_linker": {"max_alternatives": 1, "drop_unlinked": True}})
    linker = custom.get_pipe("entitylink_linker")
    assert linker.max_alternatives == 1
    assert linker.drop_unlinked == {"DISEASE", "SPECIES", "THERAPY"}  # True: every label


def test_load_config_unknown_component_raises():
    with pytest.raises(ValueError, match="no_such_component"):
        entitylink.load(config={"no_such_component": {"x": 1}})


def test_pipe_matches_call(nlp, example_docs):
    names = sorted(example_docs)
    texts = [(EXAMPLES / f"{name}.txt").read_text(encoding="utf-8") for name in names]
    for name, doc in zip(names, nlp.pipe(texts)):
        assert entity_tuples(doc) == entity_tuples(example_docs[name])


def test_pipe_multiprocess_keeps_extension_values(nlp):
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    single = [entity_tuples(doc) for doc in nlp.pipe(texts, n_process=1)]
    double = [entity_tuples(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert all(any(kb_id is not None for _, _, kb_id, _, _ in doc) for doc in single)
    assert double == single


# -- outputs ------------------------------------------------------------------------------------------
def test_linked_entities_and_to_dict(prca):
    import json

    concepts = prca._.linked_entities
    assert set(concepts) >= {"DISEASE", "SPECIES", "THERAPY"}
    aml = next(c for c in concepts["DISEASE"] if c.curie == "MONDO:0018874")
    assert set(aml.mentions) == {"acute myeloid leukemia", "AML"}
    assert aml.id_in("MESH") == "MESH:D015470"
    record = json.loads(json.dumps(prca._.to_dict()))
    assert len(record["entities"]) == len(prca.ents)
    assert record["entities"][0]["kb_id"] == prca.ents[0]._.kb_id


# -- packaging ----------------------------------------------------------------------------------------
#: The names users and configs rely on, and where each entry point leads (a snapshot: moving a module
#: must keep the names; the targets are checked to load the very objects spaCy registers).
ENTRY_POINTS = {
    "spacy_factories": {
        "entitylink_abbreviations": "entitylink.pipeline.abbreviations:BoundedAbbreviationDetector",
        "entitylink_dictionary": "entitylink.pipeline.dictionary_recognizer:DictionaryRecognizer",
        "entitylink_linker": "entitylink.pipeline.linker:EntityLinker",
        "entitylink_ner": "entitylink.pipeline.trained_recognizer:TrainedRecognizer",
    },
    "spacy_tokenizers": {"entitylink.BiomedicalTokenizer.v1": "entitylink.pipeline.tokenizer:create_biomedical_tokenizer"},
    "spacy_vectors": {"entitylink.CachedVectors.v1": "entitylink.pipeline.cached_vectors:create_cached_vectors"},
}


@pytest.mark.parametrize("group", sorted(ENTRY_POINTS))
def test_installed_entry_points_are_the_snapshot(group):
    installed = {ep.name: ep.value for ep in importlib.metadata.entry_points(group=group) if ep.name.startswith("entitylink")}
    assert installed == ENTRY_POINTS[group]


def test_entry_points_load_the_registered_objects():
    for ep in importlib.metadata.entry_points(group="spacy_factories"):
        if ep.name.startswith("entitylink"):
            assert spacy.registry.factories.get(ep.name) is ep.load()
    for group, registry in (("spacy_tokenizers", spacy.registry.tokenizers), ("spacy_vectors", spacy.registry.vectors)):
        (entry,) = [ep for ep in importlib.metadata.entry_points(group=group) if ep.name.startswith("entitylink")]
        assert registry.get(entry.name) is entry.load()


def test_pyproject_declares_the_snapshot():
    """The installed metadata comes from pyproject.toml: a fresh install must get the entry points too."""
    tomllib = pytest.importorskip("tomllib")

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["entry-points"] == ENTRY_POINTS


def test_prca_hyphenated_short_forms_link_like_the_head_of_their_long_form(prca):
    """ "allogeneic hematopoietic stem cell transplantation (allo-HSCT)": the dictionary names only the head."""
    # every UC-MSCs of the abstract is given ("treated with UCB combined with UC-MSCs"): MSC transplantation
    for short, curie in (("allo-HSCT", "MESH:D018380"), ("UC-MSCs", "MESH:D045164")):
        ents = [ent for ent in prca.ents if ent.text == short]
        assert ents, short
        assert {ent._.kb_id for ent in ents} == {curie}
        assert all(ent.label_ == "THERAPY" for ent in ents)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"ontologies": "mondo.obo"}, TypeError, r"load\(ontologies\): expected a mapping"),
        ({"labels": "DISEASE"}, TypeError, r"load\(labels='DISEASE'\): expected a list"),
        ({"fuzzy_threshold": 85}, ValueError, r"load\(fuzzy_threshold=85\)"),
        ({"config": {"entitylink_linker": 3}}, TypeError, r"load\(config\)"),
    ],
)
def test_load_names_the_argument_it_cannot_use(kwargs, error, message):
    with pytest.raises(error, match=message):
        entitylink.load(**kwargs)
