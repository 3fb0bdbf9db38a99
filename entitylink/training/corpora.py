"""The gold corpora: which labels each annotates, and their train and dev splits.

A corpus folder holds ``train.pubtator`` and, most of them, ``dev.pubtator``. S800
has no dev split of its own: its documents that S1000's dev split re-annotates are
its dev split. LINNAEUS has none either: every fifth of its documents (by id) is.
No document of any dev split is ever a training document, whichever corpus it
comes from (BioRED shares abstracts with BC5CDR, NCBI-disease, tmVar3, GNormPlus and
NLM-Gene; S1000 with S800) and whatever its id: documents are matched by id and by
the opening of their text (a LINNAEUS full text, PMC1859974, is an NLM-Gene
abstract, 17223997). A document of several train splits trains once, with the
mentions of each label from the first corpus in :data:`TRAIN_ORDER` that annotates the
label (S1000 is the revision of S800; BioRED adds species to the BC5CDR abstracts it
shares). The corpora added for training only (tmVar3, the BioNLP shared tasks,
DrugProt, CellFinder, GNormPlus, NLM-Gene) have no dev split.

Besides entitylink's labels, the NER learns ``GENE`` (see :mod:`entitylink.tagger`)
from the corpora that annotate genes, so that gene symbols are not read as diseases
or species. A corpus may annotate part of a label only (BioNLP-ST 2013 CG: cancers of
the diseases): :data:`PARTIAL_LABELS` keeps that label's other mentions unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from entitylink.io.readers import Document, read_pubtator
from entitylink.labels import DISEASE, GENE, GOLD_LABELS, SPECIES, THERAPY

__all__ = [
    "ANNOTATED_LABELS",
    "PARTIAL_LABELS",
    "TRAIN_LABELS",
    "TRAIN_ORDER",
    "Split",
    "dev_documents",
    "dev_splits",
    "train_documents",
]

#: The labels each corpus annotates (THERAPY: chemicals and drugs; GENE: genes and their products).
ANNOTATED_LABELS: dict[str, frozenset[str]] = {
    "ncbi-disease": frozenset({DISEASE}),
    "bc5cdr": frozenset({DISEASE, THERAPY}),
    "biored": frozenset({DISEASE, THERAPY, SPECIES, GENE}),
    "s800": frozenset({SPECIES}),
    "s1000": frozenset({SPECIES}),
    "linnaeus": frozenset({SPECIES}),
    "tmvar3": frozenset({DISEASE, SPECIES}),
    "bionlp-st-2013-cg": frozenset({DISEASE, THERAPY, SPECIES}),
    "bionlp-st-2013-pc": frozenset({THERAPY}),
    "bionlp-st-2011-id": frozenset({THERAPY, SPECIES}),
    "drugprot": frozenset({THERAPY}),
    "cellfinder": frozenset({SPECIES}),
    "gnormplus": frozenset({GENE}),
    "nlm-gene": frozenset({GENE}),
}
#: Labels of which a corpus annotates only some kinds: BioNLP-ST 2013 CG annotates cancers, not other diseases.
PARTIAL_LABELS: dict[str, frozenset[str]] = {"bionlp-st-2013-cg": frozenset({DISEASE})}
#: Corpus types -> trained labels: the evaluated ones and the genes.
TRAIN_LABELS = {**GOLD_LABELS, "Gene": GENE, "GeneOrGeneProduct": GENE}
#: Which corpus's mentions of a label are used for a document that several train splits share
#: (the complete annotation of a label before a partial one).
TRAIN_ORDER = ("bc5cdr", "ncbi-disease", "biored", "tmvar3", "s1000", "s800", "linnaeus", "gnormplus", "nlm-gene",
               "bionlp-st-2013-pc", "drugprot", "bionlp-st-2011-id", "cellfinder", "bionlp-st-2013-cg")  # fmt: skip
#: Corpora without a dev split: the corpus whose dev split holds their dev documents,
#: or None for every fifth document.
_DEV_FROM = {"s800": "s1000", "linnaeus": None}
_HELD_OUT_EVERY = 5
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
#: How many letters and digits of its opening identify a document.
_OPENING = 60


@dataclass(frozen=True)
class Split:
    """The documents of one corpus split."""

    corpus: str
    name: str
    path: Path
    #: the document ids of ``path`` that belong to this split (None: all)
    ids: frozenset[str] | None = None

    def __str__(self) -> str:
        return f"{self.corpus}/{self.name}"

    @property
    def labels(self) -> frozenset[str]:
        """The labels the corpus annotates, wholly or in part."""
        return ANNOTATED_LABELS.get(self.corpus, frozenset())

    @property
    def complete_labels(self) -> frozenset[str]:
        """The labels the corpus annotates every mention of."""
        return self.labels - PARTIAL_LABELS.get(self.corpus, frozenset())

    def documents(self) -> Iterator[Document]:
        for document in read_pubtator(self.path):
            if self.ids is None or document.id in self.ids:
                yield document

    def training_documents(self) -> Iterator[tuple[frozenset[str], Document]]:
        """Each document (without errors) with only its mentions of :attr:`labels`, and the labels it is complete for."""
        for document in self.documents():
            if document.error is None:
                yield self.complete_labels, annotated(document, self.labels)


def annotated(document: Document, labels: frozenset[str]) -> Document:
    """A copy of ``document`` with its mentions of ``labels`` only."""
    kept = Document(document.id, document.text, document.source)
    kept.annotations.extend(a for a in document.annotations if TRAIN_LABELS.get(a.type) in labels)
    return kept


def opening(text: str) -> str:
    """The first letters and digits of ``text``, in lower case: the same document under another id or format."""
    return _NOT_ALPHANUMERIC.sub("", text.lower())[:_OPENING]


def _ids(path: Path) -> list[str]:
    return [document.id for document in read_pubtator(path)]


def dev_splits(root: Path) -> list[Split]:
    """The dev split of every corpus under ``root``, in name order."""
    splits = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / "train.pubtator").exists()):
        corpus = folder.name
        if (folder / "dev.pubtator").exists():
            splits.append(Split(corpus, "dev", folder / "dev.pubtator"))
        elif corpus in _DEV_FROM:
            source = _DEV_FROM[corpus]
            own = _ids(folder / "train.pubtator")
            if source is None:
                ids = frozenset(sorted(own)[::_HELD_OUT_EVERY])
            else:
                ids = frozenset(own) & frozenset(_ids(root / source / "dev.pubtator"))
            splits.append(Split(corpus, "dev", folder / "train.pubtator", ids))
    return splits


def dev_documents(root: Path) -> list[tuple[frozenset[str], Document]]:
    """Every dev split's documents under ``root`` as training documents (see :meth:`Split.training_documents`),
    for the final models, which train on train + dev once the choices are made on dev."""
    return [pair for split in dev_splits(root) for pair in split.training_documents()]


def train_documents(root: Path) -> list[tuple[frozenset[str], Document]]:
    """Every training document under ``root``, with the mentions of the labels its corpora annotate
    and the labels it is completely annotated for: the train splits' documents that no dev split
    has, each once (see the module)."""
    dev = [document for split in dev_splits(root) for document in split.documents()]
    held_out = {document.id for document in dev}
    held_out_openings = {opening(document.text) for document in dev}
    folders = [p for p in root.iterdir() if p.is_dir() and (p / "train.pubtator").exists()]
    order = {name: rank for rank, name in enumerate(TRAIN_ORDER)}
    merged: dict[str, tuple[set[str], set[str], Document]] = {}
    for folder in sorted(folders, key=lambda p: (order.get(p.name, len(order)), p.name)):
        split = Split(folder.name, "train", folder / "train.pubtator")
        for document in split.documents():
            if document.id in held_out or opening(document.text) in held_out_openings or document.error is not None:
                continue
            labels, complete, kept = merged.setdefault(
                document.id, (set(), set(), Document(document.id, document.text, document.source))
            )
            if kept.text != document.text:
                continue  # another version of the text: its offsets do not apply
            new = split.labels - labels
            kept.annotations.extend(annotated(document, new).annotations)
            labels.update(new)
            complete.update(new & split.complete_labels)
    return [(frozenset(complete), document) for _, complete, document in merged.values()]
