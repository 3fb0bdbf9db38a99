"""The gold corpora: which labels each annotates, and their train and dev splits.

A corpus folder holds ``train.pubtator`` and, most of them, ``dev.pubtator``. S800
has no dev split of its own: its documents that S1000's dev split re-annotates are
its dev split. LINNAEUS has none either: every fifth of its documents (by id) is.
No document of any dev split is ever a training document, whichever corpus it
comes from (BioRED shares abstracts with BC5CDR and NCBI-disease, S1000 with S800).
A document of several train splits trains once, with the mentions of each label from
the first corpus in :data:`TRAIN_ORDER` that annotates the label (S1000 is the
revision of S800; BioRED adds species to the BC5CDR abstracts it shares).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from entitylink.io.readers import Document, read_pubtator
from entitylink.labels import DISEASE, GOLD_LABELS, SPECIES, THERAPY

__all__ = ["ANNOTATED_LABELS", "TRAIN_ORDER", "Split", "dev_splits", "train_documents"]

#: The entitylink labels each corpus annotates completely (THERAPY: chemicals and drugs).
ANNOTATED_LABELS: dict[str, frozenset[str]] = {
    "ncbi-disease": frozenset({DISEASE}),
    "bc5cdr": frozenset({DISEASE, THERAPY}),
    "biored": frozenset({DISEASE, THERAPY, SPECIES}),
    "s800": frozenset({SPECIES}),
    "s1000": frozenset({SPECIES}),
    "linnaeus": frozenset({SPECIES}),
}
#: Which corpus's mentions of a label are used for a document that several train splits share.
TRAIN_ORDER = ("bc5cdr", "ncbi-disease", "biored", "s1000", "s800", "linnaeus")
#: Corpora without a dev split: the corpus whose dev split holds their dev documents,
#: or None for every fifth document.
_DEV_FROM = {"s800": "s1000", "linnaeus": None}
_HELD_OUT_EVERY = 5


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
        return ANNOTATED_LABELS.get(self.corpus, frozenset())

    def documents(self) -> Iterator[Document]:
        for document in read_pubtator(self.path):
            if self.ids is None or document.id in self.ids:
                yield document


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


def train_documents(root: Path) -> list[tuple[frozenset[str], Document]]:
    """Every training document under ``root`` with the labels it is annotated for: the train
    splits' documents that no dev split has, each once (see the module)."""
    held_out = {document.id for split in dev_splits(root) for document in split.documents()}
    folders = [p for p in root.iterdir() if p.is_dir() and (p / "train.pubtator").exists()]
    order = {name: rank for rank, name in enumerate(TRAIN_ORDER)}
    merged: dict[str, tuple[set[str], Document]] = {}
    for folder in sorted(folders, key=lambda p: (order.get(p.name, len(order)), p.name)):
        split = Split(folder.name, "train", folder / "train.pubtator")
        for document in split.documents():
            if document.id in held_out or document.error is not None:
                continue
            labels, kept = merged.setdefault(document.id, (set(), Document(document.id, document.text, document.source)))
            if kept.text != document.text:
                continue  # another version of the text: its offsets do not apply
            new = split.labels - labels
            kept.annotations.extend(a for a in document.annotations if GOLD_LABELS.get(a.type) in new)
            labels.update(new)
    return [(frozenset(labels), document) for labels, document in merged.values()]
