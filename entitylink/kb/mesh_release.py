"""MeSH ids as an earlier MeSH release gives them.

MeSH numbers its descriptors in the order it creates them (``D066126``; from May 2014 ten characters,
``D000081029``, continuing the same sequence: NLM Technical Bulletin 2013 Mar-Apr, 391), and its
supplementary concepts in another such sequence (``C548028``, ``C000599896``). A corpus annotated with an
earlier release cannot use a record created since, and NLM does not re-index old citations with new
descriptors either. :func:`ids_as_of` gives ids as that release would:

- a newer descriptor gives way to the headings it refines (its MeSH tree parents, climbing past any that
  are also too new): "hemorrhagic cystitis", a descriptor of MeSH 2024 (``D000096722``), is ``D003556``
  (Cystitis) in BC5CDR;
- a newer supplementary concept gives way to the OMIM id of the same disease when the ids have one (NLM
  made most disease supplementary concepts from OMIM entries in 2009-2010, and before them corpora such as
  NCBI-disease gave the OMIM id: "C9 deficiency" is ``OMIM:613825`` there, ``C565165`` in MeSH 2024); one
  without an OMIM id stays, as nothing tells which id stood for it. NLM adds thousands of supplementary
  concepts a year, so the newest one a corpus's annotations use only bounds its release from below: giving
  BioRED's chemicals the headings of the supplementary concepts newer than its train split's newest lost
  more right ids on its dev split than it gained.

A release is named by its newest records (:func:`mesh_release`): ``"D066126"`` (BC5CDR's newest
descriptor), or ``"D061325,C548028"`` (NCBI-disease's newest descriptor and supplementary concept).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from entitylink.errors import EntitylinkError
from entitylink.kb.knowledge_base import KnowledgeBase
from entitylink.kb.mesh_tree import depth_above
from entitylink.normalize import normalize

__all__ = ["MeshRelease", "descriptor_number", "ids_as_of", "mesh_release", "supplementary_number"]

_DESCRIPTOR = re.compile(r"(?:MESH:)?D(\d{6}|\d{9})")
_SUPPLEMENTARY = re.compile(r"(?:MESH:)?C(\d{6}|\d{9})")


@dataclass(frozen=True)
class MeshRelease:
    """An earlier MeSH release, by the numbers of its newest descriptor and supplementary concept (None:
    every record of that kind in the bundled MeSH)."""

    newest_descriptor: int | None = None
    newest_supplementary: int | None = None

    def has(self, curie: str) -> bool:
        """Whether the release has ``curie`` (any id not of MeSH: yes)."""
        descriptor, supplementary = descriptor_number(curie), supplementary_number(curie)
        if descriptor is not None and self.newest_descriptor is not None:
            return descriptor <= self.newest_descriptor
        if supplementary is not None and self.newest_supplementary is not None:
            return supplementary <= self.newest_supplementary
        return True


def descriptor_number(curie: str) -> int | None:
    """The sequence number of a MeSH descriptor id (``MESH:D000096722`` -> 96722); None for anything else."""
    match = _DESCRIPTOR.fullmatch(curie)
    return int(match.group(1)) if match else None


def supplementary_number(curie: str) -> int | None:
    """The sequence number of a MeSH supplementary concept id (``MESH:C565165`` -> 565165); None for anything else."""
    match = _SUPPLEMENTARY.fullmatch(curie)
    return int(match.group(1)) if match else None


def mesh_release(newest: object, setting: str = "mesh_newest") -> MeshRelease:
    """The release whose newest records ``newest`` names (``"D066126"``, ``"D061325,C548028"``: a descriptor id,
    a supplementary concept id, or one of each), or an error naming ``setting``."""
    parts = [part.strip() for part in newest.split(",")] if isinstance(newest, str) else []
    descriptors = [n for part in parts if (n := descriptor_number(part)) is not None]
    supplementary = [n for part in parts if (n := supplementary_number(part)) is not None]
    if not parts or len(descriptors) + len(supplementary) < len(parts) or len(descriptors) > 1 or len(supplementary) > 1:
        raise EntitylinkError(
            f"{setting}={newest!r}: not the newest MeSH records of a release; give its newest descriptor id, "
            "supplementary concept id, or both, comma-separated, such as D066126 or D061325,C548028"
        )
    return MeshRelease(descriptors[0] if descriptors else None, supplementary[0] if supplementary else None)


def ids_as_of(kb: KnowledgeBase, ids: Sequence[str], release: MeshRelease) -> tuple[str, ...]:
    """``ids`` as ``release`` gives them: each descriptor created after it leaves its place to the headings it
    refines, which come last, and each supplementary concept created after it to the OMIM id among ``ids``
    (see the module), so that the first MeSH id is one the release has."""
    omim = any(curie.startswith("OMIM:") for curie in ids)
    kept = [curie for curie in ids if release.has(curie) or (supplementary_number(curie) is not None and not omim)]
    broader = [
        heading
        for curie in ids
        if descriptor_number(curie) and not release.has(curie)
        for heading in _headings(kb, curie, release)
    ]
    return tuple(dict.fromkeys([*kept, *broader]))


def _headings(kb: KnowledgeBase, curie: str, release: MeshRelease) -> list[str]:
    """The nearest MeSH tree ancestors of descriptor ``curie`` that ``release`` has: first those whose name
    ``curie``'s name contains (Ehlers-Danlos Syndrome, Type IV gives Ehlers-Danlos Syndrome before Aortic
    Dissection), then the deepest on its first tree (:func:`~entitylink.kb.mesh_tree.depth_above`: Toxic
    Optic Neuropathy gives Optic Nerve Injuries before Radiation Injuries)."""
    found: list[str] = []
    generation = [curie]
    while generation:
        parents = [p for c in generation if c in kb for p in kb[c].parents if p.startswith("MESH:")]
        found += [p for p in parents if release.has(p)]
        generation = [p for p in parents if not release.has(p)]
    words = set(normalize(kb[curie].label).split())
    return sorted(dict.fromkeys(found),
                  key=lambda heading: (not set(normalize(kb[heading].label).split()) <= words,
                                       -depth_above(kb[heading], kb[curie])))  # fmt: skip
