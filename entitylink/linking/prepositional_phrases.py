"""Prepositional phrases: a disease written with its site or substance after a preposition.

Texts write "cirrhosis of the liver", "injury to the kidney", "deficiency of APRT", "phosphorylase
deficiency in muscle"; disease names put the site or substance first ("liver cirrhosis", "APRT
deficiency"). :func:`site_first` writes such a phrase in that order; the grounder looks the results up
when the phrase itself names nothing. Only short phrases with one preposition are rewritten: "deficiency
of the seventh component of complement" is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["site_first"]

#: "<head> <preposition> [the] <site>", split at the first preposition.
_PREPOSITIONAL = re.compile(r"(?P<head>.+?)\s+(?:of|to|in|affecting|involving)\s+(?:the\s+)?(?P<site>.+)", re.IGNORECASE)
#: Words that leave the rest no single site or substance ("cancer of the breast and ovary").
_JOINING_WORDS = frozenset({"of", "to", "in", "and", "or", "with", "by", "from", "for", "on", "at", "the", "a", "an"})
#: The most words the head and the site may each have.
_MAX_WORDS = 3


def site_first(text: str) -> tuple[str, ...]:
    """``text`` with what follows its preposition before the head ("cirrhosis of the liver": "liver cirrhosis",
    "deficiency of APRT": "APRT deficiency"), then, for a head of several words, before the head's last word only
    ("micronodular cirrhosis of the liver": "liver micronodular cirrhosis", "micronodular liver cirrhosis");
    nothing when ``text`` is no such short phrase."""
    phrase = _PREPOSITIONAL.fullmatch(text.strip())
    if phrase is None:
        return ()
    head, site = phrase.group("head").split(), phrase.group("site").split()
    if len(head) > _MAX_WORDS or len(site) > _MAX_WORDS or any(w.lower() in _JOINING_WORDS for w in head + site):
        return ()
    return tuple(dict.fromkeys((" ".join(site + head), " ".join(head[:-1] + site + head[-1:]))))
