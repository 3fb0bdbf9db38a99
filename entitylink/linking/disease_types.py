"""Disease types: a disease written with its type on the other side of its name, or with a subtype's letter.

Texts write "type IA glycogen storage disease", "type IID von Willebrand disease", "von Willebrand disease
type 2D"; ontologies mostly name a type after the disease ("glycogen storage disease type IA") and seldom
name the lettered subtypes. :func:`type_variants` writes the type on the other side of the name, then, for
a subtype, the type it belongs to, as the corpora annotate a subtype no vocabulary names ("type 2A von
Willebrand disease", "type IIA vWD": von Willebrand disease type 2). A type is never dropped: "type II
collagenopathy" is no collagenopathy of some type II, and "familial intrahepatic cholestasis type 1" is
more than its class. The grounder looks the results up when the text itself names nothing.
"""

from __future__ import annotations

import re

__all__ = ["type_variants"]

#: A type: its number, roman or arabic, and a subtype's letter ("type IID", "type 2a", "type 1").
_TYPE = r"type\s+(?P<number>[IVX]+|\d+)(?P<letter>[A-Za-z])?"
_TYPE_FIRST = re.compile(rf"{_TYPE}\s+(?P<name>.+)", re.IGNORECASE)
_TYPE_LAST = re.compile(rf"(?P<name>.+?)\s+{_TYPE}", re.IGNORECASE)


def type_variants(text: str) -> tuple[str, ...]:
    """``text`` with its type on the other side of the name ("type IA glycogen storage disease": "glycogen
    storage disease type IA"), then, with a subtype's letter, without it on either side ("type IID von
    Willebrand disease": "von Willebrand disease type II", "type II von Willebrand disease"); nothing when
    ``text`` names no type first or last."""
    written = text.strip()
    phrase = _TYPE_FIRST.fullmatch(written) or _TYPE_LAST.fullmatch(written)
    if phrase is None:
        return ()
    name, number, letter = phrase["name"], phrase["number"], phrase["letter"] or ""
    variants = [f"{name} type {number}{letter}", f"type {number}{letter} {name}"]
    if letter:
        variants += [f"{name} type {number}", f"type {number} {name}"]
    return tuple(variant for variant in dict.fromkeys(variants) if variant != written)
