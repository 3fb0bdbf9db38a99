"""MeSH ids as an earlier MeSH release gives them.

MeSH numbers its descriptors in the order it creates them (``D066126``; from May 2014 ten characters,
``D000081029``, continuing the same sequence: NLM Technical Bulletin 2013 Mar-Apr, 391). A corpus
annotated with an earlier release cannot use a descriptor created since: "hemorrhagic cystitis", a
descriptor of MeSH 2024 (``D000096722``), is ``D003556`` (Cystitis) in BC5CDR. NLM does not re-index old
citations with new descriptors either. :func:`ids_as_of` gives such a descriptor as the headings it
refines (its MeSH tree parents, climbing past any that are also too new), as the earlier release indexed it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from entitylink.errors import EntitylinkError
from entitylink.kb.knowledge_base import KnowledgeBase
from entitylink.kb.mesh_tree import depth_above

__all__ = ["descriptor_number", "ids_as_of", "newest_descriptor_number"]

_DESCRIPTOR = re.compile(r"(?:MESH:)?D(\d{6}|\d{9})")


def descriptor_number(curie: str) -> int | None:
    """The sequence number of a MeSH descriptor id (``MESH:D000096722`` -> 96722); None for anything else."""
    match = _DESCRIPTOR.fullmatch(curie)
    return int(match.group(1)) if match else None


def newest_descriptor_number(newest: object, setting: str = "mesh_newest") -> int:
    """The number of ``newest``, the newest descriptor of a MeSH release, or an error naming ``setting``."""
    number = descriptor_number(newest) if isinstance(newest, str) else None
    if number is None:
        raise EntitylinkError(
            f"{setting}={newest!r}: not a MeSH descriptor id; give the newest descriptor of the release, such as D066126"
        )
    return number


def ids_as_of(kb: KnowledgeBase, ids: Sequence[str], newest: int) -> tuple[str, ...]:
    """``ids`` as the MeSH release whose newest descriptor is number ``newest`` gives them: each descriptor
    created after it leaves its place and its broader headings come last, so that the first MeSH id is
    one the release has (an older supplementary concept the ids carry, or else those headings)."""
    kept = [curie for curie in ids if not _newer(curie, newest)]
    broader = [heading for curie in ids if _newer(curie, newest) for heading in _headings(kb, curie, newest)]
    return tuple(dict.fromkeys([*kept, *broader]))


def _newer(curie: str, newest: int) -> bool:
    number = descriptor_number(curie)
    return number is not None and number > newest


def _headings(kb: KnowledgeBase, curie: str, newest: int) -> list[str]:
    """The nearest MeSH tree ancestors of descriptor ``curie`` that are not newer than ``newest``, the deepest
    on its first tree first (:func:`~entitylink.kb.mesh_tree.depth_above`: Toxic Optic Neuropathy gives
    Optic Nerve Injuries before Radiation Injuries)."""
    found: list[str] = []
    generation = [curie]
    while generation:
        parents = [p for c in generation if c in kb for p in kb[c].parents if p.startswith("MESH:")]
        found += [p for p in parents if not _newer(p, newest)]
        generation = [p for p in parents if _newer(p, newest)]
    return sorted(dict.fromkeys(found), key=lambda heading: -depth_above(kb[heading], kb[curie]))
