"""Whether a word that names a disorder only when said of a person is said of one.

"depressed" is depression in "a depressed patient" and "patients who were depressed", but the past
participle of "depress" (to lower) in "depressed cardiac function" and "levels were severely
depressed". The linker drops such a word (:data:`PERSON_STATES`) when no word for people ("patient",
"woman", "adolescent") is among the two words after it or the four before it, within its sentence.
"""

from __future__ import annotations

from spacy.tokens import Span

from entitylink.linking.grounder import HUMAN_WORDS
from entitylink.normalize import normalize

__all__ = ["PERSON_STATES", "said_of_a_person"]

#: Words that name a disorder only when said of a person ("depressed" also means lowered).
PERSON_STATES = frozenset({"depressed"})
_AFTER = 2
_BEFORE = 4


def said_of_a_person(span: Span) -> bool:
    """Whether a word for people is among the two words after ``span`` or the four before it, in its sentence."""
    doc = span.doc
    first, last = (span.sent.start, span.sent.end) if doc.has_annotation("SENT_START") else (0, len(doc))
    around = (*range(max(first, span.start - _BEFORE), span.start), *range(span.end, min(last, span.end + _AFTER)))
    return any(normalize(doc[i].text) in HUMAN_WORDS for i in around)
