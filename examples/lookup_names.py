"""Look a few names up in the bundled knowledge base and print their concepts and cross-references.

    python examples/lookup_names.py "acute myeloid leukemia" PRCA cat corticosteroids
"""

from __future__ import annotations

import sys

import entitylink


def main(names: list[str]) -> None:
    kb = entitylink.load_kb()
    for name in names:
        match = kb.best(name)
        if match is None:
            print(f"{name}: not found")
            continue
        concept = kb[match.curie]
        print(f"{name}: {match.curie} {concept.label!r} ({match.kind.name.lower()} name {match.matched!r}, score {match.score})")
        for xref in match.xrefs:
            print(f"    same concept: {xref} {kb[xref].label!r}")
        if concept.parents:
            print(f"    is a: {', '.join(f'{p} {kb[p].label!r}' for p in concept.parents)}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["acute myeloid leukemia", "pure red cell aplasia", "PRCA", "cat", "Feline leukemia virus", "corticosteroids"])
