"""Fuzzy candidates for names the dictionary cannot match exactly.

The design is scispaCy's ``CandidateGenerator``: every normalized name of the
knowledge base becomes a TF-IDF vector of its character 3-grams, and a mention's
candidates are the names with the highest cosine similarity. scispaCy searches an
approximate nmslib index; with a few hundred thousand names an exact search is as
fast and needs no separate index build: with a threshold, only the names sharing one
of the query's rarer 3-grams can reach it, and only those are scored (a fraction of a
millisecond).
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy.sparse import csr_matrix

from entitylink.normalize import normalize

if TYPE_CHECKING:  # scikit-learn (which imports pandas) is imported on the first fuzzy query
    from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = ["CharNgramCandidateGenerator", "FuzzyCandidate"]

#: Names this much below a threshold are still scored (similarities are compared as float32 sums).
_MARGIN = 1e-4


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
        self._analyzer: Callable[[str], list[str]] | None = None
        self._matrix: Any = None  # names x 3-grams (scipy CSR)
        self._matrix_t: Any = None  # 3-grams x names
        self._lock = threading.Lock()

    def _build(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        with self._lock:
            if self._vectorizer is not None:
                return
            keys = sorted(set(self._source))
            vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), lowercase=False, dtype=np.float32)
            matrix = vectorizer.fit_transform(keys).tocsr()
            self._keys, self._matrix, self._matrix_t = keys, matrix, matrix.T.tocsr()
            self._analyzer, self._vectorizer = vectorizer.build_analyzer(), vectorizer

    def __call__(self, text: str, k: int = 5, threshold: float = 0.0) -> list[FuzzyCandidate]:
        """The ``k`` names most similar to ``text`` with similarity at least ``threshold``, best first (equal
        similarities in name order)."""
        key = normalize(text)
        if not key:
            return []
        if self._vectorizer is None:
            self._build()
        grams, weights = self._query(key)
        if threshold > 0:
            data, indices = self._scores_above(grams, weights, threshold)
        else:
            scores = csr_matrix((weights, grams, [0, len(grams)]), shape=(1, self._matrix_t.shape[0])) @ self._matrix_t
            data, indices = scores.data, scores.indices
        if len(data) == 0:
            return []
        top = np.flatnonzero(data >= np.partition(data, len(data) - k)[len(data) - k]) if len(data) > k else range(len(data))
        ranked = sorted(((float(data[i]), self._keys[indices[i]]) for i in top), key=lambda pair: (-pair[0], pair[1]))[:k]
        return [FuzzyCandidate(name, round(score, 4)) for score, name in ranked if score >= threshold]

    def _query(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The 3-gram numbers (ascending) and weights of ``key``'s vector, equal to the vectorizer's
        ``transform`` (float32 TF-IDF, l2-normalized with a double sum in index order) without its
        per-call cost, which is most of a query's."""
        assert self._vectorizer is not None and self._analyzer is not None
        vocabulary = self._vectorizer.vocabulary_
        counts = Counter(vocabulary[gram] for gram in self._analyzer(key) if gram in vocabulary)
        grams = np.array(sorted(counts), dtype=np.int32)
        weights = np.array([counts[gram] for gram in grams.tolist()], dtype=np.float32) * self._vectorizer.idf_[grams]
        total = 0.0
        for square in (weights * weights).tolist():
            total += square
        if total:
            weights = (weights.astype(np.float64) / math.sqrt(total)).astype(np.float32)
        return grams, weights

    def _scores_above(self, grams: np.ndarray, weights: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """The similarities of the names that may reach ``threshold``, and their numbers.

        Vectors have unit length, so (Cauchy-Schwarz) a name's similarity is at most its score on the
        query's rarer 3-grams plus the norm of the query's commoner ones, chosen with a norm below the
        threshold: a name sharing none of the rarer ones cannot reach it, nor can one whose bound stays
        below it. Only the others are scored, exactly.
        """
        order = np.argsort(weights, kind="stable")
        cumulative = np.cumsum(weights[order].astype(np.float64) ** 2)
        common = int(np.searchsorted(cumulative, (threshold - _MARGIN) ** 2))  # the first ``common`` stay below
        common_norm = math.sqrt(cumulative[common - 1]) if common else 0.0
        rare = order[common:]
        partial = csr_matrix(weights[rare]) @ self._matrix_t[grams[rare]]
        names = partial.indices[partial.data + common_norm >= threshold - _MARGIN]
        if len(names) == 0:
            return np.empty(0, dtype=np.float32), names
        query = np.zeros(self._matrix_t.shape[0], dtype=np.float32)
        query[grams] = weights
        return self._matrix[names] @ query, names
