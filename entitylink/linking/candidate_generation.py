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

#: Names this much below a threshold are still scored (the bound's sums are rounded differently).
_MARGIN = 1e-4
#: The query's commoner 3-grams, which a candidate need not share, have at most this share of the threshold
#: as their norm: the rarer ones then bound most names sharing them below the threshold (0.9: 320 names
#: scored a dev query, against 3,600 at 1.0 and 1.3 times the time at 0.8).
_COMMON_SHARE = 0.9


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
        if len(grams) == 0:  # no 3-gram any name has ("qqqq")
            return []
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
        query's rarer 3-grams plus the norm of the query's commoner ones times the norm of the name's
        other 3-grams. The commoner ones are chosen with a norm of at most :data:`_COMMON_SHARE` of the
        threshold: a name sharing none of the rarer ones cannot reach it, nor can one whose bound stays
        below it. Only the others are scored, exactly.
        """
        order = np.argsort(weights, kind="stable")
        cumulative = np.cumsum(weights[order].astype(np.float64) ** 2)
        common = int(np.searchsorted(cumulative, (_COMMON_SHARE * threshold) ** 2))  # the first ``common`` stay below
        common_norm = math.sqrt(cumulative[common - 1]) if common else 0.0
        rare = order[common:]
        names, partial, rare_squares = _sharing(self._matrix_t, grams[rare], weights[rare])
        bound = partial + common_norm * np.sqrt(np.maximum(1.0 - rare_squares, 0.0))
        names = names[bound >= threshold - _MARGIN]
        query = np.zeros(self._matrix.shape[1], dtype=np.float64)
        query[grams] = weights
        return _row_dots(self._matrix, names, query), names


def _sharing(by_gram: Any, grams: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The names (ascending) with a weight on one of ``grams`` (rows of the 3-grams x names CSR matrix
    ``by_gram``), each with its dot product with ``weights`` on them and the sum of its squares there."""
    if len(grams) == 0:  # a threshold above 1 leaves every 3-gram of the query among the commoner ones
        return np.empty(0, dtype=by_gram.indices.dtype), np.empty(0), np.empty(0)
    bounds = [(int(by_gram.indptr[gram]), int(by_gram.indptr[gram + 1])) for gram in grams.tolist()]
    names = np.concatenate([by_gram.indices[start:end] for start, end in bounds])
    values = np.concatenate([by_gram.data[start:end] for start, end in bounds]).astype(np.float64)
    query = np.repeat(weights.astype(np.float64), [end - start for start, end in bounds])
    order = np.argsort(names, kind="stable")  # a merge of the rows, each already in name order
    names = names[order]
    firsts = np.flatnonzero(np.concatenate(([True], names[1:] != names[:-1])))
    values = values[order]
    return names[firsts], np.add.reduceat(values * query[order], firsts), np.add.reduceat(values * values, firsts)


def _row_dots(matrix: Any, rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """The dot products of ``rows`` of a CSR matrix, none of them empty, with a dense ``vector`` (float64)."""
    if len(rows) == 0:
        return np.empty(0, dtype=np.float64)
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    offsets = np.cumsum(lengths) - lengths  # where each row's entries start among all gathered
    entries = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()))
    return np.add.reduceat(matrix.data[entries].astype(np.float64) * vector[matrix.indices[entries]], offsets)
