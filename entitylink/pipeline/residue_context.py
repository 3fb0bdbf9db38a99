"""Whether an amino acid the text names is a residue of a protein's sequence, not a chemical.

"substitution of proline 484 by arginine", "a conserved arginine at amino acid position 2", "the
tyrosine codon": the words around the mention, within its sentence, speak of a sequence. The linker
drops such mentions; "plasma arginine levels" or "arginine supplementation" keep theirs.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["in_sequence_context"]

#: Words of a sentence about a protein or gene sequence.
_SEQUENCE_WORDS = frozenset({"substitution", "substitutions", "substituted", "substituting", "mutation", "mutations",
                             "mutated", "missense", "nonsense", "codon", "codons", "residue", "residues", "position",
                             "positions", "replacement", "replaced", "replacing", "frameshift", "deletion", "insertion",
                             "sequence", "sequences", "polymorphism", "variant", "variants", "exon", "encodes"})  # fmt: skip
_WINDOW = 12


def in_sequence_context(span: Span) -> bool:
    """Whether a word of a sequence (:data:`_SEQUENCE_WORDS`) or a position number follows or precedes ``span``
    within its sentence (or, in a document without sentences, within 12 words)."""
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        start, end = max(span.sent.start, span.start - _WINDOW), min(span.sent.end, span.end + _WINDOW)
    else:
        start, end = max(0, span.start - _WINDOW), min(len(doc), span.end + _WINDOW)
    if span.end < len(doc) and doc[span.end].is_digit:
        return True  # "proline 484"
    return any(doc[i].lower_ in _SEQUENCE_WORDS for i in range(start, end))
