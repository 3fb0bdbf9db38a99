"""Gold documents as spaCy training Docs.

A document's gold mentions become its entities; every other token is "outside",
except where the document says nothing:

- where the dictionary pipeline finds an entity of a label the document is not
  completely annotated for (a drug in NCBI-disease, a disease in S800, a non-cancer
  disease in BioNLP-ST 2013 CG, which annotates cancers only);
- on tokens that look like genes in a document whose corpus does not annotate genes:
  a token spelled exactly as an HGNC approved or alias symbol (see
  :func:`entitylink.kb.gene_symbols.read_gene_symbols`).

Those tokens are left unknown, so that the model is not taught that they are not entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from entitylink.io.readers import Document
from entitylink.labels import GENE
from entitylink.training.corpora import TRAIN_LABELS

__all__ = ["ConversionStats", "training_docs"]


@dataclass
class ConversionStats:
    """What converting the gold documents kept and dropped."""

    documents: int = 0
    entities: int = 0
    #: gold mentions whose ends fall inside a token (their tokens are left unknown)
    misaligned: int = 0
    #: gold mentions dropped because they overlap a longer one
    overlapping: int = 0
    #: dictionary entities (of labels the document is not complete for) and misaligned mentions left unknown
    unknown: int = 0
    #: gene-like tokens left unknown (in documents not annotated for genes)
    gene_like: int = 0


def training_docs(nlp: Language, documents: Iterable[tuple[frozenset[str], Document]],
                  stats: ConversionStats | None = None, batch_size: int = 32,
                  gene_symbols: frozenset[str] = frozenset()) -> Iterator[Doc]:  # fmt: skip
    """A training Doc per (complete labels, document), tokenized by ``nlp``, whose dictionary marks the unknown tokens.

    The document's annotations are its gold mentions; ``complete labels`` are the labels
    they cover completely. ``gene_symbols`` are left unknown unless the document is complete for GENE.
    """
    stats = stats if stats is not None else ConversionStats()
    pairs = ((document.text, (labels, document)) for labels, document in documents)
    for predicted, (labels, document) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        doc = nlp.make_doc(document.text)
        gold, misaligned = _gold_spans(doc, document, stats)
        taken = {i for span in gold for i in range(span.start, span.end)}
        spans = [*misaligned, *(ent for ent in predicted.ents if ent.label_ not in labels)]
        genes = set() if GENE in labels else {t.i for t in doc if t.text in gene_symbols} - taken
        unknown = {i for span in spans for i in range(span.start, span.end)} - taken
        doc.set_ents(gold, missing=[doc[i : i + 1] for i in sorted(unknown | genes)], default="outside")
        stats.documents += 1
        stats.entities += len(gold)
        stats.unknown += len(spans)
        stats.gene_like += len(genes - unknown)
        yield doc


def _gold_spans(doc: Doc, document: Document, stats: ConversionStats) -> tuple[list[Span], list[Span]]:
    """The gold mentions as spans, and those that do not align with tokens (widened to tokens)."""
    spans = []
    misaligned = []
    for annotation in document.annotations:
        label = TRAIN_LABELS.get(annotation.type)
        if label is None:
            continue
        span = doc.char_span(annotation.start, annotation.end, label=label, alignment_mode="expand")
        if span is None:
            continue
        if (span.start_char, span.end_char) != (annotation.start, annotation.end):
            stats.misaligned += 1
            misaligned.append(span)
        else:
            spans.append(span)
    kept = filter_spans(spans)
    stats.overlapping += len(spans) - len(kept)
    return kept, misaligned
