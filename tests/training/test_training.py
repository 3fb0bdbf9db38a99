"""Training the NER: corpus splits, training Docs with unknown tokens, and a few-step training run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.tokens import DocBin
from spacy.util import load_config

import entitylink
from entitylink.errors import ModelError
from entitylink.io.readers import Annotation, Document
from entitylink.linking.priors import LinkingPriors
from entitylink.resources import NER_MODEL, resource_path
from entitylink.training import CONFIG
from entitylink.training.corpora import Split, annotated, dev_documents, dev_splits, train_documents
from entitylink.training.examples import (
    ConversionStats,
    training_docs,
)
from entitylink.training.linking_priors import write_linking_resources
from entitylink.training.trainer import parse_setting, prepare_corpora, resumed_config, train_ner

#: pmid -> title, abstract, the disease (every case of it is annotated) and its MeSH id
TEXTS = {
    "1": ("Anemia in cats.", "Cats with anemia were treated with prednisolone.", "anemia", "D000740"),
    "2": ("Asthma in mice.", "Mice with asthma received dexamethasone.", "asthma", "D001249"),
    "3": ("Leukemia in dogs.", "Dogs with leukemia were treated.", "leukemia", "D007938"),
}


def record(pmid: str, species: bool = False) -> str:
    """A PubTator record with the disease mentions, and with the title's species if ``species``."""
    title, abstract, disease, mesh = TEXTS[pmid]
    lines = [f"{pmid}|t|{title}", f"{pmid}|a|{abstract}"]
    text = f"{title} {abstract}"
    for match in re.finditer(disease, text, re.IGNORECASE):
        lines.append(f"{pmid}\t{match.start()}\t{match.end()}\t{match[0]}\tDisease\t{mesh}")
    if species:
        animal = title.split()[-1].rstrip(".")
        start = text.index(animal)
        lines.append(f"{pmid}\t{start}\t{start + len(animal)}\t{animal}\tSpecies\t-")
    return "\n".join(lines) + "\n\n"


