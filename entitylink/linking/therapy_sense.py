"""The therapeutic procedure of a cell, tissue or blood product that is given as a treatment.

Derived from MeSH at load time: each "… Transplantation", "… Therapy" or "… Transfusion"
descriptor of E02 (therapeutics) or E04 (surgical procedures) is the procedure of the cell or
tissue descriptor (A10 tissues, A11 cells, A15 hemic and immune system, A16 embryonic
structures) that its name starts with: Mesenchymal Stem Cell Transplantation (D045164) of
Mesenchymal Stem Cells (D059630), Cord Blood Stem Cell Transplantation (D036101) of Fetal
Blood ("cord blood", D005312), Erythrocyte Transfusion (D017707) of Erythrocytes. A cell with
several such procedures takes the one whose whole stem names it, then the shortest.

Whether a mention is given as a treatment is the pipeline's business
(:mod:`entitylink.pipeline.therapy_context`); this module knows only the vocabulary.
"""

from __future__ import annotations

import re
from functools import cached_property

from entitylink.kb.knowledge_base import KnowledgeBase
from entitylink.normalize import normalize

__all__ = ["TherapySense"]

_SUFFIXES = ("Transplantation", "Therapy", "Transfusion")
_PROCEDURE_TREES = ("E02.", "E04.")
_SOURCE_TREES = ("A10.", "A11.", "A15.", "A16.")


def _under(tree_numbers: tuple[str, ...], roots: tuple[str, ...]) -> bool:
    return any(number.startswith(roots) for number in tree_numbers)


class TherapySense:
    """Cell or tissue -> procedure, read from a knowledge base's MeSH."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def _procedures(self) -> list[tuple[str, str]]:
        """(label, curie) of the live MeSH descriptors under E02 or E04 with a name ending in a suffix."""
        part = self.kb.parts.get("mesh")
        if part is None:
            return []
        ends = tuple(" " + normalize(suffix) for suffix in _SUFFIXES)
        numbers = {posting.concept for key in part.keys() if key.endswith(ends) for posting in part.postings(key)}  # noqa: SIM118 (TermIndex.keys)
        concepts = (part.concept(number) for number in sorted(numbers))
        return [(c.label, c.curie) for c in concepts if not c.obsolete and _under(c.tree_numbers, _PROCEDURE_TREES)]

    def _source(self, stem: str) -> tuple[str, bool] | None:
        """The cell or tissue descriptor the longest start of ``stem`` names, and whether it is all of it."""
        words = stem.split()
        for size in range(len(words), 0, -1):
            for match in self.kb.lookup(" ".join(words[:size]), ontologies={"mesh"}):
                concept = self.kb.get(match.curie)
                if match.via != "variant" and concept is not None and _under(concept.tree_numbers, _SOURCE_TREES):
                    return match.curie, size == len(words)
        return None

    @cached_property
    def procedures(self) -> dict[str, str]:
        """Cell or tissue descriptor -> its therapeutic procedure."""
        best: dict[str, tuple[tuple[bool, int, str], str]] = {}
        for label, curie in self._procedures():
            suffix = next((s for s in _SUFFIXES if label.endswith(" " + s)), None)
            source = self._source(label[: -len(suffix) - 1]) if suffix else None
            if source is None:
                continue
            rank = (not source[1], len(label), curie)
            if source[0] not in best or rank < best[source[0]][0]:
                best[source[0]] = (rank, curie)
        return {source: curie for source, (_, curie) in best.items()}

    def procedure_of(self, curie: str) -> str | None:
        """The procedure of giving the cell or tissue ``curie`` (MESH:D059630 -> MESH:D045164), or None."""
        return self.procedures.get(curie)

    @cached_property
    def initialisms(self) -> dict[str, str]:
        """Initials of the names of the cells and tissues that have a procedure -> the cell or tissue,
        when they name one alone and have at least three letters: "RBC" -> Erythrocytes, "HSC" ->
        Hematopoietic Stem Cells, "UCB" -> Fetal Blood ("umbilical cord blood")."""
        found: dict[str, set[str]] = {}
        for curie in self.procedures:
            concept = self.kb[curie]
            for name in (concept.label, *(s.text for s in concept.synonyms if "," not in s.text)):
                words = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
                if len(words) >= 3:
                    found.setdefault("".join(w[0] for w in words).upper(), set()).add(curie)
        return {letters: curies.pop() for letters, curies in found.items() if len(curies) == 1}

    def initialism(self, text: str) -> str | None:
        """The cell or tissue an upper-case initialism names ("RBC", "RBCs", "HSC"), or None."""
        letters = text[:-1] if text.endswith("s") else text
        return self.initialisms.get(letters) if letters.isupper() else None
