"""Floret vectors built once a word: the same floats as spaCy's, from memory or anew."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.strings import StringStore
from spacy.vectors import Vectors

from entitylink.pipeline import cached_vectors
from entitylink.pipeline.cached_vectors import CachedVectors

FLORET = {"mode": "floret", "minn": 2, "maxn": 3, "hash_count": 2}
WORDS = ["anemia", "in", "cats", "anemia", "treated", "with", "prednisolone", "in", "cats"]


@pytest.fixture
def tables() -> tuple[Vectors, CachedVectors]:
    strings = StringStore(WORDS)
    data = np.random.default_rng(0).random((50, 6), dtype=np.float32)
    return Vectors(strings=strings, data=data, **FLORET), CachedVectors(strings=strings, data=data, **FLORET)


def test_the_vectors_are_spacys_whether_remembered_or_not(tables):
    plain, cached = tables
    hashes = np.array([plain.strings[word] for word in WORDS], dtype="uint64")
    expected = plain.get_batch(hashes)
    assert np.array_equal(cached.get_batch(hashes), expected)
    assert np.array_equal(cached.get_batch(hashes[::-1]), expected[::-1])  # every word from memory now
    assert np.array_equal(cached.get_batch(["cats", "dogs"]), plain.get_batch(["cats", "dogs"]))


def test_the_table_starts_afresh_when_full(tables, monkeypatch):
    plain, cached = tables
    monkeypatch.setattr(cached_vectors, "MAX_WORDS", 3)
    first, second = ["anemia", "in", "cats"], ["treated", "with"]
    cached.get_batch(first)
    assert np.array_equal(cached.get_batch(second), plain.get_batch(second))
    assert np.array_equal(cached.get_batch(WORDS), plain.get_batch(WORDS))  # more words than it keeps: built anew


def test_loading_a_table_forgets_the_vectors_built_from_the_last(tables, tmp_path):
    plain, cached = tables
    cached.get_batch(WORDS)
    other = Vectors(strings=plain.strings, data=np.ones((50, 6), dtype=np.float32), **FLORET)
    other.to_disk(tmp_path)
    cached.from_disk(tmp_path)
    assert np.array_equal(cached.get_batch(WORDS), other.get_batch(WORDS))
