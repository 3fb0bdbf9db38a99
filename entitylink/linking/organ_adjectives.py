"""Organ adjectives: the organ a Latin or Greek adjective of anatomy names.

Disease names are mostly written with the organ's noun ("kidney disease", "brain disease",
"prostate adenocarcinoma"), texts often with its adjective ("renal lesions", "cerebral damage",
"prostatic adenocarcinoma"), and a few the other way round ("venous thrombosis", "vein thrombosis").
:func:`with_organ_nouns` writes a text with the nouns, :func:`with_organ_adjectives` with the adjectives;
the grounder looks either up as a disease name when the text itself names none. Only adjectives of
one organ are listed ("cervical" is of the neck and of the cervix: not here).
"""

from __future__ import annotations

__all__ = ["ORGAN_ADJECTIVES", "ORGAN_NOUNS", "with_organ_adjectives", "with_organ_nouns"]

#: Adjective -> the organ's noun as disease names write it.
ORGAN_NOUNS = {
    "cerebral": "brain", "renal": "kidney", "hepatic": "liver", "cardiac": "heart", "pulmonary": "lung",
    "gastric": "stomach", "prostatic": "prostate", "ovarian": "ovary", "testicular": "testis",
    "pancreatic": "pancreas", "colonic": "colon", "rectal": "rectum", "esophageal": "esophagus",
    "oesophageal": "esophagus", "intestinal": "intestine", "uterine": "uterus", "thyroidal": "thyroid",
    "vesical": "bladder", "cutaneous": "skin", "dermal": "skin", "dermatologic": "skin", "dermatological": "skin",
    "ocular": "eye", "retinal": "retina",
    "mammary": "breast", "splenic": "spleen", "bronchial": "bronchus", "laryngeal": "larynx",
    "osseous": "bone", "venous": "vein", "arterial": "artery", "gingival": "gum", "lingual": "tongue",
}  # fmt: skip
#: An organ's noun -> its first adjective above ("skin": "cutaneous").
ORGAN_ADJECTIVES = {noun: adjective for adjective, noun in reversed(ORGAN_NOUNS.items())}


def with_organ_nouns(text: str) -> str:
    """``text`` with each organ adjective written as the organ's noun ("renal lesions": "kidney lesions");
    ``text`` itself when it has none."""
    return " ".join(ORGAN_NOUNS.get(word.lower(), word) for word in text.split())


def with_organ_adjectives(text: str) -> str:
    """``text`` with each organ's noun written as its adjective ("vein thrombosis": "venous thrombosis");
    ``text`` itself when it has none."""
    return " ".join(ORGAN_ADJECTIVES.get(word.lower(), word) for word in text.split())
