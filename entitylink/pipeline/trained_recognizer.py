"""The trained NER as one pipeline component: ``entitylink_ner``.

The model (``tok2vec`` and ``ner``, trained by ``scripts/train_ner.py``) is a spaCy
pipeline of its own, shipped in ``entitylink/resources/ner``. The component runs it over
each document in pieces of at most ``max_tokens`` tokens, cut at sentence starts, so
that a long full text needs no more memory than its longest piece.

The model also tags :data:`GENE`, a label it is trained with so that gene symbols
("ATRX", "MCAD") are not read as diseases or species. Genes are never entities: they
go to ``doc.spans["entitylink_genes"]`` (:data:`GENE_SPANS`), where the dictionary
recognizer finds the text it must not tag.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch
from spacy.vocab import Vocab

from entitylink.errors import ModelError
from entitylink.labels import GENE, LABELS
from entitylink.pipeline.cached_vectors import create_cached_vectors  # noqa: F401 (registers the vectors)
from entitylink.resources import NER_MODEL, resource_path

__all__ = ["GENE_SPANS", "TrainedRecognizer", "load_model"]

#: The ``doc.spans`` key of the genes the NER finds (label :data:`~entitylink.labels.GENE`, never an entity).
GENE_SPANS = "entitylink_genes"


def load_model(path: Path) -> Language:
    """A trained NER pipeline (with ``tok2vec`` and ``ner``), or a :class:`ModelError` naming the path."""
    if not (path / "config.cfg").is_file():
        raise ModelError(path, "not a trained NER model (no config.cfg); train one with scripts/train_ner.py")
    # the model's own tokenizer never runs (it reads pieces of Docs already made): spaCy's plain one loads faster;
    # its floret vectors are built once a word (CachedVectors)
    settings = {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}, "vectors": {"@vectors": "entitylink.CachedVectors.v1"}}
    try:
        model = spacy.load(path, config={"nlp": settings}, exclude=["tokenizer"])
    except (OSError, ValueError) as error:
        raise ModelError(path, f"cannot load the NER model ({type(error).__name__}: {error})") from error
    if "ner" not in model.pipe_names:
        raise ModelError(path, f"the model has no 'ner' component; it has {model.pipe_names}")
    return model


@Language.factory("entitylink_ner", default_config={"model": None, "max_tokens": 1000, "batch_size": 64, "max_word_chars": 100})
class TrainedRecognizer:
    """Tags DISEASE, SPECIES and THERAPY (chemicals and drugs) with the NER trained on the gold corpora.

    Sets ``doc.ents``; earlier entities stay where the NER finds nothing (a gene it
    finds removes them too). The genes it finds are ``doc.spans[GENE_SPANS]``. ``model``: a
    model folder written by ``scripts/train_ner.py`` (None: the bundled one);
    ``max_tokens``: the longest piece of a document the model reads at once (it reads
    ``batch_size`` pieces together); ``max_word_chars``: an entity with a longer word (a
    sequence, encoded data) is none.
    """

    def __init__(self, nlp: Language, name: str = "entitylink_ner", *, model: str | None = None,
                 max_tokens: int = 1000, batch_size: int = 64, max_word_chars: int = 100) -> None:  # fmt: skip
        self.name = name
        self.model = load_model(Path(model) if model else resource_path(NER_MODEL))
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.max_word_chars = max_word_chars
        for label in {*LABELS, *self.labels}:  # the pieces of a document share its vocab
            nlp.vocab.strings.add(label)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(cast(TrainablePipe, self.model.get_pipe("ner")).labels)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size or self.batch_size):
            pieces = [(doc, start, end) for doc in batch for start, end in self._pieces(doc)]
            tagged = [_words(self.model.vocab, doc, start, end) for doc, start, end in pieces]
            for _, component in self.model.pipeline:
                tagged = list(cast(TrainablePipe, component).pipe(tagged, batch_size=self.batch_size))
            found: dict[int, list[Span]] = {id(doc): [] for doc in batch}
            for (doc, start, _), piece in zip(pieces, tagged):
                found[id(doc)] += [Span(doc, start + e.start, start + e.end, label=e.label_) for e in piece.ents
                                   if all(len(token) <= self.max_word_chars for token in e)]  # fmt: skip
            for doc in batch:
                ents = found[id(doc)]
                taken = {i for span in ents for i in range(span.start, span.end)}
                kept = [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))]
                doc.ents = filter_spans([e for e in ents if e.label_ != GENE] + kept)
                doc.spans[GENE_SPANS] = [e for e in ents if e.label_ == GENE]
                yield doc

    def _pieces(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of at most ``max_tokens`` covering ``doc``, cut at sentence starts where it has them."""
        if len(doc) <= self.max_tokens:
            return [(0, len(doc))]
        starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else []
        pieces, start = [], 0
        while start < len(doc):
            end = min(start + self.max_tokens, len(doc))
            if end < len(doc):
                at = bisect.bisect_right(starts, end) - 1
                end = starts[at] if at >= 0 and starts[at] > start else end
            pieces.append((start, end))
            start = end
        return pieces


def _words(vocab: Vocab, doc: Doc, start: int, end: int) -> Doc:
    """Tokens ``start:end`` of ``doc`` as a Doc of their words alone in the model's ``vocab`` (which holds
    its static vectors), for the model to tag (cheaper than ``Span.as_doc``, which copies every attribute)."""
    words, spaces = [], []
    for token in doc[start:end]:
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
    return Doc(vocab, words=words, spaces=spaces)
