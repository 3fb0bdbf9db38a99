"""Linking priors: which identifier annotators gave each mention text in the train splits.

DNorm and TaggerOne learn from annotated corpora that "hypertensive" names
hypertension and "tumor" the MeSH heading Neoplasms, on top of an ontology's
synonyms. :class:`LinkingPriors` holds those (label, normalized mention text) ->
identifier counts, learned from the **train** splits only by
``scripts/learn_linking_priors.py`` and shipped as ``entitylink/data/linking_priors.tsv``;
the linker puts a prior's identifier first when it is the clear choice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from .evaluation import GOLD_LABELS, normalize_ids
from .normalize import normalize
from .readers import Document

__all__ = ["PRIORS_FILE", "LinkingPriors"]

PRIORS_FILE = Path(__file__).parent / "data" / "linking_priors.tsv"
_HEADER = "# label\tnormalized mention\tidentifier\tcount"


class LinkingPriors:
    """(label, normalized mention text) -> identifier counts."""

    def __init__(self, counts: dict[tuple[str, str], Counter[str]] | None = None) -> None:
        self.counts: dict[tuple[str, str], Counter[str]] = counts if counts is not None else {}

    def __len__(self) -> int:
        return len(self.counts)

    @classmethod
    def learn(cls, documents: Iterable[Document], labels: Iterable[str] | None = None) -> LinkingPriors:
        """Count the identifiers of the gold mentions of ``documents`` (of ``labels``, default all).

        A mention with several identifiers (a composite "breast and ovarian cancer")
        teaches nothing, nor one without an identifier.
        """
        wanted = None if labels is None else frozenset(labels)
        counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for document in documents:
            for annotation in document.annotations:
                label = GOLD_LABELS.get(annotation.type)
                if label is None or (wanted is not None and label not in wanted):
                    continue
                ids = normalize_ids(annotation.id, label)
                key = normalize(annotation.text)
                if len(ids) == 1 and key:
                    counts[label, key][next(iter(ids))] += 1
        return cls(dict(counts))

    def best(self, label: str, text: str, min_count: int = 1, min_share: float = 0.6) -> str | None:
        """The identifier most often given to ``text`` as ``label`` if seen ``min_count`` times and
        given at least ``min_share`` of the times, else None."""
        counts = self.counts.get((label, normalize(text)))
        if not counts:
            return None
        curie, count = counts.most_common(1)[0]
        return curie if count >= min_count and count >= min_share * sum(counts.values()) else None

    @classmethod
    def read(cls, path: Path = PRIORS_FILE) -> LinkingPriors:
        """Priors from a tab-separated file (label, normalized mention, identifier, count; ``#`` comments)."""
        counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                label, key, curie, count = line.split("\t")
                counts[label, key][curie] += int(count)
        return cls(dict(counts))

    def write(self, path: Path, comment: str = "") -> None:
        lines = [f"# {line}" for line in comment.splitlines()] + [_HEADER]
        for (label, key), counts in sorted(self.counts.items()):
            lines += [f"{label}\t{key}\t{curie}\t{count}" for curie, count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
