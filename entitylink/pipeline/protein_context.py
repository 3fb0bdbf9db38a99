"""Whether a chemical the text names is the first word of a protein's name, not a chemical of its own.

"zinc finger protein": a domain named for what it binds; "tyrosine kinase", "serine/threonine kinase":
an enzyme named for the residues it phosphorylates. BioRED and DrugProt never annotate
the chemical there (DrugProt: 29 of 29 "tyrosine kinase"); the linker drops such mentions. A kinase
named for its substrate keeps it ("creatine kinase": BC5CDR annotates creatine 37 times of 40), as does
"tyrosine supplementation".
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["names_a_protein"]

#: Protein domains named for what they bind ("zinc finger").
_DOMAIN_HEADS = frozenset({"finger", "fingers"})
#: Kinases, named for the residues they phosphorylate ("tyrosine kinase"), and those residues.
_KINASE_HEADS = frozenset({"kinase", "kinases"})
_PHOSPHORYLATED_RESIDUES = frozenset({"tyrosine", "serine", "threonine", "histidine"})


def names_a_protein(span: Span) -> bool:
    """Whether the word after ``span`` (past a hyphen) makes it part of a protein's name: a domain's head,
    or a kinase's after a residue kinases phosphorylate."""
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].text == "-":
        end += 1
    heads = _DOMAIN_HEADS | _KINASE_HEADS if span.text.lower() in _PHOSPHORYLATED_RESIDUES else _DOMAIN_HEADS
    return end < len(doc) and doc[end].lower_ in heads
