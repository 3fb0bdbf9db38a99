"""Inheritance: how a disease phrase says the disease is inherited.

Texts name a hereditary disease by its mode of inheritance alone ("an autosomal recessive disorder",
"X-linked multisystem disorder", "inherited human disease") or before a class of diseases
("autosomal recessive lysosomal storage disorder"). NCBI-disease and BioRED link the first kind to
MeSH's Genetic Diseases, Inborn or Genetic Diseases, X-Linked (about 60 train mentions, none otherwise)
and the second mostly to the class. :func:`inheritance` splits such a phrase into the mode as the
ontologies name it ("hereditary", "X-linked") and the rest; :func:`is_unnamed` tells a rest that names
no class ("multisystem disorder").
"""

from __future__ import annotations

from entitylink.normalize import GENERIC_HEADS, normalize

__all__ = ["inheritance", "is_unnamed"]

#: Words that say a disease is inherited, and how.
_INHERITANCE_WORDS = frozenset({"autosomal", "dominant", "recessive", "semidominant", "semi-dominant", "codominant",
                                "inherited", "hereditary", "heritable", "genetic", "x-linked", "y-linked"})  # fmt: skip
#: Words (normalized) that leave a disease phrase naming no class of diseases ("human genetic disorder").
_UNNAMED_WORDS = frozenset({*GENERIC_HEADS, "condition", "human", "multisystem", "genetic", "inherited"})


def inheritance(text: str) -> tuple[str, str] | None:
    """The mode of inheritance ``text`` opens with, as the ontologies name it ("X-linked" or "hereditary"),
    and the rest of ``text`` ("autosomal recessive lysosomal storage disorder": hereditary, lysosomal storage
    disorder); None when it opens with no inheritance word or is nothing else."""
    words = text.split()
    mode = []
    while words and words[0].lower() in _INHERITANCE_WORDS:
        mode.append(words.pop(0).lower())
    if not mode or not words:
        return None
    return ("X-linked" if "x-linked" in mode else "hereditary"), " ".join(words)


def is_unnamed(rest: str) -> bool:
    """Whether ``rest`` names no class of diseases ("disorder", "multisystem disorder", "human genetic disease")."""
    return all(word in _UNNAMED_WORDS for word in normalize(rest).split())
