"""Text normalization shared by the term index and every lookup.

``normalize`` folds case, accents, Greek letters, British spellings, punctuation,
hyphens, possessives and plurals, so that "Alzheimer's Diseases",
"alzheimer disease" and "Alzheimer-disease" meet on one key. Acronyms keep
their plural-looking ``s`` ("AIDS" stays ``aids``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["GENERIC_HEADS", "is_acronym_like", "key_variants", "normalize"]

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
    "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma",
    "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}  # fmt: skip
_GREEK_RE = re.compile("|".join(_GREEK))
_BRITISH_SPELLINGS = {
    "aem": "em",  # anaemia, leukaemia, haemorrhage, ischaemia
    "oe": "e",  # oesophagus, oedema, oestrogen (word-initial)
    "rrhoea": "rrhea",  # diarrhoea, amenorrhoea
    "paed": "ped",
    "gynaec": "gynec",
    "tumour": "tumor",
    "faec": "fec",
    "foet": "fet",
    "isation": "ization",
    "pnoea": "pnea",  # apnoea, dyspnoea
    "coeli": "celi",  # coeliac
    "aesthe": "esthe",  # anaesthesia
    "sulph": "sulf",  # sulphate, sulphonamide, sulphasalazine
    "aluminium": "aluminum",
}
_BRITISH = re.compile(r"aem|\boe(?=[sdn])|rrhoea|pnoea|coeli|aesthe|paed|gynaec|tumour|\bfaec|\bfoet|isation\b|sulph|aluminium")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_IRREGULAR_PLURALS = {
    "mice": "mouse", "lice": "louse", "children": "child", "women": "woman", "men": "man",
    "people": "person", "feet": "foot", "teeth": "tooth", "geese": "goose", "oxen": "ox",
    "bacteria": "bacterium", "fungi": "fungus", "bacilli": "bacillus", "cocci": "coccus",
    "larvae": "larva", "pupae": "pupa", "nuclei": "nucleus", "foci": "focus", "emboli": "embolus",
    "calculi": "calculus", "thrombi": "thrombus", "stimuli": "stimulus", "metastases": "metastasis", "diagnoses": "diagnosis",
    "neuroses": "neurosis", "psychoses": "psychosis", "stenoses": "stenosis", "thromboses": "thrombosis",
    "fibroses": "fibrosis", "scleroses": "sclerosis", "necroses": "necrosis", "carcinomata": "carcinoma",
    "data": "datum", "criteria": "criterion", "phenomena": "phenomenon", "vertebrae": "vertebra",
}  # fmt: skip
#: Words that look plural but are not.
_INVARIANT = {"species", "series", "diabetes", "herpes", "rabies", "scabies", "caries", "measles", "mumps", "rickets",
              "genus", "lues", "pubes", "facies", "ascites", "feces"}  # fmt: skip
#: Words that end names of disorders without changing which disorder is meant.
GENERIC_HEADS = ("disease", "syndrome", "disorder")


def _singular(token: str) -> str:
    if token in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[token]
    if len(token) <= 3 or token in _INVARIANT or not token.isalpha():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("aches") and not token.endswith(("eaches", "oaches")):  # headaches, not reaches
        return token[:-1]
    if token.endswith(("sses", "uses", "xes", "ches", "shes")):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is", "ys")):
        return token[:-1]
    return token


def is_acronym_like(text: str) -> bool:
    """True for short forms that must match case-sensitively: "AML", "FeLV", "IL-2", "CMV"."""
    if len(text) > 12 or text == text.lower() or " " in text.strip():
        return False
    upper = sum(map(str.isupper, text))
    return upper >= 2 or (upper >= 1 and any(map(str.isdigit, text)))


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Return the lookup key of ``text`` (lower case ASCII words separated by single spaces)."""
    if not text.isascii():
        text = _GREEK_RE.sub(lambda m: f" {_GREEK[m.group()]} ", text.replace("ß", "ss"))
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    tokens = []
    for word in _POSSESSIVE.sub("", text).split():
        lower = word.lower()
        keep_plural = lower != word and is_acronym_like(word)
        for part in _NON_ALNUM.split(lower):
            if part:
                tokens.append(part if keep_plural else _singular(part))
    return _BRITISH.sub(lambda m: _BRITISH_SPELLINGS[m.group()], " ".join(tokens))


def key_variants(key: str) -> list[str]:
    """Looser keys for a normalized key: without its generic head noun or with another, else with each.

    "crohn disease" -> ["crohn", "crohn syndrome", "crohn disorder"]; "crohn" -> ["crohn disease",
    "crohn syndrome", "crohn disorder"].
    """
    for head in GENERIC_HEADS:
        if key.endswith(" " + head):
            stem = key[: -len(head) - 1]
            return [stem, *(f"{stem} {other}" for other in GENERIC_HEADS if other != head)]
    return [f"{key} {head}" for head in GENERIC_HEADS]
