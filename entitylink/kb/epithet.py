"""Species epithets: the last word of a taxon's Latin name, as an index files it.

A species that moves to another genus keeps its epithet, but the epithet's Latin ending follows the new
genus's gender ("Chrysomela tremulae", "Chrysomela tremula"), so the index files each epithet under its
stem, the epithet without that ending.
"""

from __future__ import annotations

import re

__all__ = ["TAXON_EPITHET", "epithet_stem"]

#: A taxon's Latin name, a species or one below it ("Alnus alnobetula subsp. fruticosa"); group 1: its epithet.
TAXON_EPITHET = re.compile(r"[A-Z][a-z]+ (?:[a-z]+ (?:subsp\.|var\.) )?([a-z]{3,})")
_LATIN_ENDING = re.compile(r"(?:ii|ae|us|um|is|es|a|i|e)$")


def epithet_stem(epithet: str) -> str:
    """An epithet without the Latin ending that changes with its genus's gender: "tremulae" -> "tremul"."""
    return _LATIN_ENDING.sub("", epithet.lower())
