"""Where a MeSH heading sits in the MeSH trees."""

from __future__ import annotations

from entitylink.kb.concept import Concept

__all__ = ["depth_above", "heading_branches", "heading_depth"]


def heading_depth(concept: Concept) -> int:
    """How deep a MeSH heading sits: its deepest tree number outside C23 (pathological conditions, signs and
    symptoms, where broad headings sit deep: Communicable Diseases at C23.550.291.531); 0 without trees."""
    trees = concept.tree_numbers
    outside = [t for t in trees if not t.startswith("C23")] or trees
    return max((t.count(".") for t in outside), default=0)


def heading_branches(concept: Concept) -> int:
    """On how many branches outside C23 MeSH files a heading: Prostatic Neoplasms on 7 (by kind and by organ),
    Adenocarcinoma on 1, Communicable Diseases on 1 (C23 left out)."""
    return sum(not tree.startswith("C23") for tree in concept.tree_numbers)


def depth_above(heading: Concept, narrower: Concept) -> int:
    """How deep ``heading`` sits on the branches of ``narrower`` in the category of its first tree number
    (the letter), C23 left out. Toxic Optic Neuropathy, first in C10: Optic Nerve Injuries at
    C10.900.300.218.550 is 4, Radiation Injuries at C26.733 is 1 (its G01 branch is not counted),
    Pathologic Processes, above it in C23 only, -1, as is a heading above it nowhere."""
    trees = narrower.tree_numbers
    tree = trees[0][:1] if trees else ""
    return max((t.count(".") for t in heading.tree_numbers
                if t.startswith(tree) and not t.startswith("C23") and any(n.startswith(t + ".") for n in trees)),
               default=-1)  # fmt: skip
