"""The records the knowledge base hands out: concepts, their names, and lookup matches."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

__all__ = ["Concept", "Match", "NameKind", "Synonym", "Xref"]


class NameKind(IntEnum):
    """How a name belongs to its concept, best first."""

    LABEL = 0
    EXACT = 1
    ABBREVIATION = 2
    RELATED = 3

    @property
    def weight(self) -> float:
        return _KIND_WEIGHTS[self]


_KIND_WEIGHTS = {NameKind.LABEL: 1.0, NameKind.EXACT: 0.95, NameKind.ABBREVIATION: 0.9, NameKind.RELATED: 0.8}


@dataclass(frozen=True)
class Xref:
    """A cross-reference: the target CURIE and how it was asserted (``skos:exactMatch``, ``hasDbXref``...)."""

    curie: str
    predicate: str = "hasDbXref"


@dataclass(frozen=True)
class Synonym:
    text: str
    scope: str = "EXACT"
    type: str | None = None


@dataclass(frozen=True)
class Concept:
    """Everything the knowledge base knows of one identifier."""

    curie: str
    label: str
    ontology: str
    definition: str | None = None
    synonyms: tuple[Synonym, ...] = ()
    xrefs: tuple[Xref, ...] = ()
    parents: tuple[str, ...] = ()
    alt_ids: tuple[str, ...] = ()
    obsolete: bool = False
    replaced_by: tuple[str, ...] = ()
    consider: tuple[str, ...] = ()
    #: NCBI Taxonomy rank ("species", "genus", ...)
    rank: str | None = None
    #: MeSH tree numbers ("C04.557.337.539.275", ...)
    tree_numbers: tuple[str, ...] = ()
    #: MeSH pharmacological actions (descriptor CURIEs)
    pharmacological_actions: tuple[str, ...] = ()
    #: MeSH supplementary concepts: the descriptors they are mapped to
    mapped_to: tuple[str, ...] = ()

    @property
    def common_name(self) -> str | None:
        """The GenBank common name of a taxon ("human" for Homo sapiens), else the first common name."""
        for wanted in ("genbank_common_name", "common_name"):
            for synonym in self.synonyms:
                if synonym.type == wanted:
                    return synonym.text
        return None

    def xref_ids(self, prefix: str | None = None, *, exact: bool = False) -> list[str]:
        """Cross-referenced CURIEs, exact matches first, optionally of one prefix (``"MESH"``) or exact matches only."""
        ordered = sorted(self.xrefs, key=lambda x: (x.predicate != "skos:exactMatch", x.curie))
        seen: dict[str, None] = {}
        for xref in ordered:
            if (prefix is None or xref.curie.startswith(prefix + ":")) and (not exact or xref.predicate == "skos:exactMatch"):
                seen.setdefault(xref.curie)
        return list(seen)


@dataclass(frozen=True)
class Match:
    """One candidate concept for a looked-up text."""

    curie: str
    name: str
    ontology: str
    #: the name of the concept that matched, as the ontology spells it
    matched: str
    kind: NameKind
    score: float
    #: cross-ontology ids of the same concept (MONDO <-> MeSH, MeSH -> NCBITaxon), exact matches first
    xrefs: tuple[str, ...] = ()
    #: set when the name matched an obsolete concept that was replaced by ``curie``
    replaced: str | None = None
    #: how the text met the name: "exact" (same characters), "normalized", or "variant"
    via: str = "exact"
