"""Learned names: mention texts the corpora's annotators tag nearly every time, with their identifier.

Learned by :func:`entitylink.training.learned_names.learn_names` (``scripts/learn_linking_priors.py``:
from the train splits to choose settings on dev; the shipped ones, in :mod:`entitylink.resources`, from
train + dev once chosen); the dictionary
tags them as it tags ontology names ("toxicity": Drug-Related Side Effects and Adverse Reactions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from entitylink.errors import ModelError
from entitylink.resources import LEARNED_NAMES, resource_path

__all__ = ["LearnedName", "LearnedNames"]

_HEADER = "# label\tnormalized name\tidentifier\tannotated\tunannotated"


@dataclass(frozen=True)
class LearnedName:
    """A normalized mention text of a label, its usual identifier, and how often the corpora
    annotated it with that identifier or left it unannotated."""

    label: str
    key: str
    curie: str
    annotated: int
    unannotated: int


def _name(path: Path, number: int, line: str) -> LearnedName:
    fields = line.split("\t")
    try:
        label, key, curie, annotated, unannotated = fields
        return LearnedName(label, key, curie, int(annotated), int(unannotated))
    except ValueError:
        raise ModelError(path, f"line {number}: expected {_HEADER[2:]!r} (tab-separated, two counts), got {line!r:.80}") from None


class LearnedNames:
    """(label, normalized name) -> identifier."""

    def __init__(self, names: list[LearnedName] | None = None) -> None:
        self.names = list(names or ())
        self.curies = {(name.label, name.key): name.curie for name in self.names}

    def __len__(self) -> int:
        return len(self.names)

    def curie(self, label: str, key: str) -> str | None:
        return self.curies.get((label, key))

    def keys(self, labels: Iterable[str]) -> frozenset[str]:
        """The normalized names of ``labels``."""
        wanted = set(labels)
        return frozenset(key for label, key in self.curies if label in wanted)

    def lengths(self) -> dict[str, int]:
        """First word of every name -> the most words a name starting with it has."""
        lengths: dict[str, int] = {}
        for name in self.names:
            first, _, rest = name.key.partition(" ")
            lengths[first] = max(lengths.get(first, 0), rest.count(" ") + 2 if rest else 1)
        return lengths

    @classmethod
    def read(cls, path: Path | None = None) -> LearnedNames:
        """Names from a tab-separated file (``#`` comments); the shipped ones by default. A file that
        cannot be read, or a line that is no name, raises :class:`~entitylink.errors.ModelError` naming it."""
        path = path or resource_path(LEARNED_NAMES)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ModelError(path, f"cannot read the learned names ({error})") from None
        return cls([_name(path, number, line) for number, line in enumerate(lines, 1) if line and not line.startswith("#")])

    def write(self, path: Path, comment: str = "") -> None:
        lines = [f"# {line}" for line in comment.splitlines()] + [_HEADER]
        lines += [f"{n.label}\t{n.key}\t{n.curie}\t{n.annotated}\t{n.unannotated}" for n in self.names]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
