"""Floret vectors that remember the vector of each word they have built: ``entitylink.CachedVectors.v1``.

The NER reads static floret vectors (``entitylink/training/ner.cfg``). spaCy builds a floret
vector anew for every distinct word of every batch, hashing each of its character n-grams in
Python; most words of one abstract recur in the next, so this table keeps the vectors it has
built, up to :data:`MAX_WORDS` of them (then it starts afresh), and returns the same floats.
:func:`~entitylink.pipeline.trained_recognizer.load_model` loads the NER with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
from spacy.util import registry
from spacy.vectors import BaseVectors, Mode, Vectors
from spacy.vocab import Vocab

__all__ = ["MAX_WORDS", "CachedVectors", "create_cached_vectors"]

#: How many words' vectors the table keeps at most (100 floats each: 40 MB for 100,000).
MAX_WORDS = 100_000


class CachedVectors(Vectors):
    """spaCy's :class:`~spacy.vectors.Vectors` whose floret lookups are remembered by key."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._forget()

    def _forget(self) -> None:
        self._row_of: dict[int | str, int] = {}
        self._built: np.ndarray | None = None

    def from_disk(self, path: str | Path, **kwargs: Any) -> CachedVectors:
        loaded = super().from_disk(path, **kwargs)
        self._forget()
        return loaded

    def get_batch(self, keys: Iterable[int | str]) -> Any:
        """The vectors of ``keys``, as :meth:`Vectors.get_batch` gives them (floret ones built once)."""
        if self.mode != Mode.floret:
            return super().get_batch(keys)
        keys = [key if isinstance(key, str) else int(key) for key in keys]
        new = [key for key in dict.fromkeys(keys) if key not in self._row_of]
        if not keys or len(new) > MAX_WORDS:
            return super().get_batch(keys)
        if len(self._row_of) + len(new) > MAX_WORDS:
            self._forget()
            new = list(dict.fromkeys(keys))
        if new:
            self._remember(new, np.asarray(super().get_batch(new)))
        assert self._built is not None
        return self._built[[self._row_of[key] for key in keys]]

    def _remember(self, keys: list[int | str], vectors: np.ndarray) -> None:
        start = len(self._row_of)
        if self._built is None:
            self._built = np.empty((MAX_WORDS, vectors.shape[1]), dtype=vectors.dtype)
        self._built[start : start + len(keys)] = vectors
        self._row_of.update(zip(keys, range(start, start + len(keys))))


@registry.vectors("entitylink.CachedVectors.v1")
def create_cached_vectors() -> Callable[[Vocab], BaseVectors]:
    """The config entry of :class:`CachedVectors` (``[nlp.vectors] @vectors = "entitylink.CachedVectors.v1"``)."""

    def vectors_factory(vocab: Vocab) -> BaseVectors:
        return CachedVectors(strings=vocab.strings)

    return vectors_factory
