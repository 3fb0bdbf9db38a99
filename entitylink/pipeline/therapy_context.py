"""Whether a cell, tissue or blood product is given as a treatment where the text names it.

The linker links such a mention to its therapeutic procedure
(:class:`~entitylink.linking.therapy_sense.TherapySense`): "MSC infusion", "MSC therapy",
"MSCs were infused", "infusion of MSCs", "treated with UCB", "3 doses of UCB", "cell
therapy regimens of UCB and MSCs", "UCB and MSCs to treat PRCA". A mention that is only
described ("the AMSCs were isolated from a healthy donor"), or that is not given ("MSCs were
infused without HSC"), keeps its cell or tissue. The words are read around the mention within
its sentence, over connectors ("and", "/", "combined with"), other therapies and one modifier
("Hematopoietic Stem Cell Myeloablative Transplant").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span

__all__ = ["given_as_treatment", "mentions_procedure_word", "procedure_word"]

#: Nouns that, right after a cell or tissue, make it a treatment ("MSC infusion").
_GIVEN_NOUNS = frozenset({"therapy", "therapies", "infusion", "infusions", "transplant", "transplants",
                          "transplantation", "transfusion", "transfusions", "injection", "injections",
                          "administration", "regimen", "regimens", "graft", "grafts", "treatment"})  # fmt: skip
#: Word pairs that, before a cell or tissue, make it a treatment ("treated with UCB", "infusion of MSCs").
_GIVEN_BEFORE = frozenset({("treated", "with"), ("treat", "with"), ("treating", "with"), ("treatment", "with"),
                           ("therapy", "with"), ("infusion", "of"), ("infusions", "of"), ("transplantation", "of"),
                           ("transfusion", "of"), ("administration", "of"), ("injection", "of"), ("dose", "of"),
                           ("doses", "of"), ("unit", "of"), ("units", "of"), ("regimen", "of"), ("regimens", "of")})  # fmt: skip
#: Participles that make the subject of "were ..." a treatment ("MSCs were infused").
_GIVEN_VERBS = frozenset({"infused", "transplanted", "administered", "given", "injected", "transfused"})
#: Participles that make it a described cell ("the AMSCs were isolated").
_DESCRIBED = frozenset({"isolated", "expanded", "characterized", "characterised", "cultured", "measured",
                        "harvested", "collected", "counted", "analyzed", "analysed", "differentiated"})  # fmt: skip
_CONNECTORS = frozenset({"and", "or", "/", "-", ",", "(", ")", "combined", "with", "plus"})
_NEGATIONS = frozenset({"without", "no", "not"})
_STOPS = frozenset({".", ";", ":"})
_WINDOW = 10
#: Nouns of giving that may follow an initialism ("RBC transfusion").
PROCEDURE_NOUNS = frozenset({"transfusion", "transfusions", "transplantation", "transplant", "infusion", "infusions"})


def procedure_word(text: str) -> bool:
    """Whether ``text`` is a noun of giving a cell or tissue ("transfusion", "transplant")."""
    return text.lower() in PROCEDURE_NOUNS


def mentions_procedure_word(text: str) -> bool:
    """Whether ``text`` may hold a :func:`procedure_word` (a quick test before reading its tokens)."""
    lowered = text.lower()
    return any(noun in lowered for noun in PROCEDURE_NOUNS)


def _skippable(doc: Doc, i: int, therapy_tokens: Collection[int]) -> bool:
    token = doc[i]
    return token.lower_ in _CONNECTORS or i in therapy_tokens or (token.text.isupper() and token.is_alpha)


def _given_before(span: Span, therapy_tokens: Collection[int]) -> bool | None:
    """True for a trigger before the mention, False for a negation right before it, else None."""
    doc, words = span.doc, list[str]()
    first = True
    for i in range(span.start - 1, max(span.sent.start, span.start - _WINDOW) - 1, -1):
        if doc[i].text in _STOPS:
            break
        if first and not _skippable(doc, i, therapy_tokens):
            if doc[i].lower_ in _NEGATIONS:
                return False
            first = False
        words.insert(0, doc[i].lower_)
    return True if any(pair in _GIVEN_BEFORE for pair in zip(words, words[1:])) else None


def _given_after(span: Span, therapy_tokens: Collection[int]) -> bool | None:
    """True for a noun or verb of giving after the mention, False for one of describing, else None."""
    doc, end = span.doc, min(span.sent.end, span.end + _WINDOW)
    i, modifiers = span.end, 0
    while i < end:
        word = doc[i].lower_
        following = doc[i + 1].lower_ if i + 1 < end else ""
        if word in _GIVEN_NOUNS or (word == "to" and following == "treat"):
            return True
        if word in ("was", "were"):
            return True if following in _GIVEN_VERBS else (False if following in _DESCRIBED else None)
        if not _skippable(doc, i, therapy_tokens):
            if modifiers or doc[i].text in _STOPS:
                return None
            modifiers += 1
        i += 1
    return None


def given_as_treatment(span: Span, therapy_tokens: Collection[int] = ()) -> bool:
    """Whether the text gives the cell or tissue ``span`` names as a treatment; ``therapy_tokens``
    are the token indices of the document's therapy mentions (read over as connectors)."""
    before = _given_before(span, therapy_tokens)
    if before is False:
        return False
    after = _given_after(span, therapy_tokens)
    return after is not False and (before or bool(after))
