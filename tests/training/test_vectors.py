"""The NER's static vectors: their text (training documents and ontology texts) and floret's table."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy

from entitylink.errors import EntitylinkError
from entitylink.training.vectors import VECTOR_ATTR, ontology_texts, train_vectors, vector_texts

OBO = """format-version: 1.4
ontology: test

[Term]
id: TEST:1
name: Acute myeloid leukemia
def: "A leukemia of the myeloid line." []
synonym: "AML" EXACT []
"""


def test_ontology_texts_are_names_synonyms_and_definitions(tmp_path):
    (tmp_path / "test.obo").write_text(OBO, encoding="utf-8")
    assert sorted(ontology_texts([tmp_path / "test.obo"])) == ["A leukemia of the myeloid line.", "AML",
                                                                "Acute myeloid leukemia"]  # fmt: skip


def test_vector_texts_are_training_documents_then_ontology_texts_lower_cased(tmp_path):
    for split, pmid, text in [("train", "1", "Anemia in cats."), ("dev", "2", "Asthma in mice.")]:
        (tmp_path / "ncbi-disease").mkdir(exist_ok=True)
        (tmp_path / "ncbi-disease" / f"{split}.pubtator").write_text(f"{pmid}|t|{text}\n{pmid}|a|\n\n", encoding="utf-8")
    (tmp_path / "test.obo").write_text(OBO, encoding="utf-8")
    lines = list(vector_texts(tmp_path, [tmp_path / "test.obo"]))
    assert lines[0] == "anemia in cats ."  # the dev document never trains
    assert not any(re.search("asthma", line) for line in lines)
    assert "acute myeloid leukemia" in lines and "aml" in lines


def test_every_word_gets_a_vector_from_its_character_ngrams(tiny_vectors: Path):
    vectors = spacy.load(tiny_vectors).vocab.vectors
    assert vectors.mode == "floret" and vectors.shape == (1000, 8)
    assert spacy.attrs.IDS[VECTOR_ATTR] == vectors.attr
    unseen = vectors.get_batch(["anemias", "prednisolones"])  # never in the text
    assert np.all(np.linalg.norm(unseen, axis=1) > 0)


def test_training_without_floret_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "floret", None)  # as if it were not installed
    with pytest.raises(EntitylinkError, match=r"needs floret: pip install 'entitylink\[train\]'"):
        train_vectors(tmp_path / "text.txt", tmp_path / "vectors")
