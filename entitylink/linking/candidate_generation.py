"""Fuzzy candidates for names the dictionary cannot match exactly.

The design is scispaCy's ``CandidateGenerator``: every normalized name of the
knowledge base becomes a TF-IDF vector of its character 3-grams, and a mention's
candidates are the names with the highest cosine similarity. scispaCy searches an
approximate nmslib index; with a few hundred thousand names an exact sparse
product is as fast (about a millisecond) and needs no separate index build.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from entitylink.normalize import normalize

if TYPE_CHECKING:  # scikit-learn (which imports pandas) is imported on the first fuzzy query
    from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = ["CharNgramCandidateGenerator", "FuzzyCandidate"]


@dataclass(frozen=True)
class FuzzyCandidate:
    """A normalized name of the knowledge base and its similarity to the query (0-1)."""

    key: str
    similarity: float


class CharNgramCandidateGenerator:
    """Nearest names by cosine similarity of character 3-gram TF-IDF vectors.

    The vectors are built on first use (a few seconds for MONDO, MeSH descriptors
    and the taxonomy) and kept for the life of the generator.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self._source = keys
        self._keys: list[str] = []
        self._vectorizer: TfidfVectorizer | None = None
        self._matrix_t = None
        self._lock = threading.Lock()

    def _build(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        with self._lock:
            if self._vectorizer is not None:
                return
            keys = sorted(set(self._source))
            vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), lowercase=False, dtype=np.float32)
            matrix = vectorizer.fit_transform(keys)
            self._keys, self._matrix_t, self._vectorizer = keys, matrix.T.tocsr(), vectorizer

    def __call__(self, text: str, k: int = 5, threshold: float = 0.0) -> list[FuzzyCandidate]:
        """The ``k`` names most similar to ``text`` with similarity at least ``threshold``, best first."""
        key = normalize(text)
        if not key:
            return []
        if self._vectorizer is None:
            self._build()
        assert self._vectorizer is not None
        scores = self._vectorizer.transform([key]) @ self._matrix_t
        if scores.nnz == 0:
            return []
        data, indices = scores.data, scores.indices
        top = np.argsort(-data, kind="stable")[:k] if len(data) <= k else np.argpartition(-data, k)[:k]
        ranked = sorted(((float(data[i]), self._keys[indices[i]]) for i in top), key=lambda pair: (-pair[0], pair[1]))
        return [FuzzyCandidate(name, round(score, 4)) for score, name in ranked if score >= threshold]
