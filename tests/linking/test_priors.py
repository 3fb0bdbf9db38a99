"""Linking priors learned from gold corpora, and their use by the linker."""

from __future__ import annotations

from pathlib import Path

import pytest

import entitylink
from entitylink.io.readers import Annotation, Document, read_pubtator
from entitylink.linking.priors import LinkingPriors
from entitylink.resources import LINKING_PRIORS, resource_path
from entitylink.training.linking_priors import learn_linking_priors

FIXTURES = Path(__file__).parents[1] / "fixtures"


def document(*mentions: tuple[str, str, str]) -> Document:
    annotations = [Annotation(0, len(text), text, kind, ids) for text, kind, ids in mentions]
    return Document("1", "", annotations=annotations)


def test_learn_counts_identifiers_per_label_and_normalized_text():
    priors = learn_linking_priors(read_pubtator(FIXTURES / "eval_tiny.pubtator"))
    assert priors.counts["DISEASE", "anemia"] == {"MESH:D000740": 2}
    assert priors.counts["SPECIES", "cat"] == {"NCBITaxon:9685": 2}
    assert priors.counts["THERAPY", "prednisolone"] == {"MESH:D011239": 2}


def test_composite_and_missing_identifiers_teach_nothing():
    priors = learn_linking_priors([document(("breast and ovarian cancer", "Disease", "D001943|D010051"),
                                           ("odd thing", "Disease", "-1"), ("gene", "Gene", "672"))])  # fmt: skip
    assert len(priors) == 0


def test_best_needs_enough_and_clear_evidence():
    priors = learn_linking_priors([document(*[("tumors", "Disease", "D009369")] * 3, ("tumor", "Disease", "D002277"),
                                           ("rare", "Disease", "D000001"))])  # fmt: skip
    assert priors.best("DISEASE", "Tumours") == "MESH:D009369"
    assert priors.best("DISEASE", "tumor", min_share=0.8) is None
    assert priors.best("DISEASE", "rare") == "MESH:D000001"
    assert priors.best("DISEASE", "rare", min_count=2) is None
    assert priors.best("SPECIES", "tumor") is None


def test_count_is_how_often_a_text_was_given_an_identifier():
    priors = learn_linking_priors([document(*[("tumors", "Disease", "D009369")] * 3, ("tumor", "Disease", "D002277"))])
    assert priors.count("DISEASE", "Tumours", "MESH:D009369") == 3
    assert priors.count("DISEASE", "tumors", "MESH:D000001") == 0
    assert priors.count("THERAPY", "tumors", "MESH:D009369") == 0


def test_write_then_read_round_trips(tmp_path):
    priors = learn_linking_priors(read_pubtator(FIXTURES / "eval_tiny.pubtator"))
    path = tmp_path / "priors.tsv"
    priors.write(path, "a comment\non two lines")
    assert path.read_text(encoding="utf-8").startswith("# a comment\n# on two lines\n")
    assert LinkingPriors.read(path).counts == priors.counts


def test_bundled_priors_come_from_the_train_and_dev_splits():
    priors = LinkingPriors.read()
    assert (
        resource_path(LINKING_PRIORS)
        .read_text(encoding="utf-8")
        .startswith("# Linking priors learned from the train and dev splits")
    )
    assert len(priors) > 1000
    assert priors.best("DISEASE", "tumor") == "MESH:D009369"
    assert priors.best("SPECIES", "patients") == "NCBITaxon:9606"


@pytest.fixture(scope="module")
def linked_with(tmp_path_factory, kb):
    def run(text: str, priors_text: str | None) -> list[tuple[str, str | None]]:
        path = None
        if priors_text is not None:
            path = tmp_path_factory.mktemp("priors") / "priors.tsv"
            path.write_text(priors_text, encoding="utf-8")
        settings = {"priors": False if path is None else str(path), "prior_min_count": 2}
        nlp = entitylink.load(ner=False, config={"entitylink_linker": settings})
        return [(ent.text, tuple(ent._.kb_ids)) for ent in nlp(text).ents]

    return run


def test_a_prior_puts_its_concept_first(linked_with):
    text = "The tumor grew."
    assert "MESH:D009369" in dict(linked_with(text, None))["tumor"]  # Neoplasms
    # annotators who call every tumor a carcinoma: the MeSH heading, as its MONDO equivalent
    assert "MESH:D002277" in dict(linked_with(text, "DISEASE\ttumor\tMESH:D002277\t5\n"))["tumor"]


def test_a_prior_seen_less_than_prior_min_count_or_of_another_label_is_ignored(linked_with):
    text = "The tumor grew."
    without = dict(linked_with(text, None))
    assert dict(linked_with(text, "DISEASE\ttumor\tMESH:D002277\t1\n")) == without
    assert dict(linked_with(text, "SPECIES\ttumor\tNCBITaxon:9606\t9\n")) == without
