"""Linking priors: which identifier annotators gave each mention text in the corpora.

DNorm and TaggerOne learn from annotated corpora that "hypertensive" names
hypertension and "tumor" the MeSH heading Neoplasms, on top of an ontology's
synonyms. :class:`LinkingPriors` holds those (label, normalized mention text) ->
identifier counts, learned by :func:`entitylink.training.linking_priors.learn_linking_priors` (from
the train splits to choose settings on dev; the shipped ones, :mod:`entitylink.resources`, from train +
dev once chosen); the linker puts a prior's identifier first when it is the clear choice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from entitylink.normalize import normalize
from entitylink.resources import LINKING_PRIORS, resource_path

__all__ = ["LinkingPriors"]

_HEADER = "# label\tnormalized mention\tidentifier\tcount"


class LinkingPriors:
    """(label, normalized mention text) -> identifier counts."""

    def __init__(self, counts: dict[tuple[str, str], Counter[str]] | None = None) -> None:
        self.counts: dict[tuple[str, str], Counter[str]] = counts if counts is not None else {}

    def __len__(self) -> int:
        return len(self.counts)

    def best(self, label: str, text: str, min_count: int = 1, min_share: float = 0.6) -> str | None:
        """The identifier most often given to ``text`` as ``label`` if seen ``min_count`` times and
        given at least ``min_share`` of the times, else None."""
        counts = self.counts.get((label, normalize(text)))
        if not counts:
            return None
        curie, count = counts.most_common(1)[0]
        return curie if count >= min_count and count >= min_share * sum(counts.values()) else None

    def count(self, label: str, text: str, curie: str) -> int:
        """How many times annotators gave ``text`` as ``label`` the identifier ``curie``."""
        counts = self.counts.get((label, normalize(text)))
        return counts[curie] if counts else 0

    @classmethod
    def read(cls, path: Path | None = None) -> LinkingPriors:
        """Priors from a tab-separated file (label, normalized mention, identifier, count; ``#`` comments);
        the shipped priors by default."""
        path = path or resource_path(LINKING_PRIORS)
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
