"""Organ adjectives: the organ a Latin or Greek adjective of anatomy names.

Disease names are mostly written with the organ's noun ("kidney disease", "brain disease",
"prostate adenocarcinoma"), texts often with its adjective ("renal lesions", "cerebral damage",
"prostatic adenocarcinoma"). :func:`with_organ_nouns` writes a text with the nouns, which the
grounder then looks up as a disease name when the text itself names none. Only adjectives of
one organ are listed ("cervical" is of the neck and of the cervix: not here).
"""

from __future__ import annotations

__all__ = ["ORGAN_NOUNS", "with_organ_nouns"]

#: Adjective -> the organ's noun as disease names write it.
ORGAN_NOUNS = {
    "cerebral": "brain", "renal": "kidney", "hepatic": "liver", "cardiac": "heart", "pulmonary": "lung",
    "gastric": "stomach", "prostatic": "prostate", "ovarian": "ovary", "testicular": "testis",
    "pancreatic": "pancreas", "colonic": "colon", "rectal": "rectum", "esophageal": "esophagus",
    "oesophageal": "esophagus", "intestinal": "intestine", "uterine": "uterus", "thyroidal": "thyroid",
    "vesical": "bladder", "cutaneous": "skin", "dermal": "skin", "ocular": "eye", "retinal": "retina",
    "mammary": "breast", "splenic": "spleen", "bronchial": "bronchus", "laryngeal": "larynx",
    "osseous": "bone", "venous": "vein", "arterial": "artery", "gingival": "gum", "lingual": "tongue",
}  # fmt: skip


def with_organ_nouns(text: str) -> str:
    """``text`` with each organ adjective written as the organ's noun ("renal lesions": "kidney lesions");
    ``text`` itself when it has none."""
    return " ".join(ORGAN_NOUNS.get(word.lower(), word) for word in text.split())
