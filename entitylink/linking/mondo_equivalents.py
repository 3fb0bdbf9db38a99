"""The MONDO class of a disease named in another vocabulary (MeSH, OMIM) or by a name alone, and the
MeSH record of a MONDO disease MONDO maps to none.

The grounder asks for it when a disease's cross-references (MONDO's mappings, both ways) give
no MONDO class whose names it shares (an exact mapping alone is not trusted: MeSH "Seizures" is
mapped to "visual epilepsy"): a cross-reference MONDO shares with the concept (UMLS, DOID,
NCIT, OMIM), else the MONDO class whose label, else exact synonym, is the concept's label or the
mention ("Obesity", MESH:D009765, is MONDO:0011122 "obesity disorder" through its exact synonym
"obesity"). The other way, a MONDO disease with no MeSH id has the MeSH record one of its own names
names: a descriptor ("liver and intrahepatic bile duct neoplasm", exact synonym "liver neoplasm": Liver
Neoplasms; "congenital factor V deficiency": Factor V Deficiency), or, for a disease with no OMIM id
either, a supplementary concept by its label ("mitochondrial complex III deficiency", C565128). A
disease with an OMIM id keeps it rather than take the supplementary concept MeSH made from the OMIM
entry, which corpora annotated before that concept existed (NCBI-disease) do not use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property

from entitylink.kb.concept import Match, NameKind
from entitylink.kb.knowledge_base import KnowledgeBase

__all__ = ["MondoEquivalents"]

#: Cross-reference prefixes that name the same disease in MONDO and elsewhere.
_SHARED_PREFIXES = ("UMLS", "DOID", "NCIT", "OMIM", "Orphanet")


class MondoEquivalents:
    """MONDO classes for diseases of other ontologies; ``is_disease`` tells which MONDO classes may be given."""

    def __init__(self, kb: KnowledgeBase, is_disease: Callable[[str], bool]) -> None:
        self.kb = kb
        self.is_disease = is_disease

    @cached_property
    def _by_xref(self) -> dict[str, tuple[str, ...]]:
        """Cross-reference (``UMLS:C0028754``, ``OMIM:601626``) -> the MONDO classes that carry it (tuples,
        which the garbage collector stops tracking)."""
        found: dict[str, list[str]] = defaultdict(list)
        part = self.kb.parts.get("mondo")
        for source, target, _predicate in part.xref_pairs() if part is not None else ():
            if target.startswith(tuple(p + ":" for p in _SHARED_PREFIXES)):
                found[target].append(source)
        return {target: tuple(sources) for target, sources in found.items()}

    def of_xref(self, curie: str) -> str | None:
        """The one MONDO disease carrying the cross-reference ``curie`` (an OMIM id), or None."""
        found = [c for c in self._by_xref.get(curie, ()) if self.is_disease(c)]
        return found[0] if len(found) == 1 else None

    def of(self, curie: str, texts: Iterable[str] = ()) -> str | None:
        """The MONDO class of the disease ``curie`` (by a shared cross-reference, or a name of it or
        of one of ``texts``), or None when MONDO has none."""
        concept = self.kb.get(curie)
        if concept is None:
            return None
        shared = {m for x in concept.xrefs for m in self._by_xref.get(x.curie, ()) if self.is_disease(m)}
        if len(shared) == 1:
            return shared.pop()
        for text in (concept.label, *texts):
            named = self.named(text)
            if named is not None:
                return named
        return None

    def mesh_heading(self, curie: str, supplementary: bool = True) -> str | None:
        """The MeSH disease whose label or exact synonym is the label or an exact synonym of the MONDO
        disease ``curie``, when MONDO maps it to no MeSH id; else None. A descriptor, or (with
        ``supplementary``, and for a disease with no OMIM id) a supplementary concept."""
        concept = self.kb.get(curie)
        if concept is None or self.kb.xrefs(curie, "MESH"):
            return None
        supplementary = supplementary and not concept.xref_ids("OMIM", exact=True)
        for name in (concept.label, *(s.text for s in concept.synonyms if s.scope == "EXACT")):
            for match in self.kb.lookup(name, ontologies={"mesh"}):
                if match.via != "variant" and self._names_record(match, supplementary) and self.is_disease(match.curie):
                    return match.curie
        return None

    @staticmethod
    def _names_record(match: Match, supplementary: bool) -> bool:
        """Whether ``match`` names a descriptor by its label or an exact synonym, or (with ``supplementary``) a
        supplementary concept by its label (their synonyms are looser: "Burton syndrome" is Schwartz-Jampel
        syndrome in MONDO and a Kniest-like dysplasia in MeSH)."""
        if match.curie.startswith("MESH:D"):
            return match.kind <= NameKind.EXACT
        return supplementary and match.curie.startswith("MESH:C") and match.kind == NameKind.LABEL

    def named(self, text: str) -> str | None:
        """The one MONDO disease whose label, else exact synonym, is ``text`` up to normalization."""
        matches = [m for m in self.kb.lookup(text, ontologies={"mondo"})
                   if m.via != "variant" and m.kind <= NameKind.EXACT and self.is_disease(m.curie)]  # fmt: skip
        for kind in (NameKind.LABEL, NameKind.EXACT):
            found = sorted({m.curie for m in matches if m.kind == kind})
            if found:
                return found[0] if len(found) == 1 else None
        return None