@pytest.fixture
def corpora(tmp_path: Path) -> Path:
    """NCBI-disease (train 1, 2; dev 3), S1000 (train 1; dev 2), S800 (train 1, 2: 2 is in S1000's dev)
    and tmVar3 (train 1, 3: 3 is in NCBI-disease's dev)."""
    for corpus, split, pmids, species in [("ncbi-disease", "train", "12", False), ("ncbi-disease", "dev", "3", False),
                                          ("s1000", "train", "1", True), ("s1000", "dev", "2", True),
                                          ("s800", "train", "12", True), ("tmvar3", "train", "13", True)]:  # fmt: skip
        (tmp_path / corpus).mkdir(exist_ok=True)
        (tmp_path / corpus / f"{split}.pubtator").write_text("".join(record(p, species) for p in pmids), encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def dictionary_nlp(kb):
    return entitylink.load(ner=False)


def test_dev_splits_include_the_held_out_documents_of_corpora_without_one(corpora):
    splits = {str(s): s for s in dev_splits(corpora)}
    assert sorted(splits) == ["ncbi-disease/dev", "s1000/dev", "s800/dev"]
    assert [d.id for d in splits["s800/dev"].documents()] == ["2"]  # the S800 document S1000's dev split has
    assert splits["s800/dev"].labels == {"SPECIES"}


def test_no_dev_document_trains_and_each_document_trains_once(corpora):
    trained = [(document.id, sorted(labels), [a.type for a in document.annotations])
               for labels, document in train_documents(corpora)]  # fmt: skip
    # document 2 is in S1000's dev split, 3 in NCBI-disease's; document 1 trains once, with NCBI's diseases and S1000's species
    assert trained == [("1", ["DISEASE", "SPECIES"], ["Disease", "Disease", "Species"])]


def test_a_dev_document_under_another_id_does_not_train(corpora):
    """A gene corpus holding the abstract of a dev document (NCBI-disease's 3) under another id, with another title case."""
    text = re.sub(r"^3(?=[|\t])", "99", record("3"), flags=re.MULTILINE).replace("Leukemia in dogs", "LEUKEMIA IN DOGS")
    (corpora / "gnormplus").mkdir()
    (corpora / "gnormplus" / "train.pubtator").write_text(text, encoding="utf-8")
    assert [document.id for _, document in train_documents(corpora)] == ["1"]


def test_training_docs_leave_unannotated_labels_unknown(corpora, dictionary_nlp):
    stats = ConversionStats()
    document = annotated(next(d for _, d in train_documents(corpora)), frozenset({"DISEASE"}))
    doc = next(training_docs(dictionary_nlp, [(frozenset({"DISEASE"}), document)], stats))
    assert [(e.text, e.label_) for e in doc.ents] == [("Anemia", "DISEASE"), ("anemia", "DISEASE")]
    iob = {t.text: t.ent_iob_ for t in doc}
    assert iob["cats"] == "" and iob["Cats"] == ""  # species: NCBI-disease does not annotate them
    assert iob["treated"] == "O"
    assert stats.documents == 1 and stats.entities == 2 and stats.unknown >= 2


def test_a_corpus_annotating_cancers_only_leaves_other_diseases_unknown(tmp_path, dictionary_nlp):
    """BioNLP-ST 2013 CG annotates cancers (as Disease), chemicals and organisms: its anemia is not "no entity"."""
    title, abstract = "Anemia in dogs with leukemia.", "Dogs with leukemia and anemia were treated with prednisolone."
    mentions = [(m.start(), m.end(), m[0], "Disease" if m[0] == "leukemia" else "Species")
                for m in re.finditer(r"leukemia|[Dd]ogs", f"{title} {abstract}")]  # fmt: skip
    lines = [f"7|t|{title}", f"7|a|{abstract}", *(f"7\t{s}\t{e}\t{m}\t{t}\t-" for s, e, m, t in mentions)]
    (tmp_path / "bionlp-st-2013-cg").mkdir()
    (tmp_path / "bionlp-st-2013-cg" / "train.pubtator").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    [(labels, document)] = train_documents(tmp_path)
    assert labels == {"THERAPY", "SPECIES"}  # complete for chemicals and organisms, not for diseases
    doc = next(training_docs(dictionary_nlp, [(labels, document)]))
    assert [(e.text, e.label_) for e in doc.ents] == [("dogs", "SPECIES"), ("leukemia", "DISEASE"),
                                                      ("Dogs", "SPECIES"), ("leukemia", "DISEASE")]  # fmt: skip
    assert [t.ent_iob_ for t in doc if t.lower_ == "anemia"] == ["", ""]  # a disease, not a cancer: unknown
    iob = {t.text: t.ent_iob_ for t in doc}
    assert iob["treated"] == "O" and iob["prednisolone"] == "O"  # CG annotates chemicals: an unannotated one is not one


def test_gene_symbols_are_unknown_unless_the_corpus_annotates_genes(dictionary_nlp):
    symbols = frozenset({"ATRX", "RAD54"})
    text = "ATRX mutations in cats with anemia."
    document = Document("9", text, "test")
    document.annotations.append(Annotation(0, 4, "ATRX", "Gene", "546"))
    as_gene_corpus = next(training_docs(dictionary_nlp, [(frozenset({"GENE"}), document)], gene_symbols=symbols))
    assert [(e.text, e.label_) for e in as_gene_corpus.ents] == [("ATRX", "GENE")]
    document.annotations.clear()
    stats = ConversionStats()
    as_disease_corpus = next(training_docs(dictionary_nlp, [(frozenset({"DISEASE"}), document)], stats, gene_symbols=symbols))
    assert as_disease_corpus[0].ent_iob_ == "" and as_disease_corpus[1].ent_iob_ == "O"
    assert stats.gene_like == 1


def test_dev_documents_keep_only_the_labels_their_corpus_annotates(corpora):
    split = Split("s1000", "dev", corpora / "s1000" / "dev.pubtator")
    [(labels, document)] = list(split.training_documents())
    assert labels == {"SPECIES"} and [a.type for a in document.annotations] == ["Species"]


def test_dev_documents_are_every_dev_split_s_with_its_labels(corpora):
    found = [(document.id, sorted(labels)) for labels, document in dev_documents(corpora)]
    assert found == [("3", ["DISEASE"]), ("2", ["SPECIES"]), ("2", ["SPECIES"])]  # NCBI-disease, S1000, S800


def test_the_final_linking_resources_learn_from_train_and_dev(corpora, tmp_path):
    priors, names = tmp_path / "priors.tsv", tmp_path / "names.tsv"
    write_linking_resources(train_documents(corpora), priors, names, "the train splits")
    assert LinkingPriors.read(priors).best("DISEASE", "leukemia") is None  # only the dev document names it
    assert priors.read_text(encoding="utf-8").startswith("# Linking priors learned from the train splits")
    write_linking_resources(train_documents(corpora) + dev_documents(corpora), priors, names, "the train and dev splits")
    assert LinkingPriors.read(priors).best("DISEASE", "leukemia") == "MESH:D007938"
    assert names.read_text(encoding="utf-8").startswith("# Names learned from the train and dev splits")


def test_misaligned_gold_mentions_are_unknown(corpora, dictionary_nlp):
    labels, document = next(iter(train_documents(corpora)))
    document.annotations[0] = type(document.annotations[0])(0, 4, "Anem", "Disease", "D000740")
    stats = ConversionStats()
    doc = next(training_docs(dictionary_nlp, [(labels, document)], stats))
    assert stats.misaligned == 1
    assert doc[0].ent_iob_ == ""


def test_a_few_training_steps_give_a_loadable_model(corpora, dictionary_nlp, tiny_vectors, tmp_path):
    workdir = tmp_path / "work"
    stats = prepare_corpora(dictionary_nlp, corpora, workdir)
    assert stats["train"].documents == 1 and stats["dev"].documents == 3
    model = train_ner(workdir, tmp_path / "model", tiny_vectors, {"training.max_steps": 4, "training.eval_frequency": 2})
    assert (model / "config.cfg").read_text(encoding="utf-8").count("entitylink.BiomedicalTokenizer.v1") == 1
    nlp = entitylink.load(ner=model)
    assert nlp.pipe_names[:3] == ["sentencizer", "entitylink_abbreviations", "entitylink_ner"]
    assert nlp.get_pipe("entitylink_ner").model.vocab.vectors.shape == (1000, 8)  # the static vectors ship with it
    doc = nlp("Anemia in cats treated with prednisolone.")
    assert all(ent.label_ in entitylink.labels.LABELS for ent in doc.ents)
    resumed = train_ner(workdir, tmp_path / "resumed", tiny_vectors, {"training.max_steps": 2}, resumed_config(model, workdir))
    assert entitylink.load(ner=resumed).get_pipe("entitylink_ner").labels == nlp.get_pipe("entitylink_ner").labels


def test_the_final_model_trains_on_train_and_dev(corpora, dictionary_nlp, tiny_vectors, tmp_path):
    workdir = tmp_path / "work"
    prepare_corpora(dictionary_nlp, corpora, workdir)
    settings = {"training.max_steps": 2, "training.eval_frequency": 1}
    model = train_ner(workdir, tmp_path / "model", tiny_vectors, settings, with_dev=True)
    merged = DocBin().from_disk(workdir / "train-dev.spacy")
    assert len(merged) == 4  # the train document and the three dev ones
    config = load_config(model / "config.cfg")
    assert config["paths"]["train"].endswith("train-dev.spacy") and config["training"]["patience"] == 0
    assert entitylink.load(ner=model).get_pipe("entitylink_ner").labels


@pytest.mark.parametrize(
    ("text", "setting"),
    [("system.seed=1", ("system.seed", 1)), ("training.dropout=0.2", ("training.dropout", 0.2)),
     ("components.tok2vec.model.embed.rows=[20000, 10000]", ("components.tok2vec.model.embed.rows", [20000, 10000])),
     ("paths.vectors=/tmp/vectors", ("paths.vectors", "/tmp/vectors"))],
)  # fmt: skip
def test_a_setting_is_a_dotted_key_and_a_json_value(text, setting):
    assert parse_setting(text) == setting


@pytest.mark.parametrize("text", ["seed=1", "system.seed", "=1", "system seed.x=1"])
def test_a_setting_without_a_dotted_key_and_a_value_is_named(text):
    with pytest.raises(ValueError, match=re.escape(repr(text))):
        parse_setting(text)


def test_training_without_static_vectors_names_the_folder(tmp_path):
    with pytest.raises(ModelError, match="nowhere: no static vectors"):
        train_ner(tmp_path, tmp_path / "model", tmp_path / "nowhere")


def test_a_resumed_config_sources_every_trained_component(tmp_path):
    checkpoint = resource_path(NER_MODEL)
    config = load_config(resumed_config(checkpoint, tmp_path / "work"))
    assert config["components"] == {name: {"source": str(checkpoint.resolve())} for name in ("tok2vec", "ner")}
    assert config["system"]["seed"] == 0


def test_resuming_from_a_folder_that_is_no_model_names_it(tmp_path):
    with pytest.raises(ModelError, match="no config.cfg"):
        resumed_config(tmp_path / "nowhere", tmp_path)


def test_the_config_is_the_one_the_script_trains_with():
    text = CONFIG.read_text(encoding="utf-8")
    assert "seed = 0" in text and '@tokenizers = "entitylink.BiomedicalTokenizer.v1"' in text


def test_a_missing_or_broken_model_is_named(tmp_path, kb):
    with pytest.raises(ModelError, match="no config.cfg"):
        entitylink.load(ner=tmp_path / "nowhere")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.cfg").write_text('[nlp]\nlang = "xx-unknown"\n', encoding="utf-8")
    with pytest.raises(ModelError, match="broken"):
        entitylink.load(ner=tmp_path / "broken")
