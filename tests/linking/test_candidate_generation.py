"""Fuzzy candidates (entitylink.candidate_generation): character 3-gram TF-IDF nearest names."""

from __future__ import annotations

import numpy as np
import pytest

from entitylink.linking.candidate_generation import (
    CharNgramCandidateGenerator,
    FuzzyCandidate,
    _row_dots,
    _sharing,
)
from entitylink.normalize import normalize

NAMES = ["acute myeloid leukemia", "chronic myeloid leukemia", "acute lymphoblastic leukemia", "myeloid leukemia",
         "pure red cell aplasia", "aplastic anemia", "anemia", "diabetes mellitus", "neutropenia", "thrombocytopenia"]  # fmt: skip


@pytest.fixture(scope="module")
def generator():
    return CharNgramCandidateGenerator(normalize(name) for name in NAMES)


def test_nearest_name_first(generator):
    found = generator("acute myeloid leukemai")
    assert found[0].key == "acute myeloid leukemia"
    assert all(isinstance(c, FuzzyCandidate) for c in found)
    similarities = [c.similarity for c in found]
    assert similarities == sorted(similarities, reverse=True)
    assert 0 < similarities[0] < 1


def test_exact_name_has_similarity_one(generator):
    found = generator("Diabetes Mellitus")
    assert found[0] == FuzzyCandidate("diabetes mellitus", 1.0)


def test_normalizes_the_query(generator):
    assert generator("Acute Myeloid Leukaemia")[0] == FuzzyCandidate("acute myeloid leukemia", 1.0)


def test_threshold_filters(generator):
    everything = generator("acute myeloid leukemai", k=10)
    strict = generator("acute myeloid leukemai", k=10, threshold=0.7)
    assert len(strict) < len(everything)
    assert strict == [c for c in everything if c.similarity >= 0.7]
    assert generator("acute myeloid leukemai", threshold=1.0) == []


def test_a_threshold_above_one_finds_nothing(generator):
    assert generator("anemia", threshold=1.5) == []


@pytest.mark.parametrize("k", [1, 2, 3])
def test_k_limit(generator, k):
    found = generator("myeloid leukemia", k=k)
    assert len(found) == k
    assert found == generator("myeloid leukemia", k=10)[:k]


def test_k_above_the_number_of_names(generator):
    found = generator("leukemia anemia", k=100)
    assert len(found) <= len(NAMES)
    assert len({c.key for c in found}) == len(found)


@pytest.mark.parametrize("threshold", [0.0, 0.85])
@pytest.mark.parametrize("text", ["", "   ", "()-/", "qqqq"])
def test_empty_or_unknown_input(generator, text, threshold):
    assert generator(text, threshold=threshold) == []


def test_duplicate_keys_are_collapsed():
    generator = CharNgramCandidateGenerator(["anemia", "anemia", "neutropenia"])
    keys = [c.key for c in generator("anemia", k=5)]
    assert keys[0] == "anemia"
    assert keys.count("anemia") == 1


def test_built_once_from_an_iterator():
    generator = CharNgramCandidateGenerator(iter(["anemia", "neutropenia"]))
    assert generator("anemia")[0].key == "anemia"
    assert generator("neutropenia")[0].key == "neutropenia"


def brute_force(generator, text, k, threshold):
    """Every name scored with scikit-learn's own transform, sorted by similarity then name."""
    query = generator._vectorizer.transform([normalize(text)])
    scores = (generator._matrix @ query.T).toarray().ravel()
    ranked = sorted((-float(score), name) for score, name in zip(scores, generator._keys) if score > 0)
    return [FuzzyCandidate(name, round(-score, 4)) for score, name in ranked[:k] if -score >= threshold]


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.6, 0.85])
@pytest.mark.parametrize("text", ["acute myeloid leukemai", "myeloid leukemia", "anemia", "red cell aplasia", "leukaemia"])
def test_the_pruned_search_finds_what_scoring_every_name_finds(generator, text, threshold):
    assert generator(text, k=3, threshold=threshold) == brute_force(generator, text, 3, threshold)


def test_equal_similarities_come_in_name_order_also_at_the_last_place():
    generator = CharNgramCandidateGenerator(["stage end renal", "renal end stage", "end stage renal", "renal"])
    found = generator("end stage renal", k=2)
    assert found == [FuzzyCandidate("end stage renal", 1.0), FuzzyCandidate("renal end stage", 1.0)]


def test_the_sums_over_shared_grams_and_rows_equal_the_sparse_products(generator):
    generator("anemia")  # builds the vectors
    matrix, by_gram = generator._matrix, generator._matrix_t
    grams = np.array([1, 5, 9, 20])
    weights = np.array([0.5, 0.25, 0.125, 1.0], dtype=np.float32)
    names, dots, squares = _sharing(by_gram, grams, weights)
    sparse = by_gram[grams].T.tocsr()  # names x the four grams
    assert names.tolist() == np.flatnonzero(sparse.getnnz(axis=1)).tolist()
    assert np.allclose(dots, (sparse @ weights)[names]) and np.allclose(squares, sparse.multiply(sparse).sum(axis=1).A1[names])
    vector = np.linspace(0, 1, matrix.shape[1])
    rows = np.array([3, 0, 7])
    assert np.allclose(_row_dots(matrix, rows, vector), (matrix @ vector)[rows])
    assert _row_dots(matrix, rows[:0], vector).tolist() == []
