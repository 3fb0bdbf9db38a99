"""Abbreviations defined in a document, read from scispaCy's ``AbbreviationDetector``.

A local definition ("pure red cell aplasia (PRCA)") decides what the short form
means in that document: every later "PRCA" is matched and linked as its long form,
and the global dictionary's readings of the short form ("CMV" as Cucumber mosaic
virus) are never used there. Singular and plural short forms ("MSC", "MSCs") are
the same abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from scispacy.abbreviation import AbbreviationDetector, filter_matches
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from entitylink.normalize import is_acronym_like

__all__ = ["UNDEFINED_SHORT_FORM_KINDS", "Abbreviation", "Abbreviations", "BoundedAbbreviationDetector"]

#: scispaCy only keeps parenthesised spans of at most 8 tokens ("(PRCA)", "(allo-HSCT)").
_MAX_PARENTHESIS_TOKENS = 8
#: The most tokens of a short form that opens a parenthesis ("(L-DOPA; 25 mg/kg)").
_MAX_SHORT_FORM_TOKENS = 3
#: The longest undefined short form trusted only by a concept's label (see :meth:`Abbreviations.is_undefined_short_form`).
_UNDEFINED_SHORT_FORM_LENGTH = 4
#: Kinds of match trusted for a short form the document does not define ("HIV", "AIDS"; not "MAP", "DM").
UNDEFINED_SHORT_FORM_KINDS = frozenset({"label"})
#: Where a short form is defined: in parentheses, as scispaCy looks, or in square brackets
#: ("human cytomegalovirus [HCMV]"), which it does not.
_BRACKETS = {"parenthesis": ("(", ")"), "square bracket": ("[", "]")}
#: A chemical name's locant or stereo prefix, joined to the rest by a hyphen: "13-" of "13-cis-retinoic acid",
#: "N-" of "N-nitrosodimethylamine", "alpha-", "D-", "cis-", "o-" (ortho).
_LOCANT = re.compile(r"\d+(?:,\d+)*'*|[CDEHLNOPRSZ]|[omnpt]|(?i:alpha|beta|gamma|delta|omega|cis|trans|tert|sec|iso)")


@Language.factory("entitylink_abbreviations", default_config={"make_serializable": True})
class BoundedAbbreviationDetector(AbbreviationDetector):
    """scispaCy's ``AbbreviationDetector`` (Schwartz & Hearst), linear in the length of the text.

    Sets ``doc._.abbreviations`` (the short forms, each with ``._.long_form``) as scispaCy
    does, also for short forms with a hyphen or slash, which the biomedical tokenizer
    splits ("allo-HSCT" is three tokens), and for short forms in square brackets ("[HCMV]"); a long form
    keeps the locants its first word starts with ("13-cis-retinoic acid (cis-RA)", where Schwartz & Hearst
    start at "cis"). scispaCy's pattern ``( any+ )`` makes its matcher try every pair of
    parentheses, which is quadratic (minutes on a 2 MB text); this one only looks
    inside a pair at the at most 8 tokens scispaCy would keep anyway.
    ``make_serializable`` (default true here) keeps ``nlp.pipe(n_process=...)`` working.
    """

    def __init__(self, nlp: Language, name: str = "entitylink_abbreviations", make_serializable: bool = True) -> None:
        super().__init__(nlp, name, make_serializable=make_serializable)
        self.matcher = Matcher(nlp.vocab)
        for name, (opening, closing) in _BRACKETS.items():
            inside = {"ORTH": {"NOT_IN": [opening, closing]}, "OP": f"{{1,{_MAX_PARENTHESIS_TOKENS}}}"}
            self.matcher.add(name, [[{"ORTH": opening}, inside, {"ORTH": closing}]])

    def __call__(self, doc: Doc) -> Doc:
        """scispaCy's ``AbbreviationDetector.__call__``, plus the short forms our tokenizer splits ("allo-HSCT")."""
        self.global_matcher = Matcher(doc.vocab)  # scispaCy's per-document rules, left behind if a document raised
        inside = [(match, start + 1, end - 1) for match, start, end in self.matcher(doc)]
        candidates = filter_matches(inside, doc) + _hyphenated_short_forms(inside, doc) + _leading_short_forms(inside, doc)
        for long_form, short_forms in self.find_matches_for(candidates, doc):
            long_form = _with_locants(long_form)
            for short in sorted(short_forms, key=_position):  # a set of Spans: its order follows memory addresses
                short._.long_form = long_form
                doc._.abbreviations.append(short)
        if self.make_serializable:
            doc._.abbreviations = [self.make_short_form_serializable(a) for a in doc._.abbreviations]
        return doc


def _position(short: Span | dict[str, Any]) -> int:
    """Where a short form starts, in either output of the detector (a Span, or the serializable dict)."""
    return int(short["short_start"]) if isinstance(short, dict) else short.start


def _with_locants(long_form: Span) -> Span:
    """The long form with the locants its first word starts with: Schwartz & Hearst start it at the letter
    that matches the short form's first, which can follow one ("13-[cis-retinoic acid] (cis-RA)",
    "3-[methylcholanthrene] (MC)")."""
    doc, start = long_form.doc, long_form.start
    while (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
           and not doc[start - 2].whitespace_ and _LOCANT.fullmatch(doc[start - 2].text)):  # fmt: skip
        start -= 2
    return doc[start : long_form.end]


def _leading_short_forms(inside: list[tuple[int, int, int]], doc: Doc) -> list[tuple[Span, Span]]:
    """(long form candidate, short form) for a short form that opens a parenthesis with more after a semicolon,
    comma or colon ("X-linked hypophosphatemic rickets (XLH; OMIM 307800)", "(DEN: 10 mg/kg)"), which scispaCy reads as
    a long form in parentheses; only a short form written like one ("XLH", "CsA"), not "(range, 3.1-3.8)"."""
    found = []
    for _, start, end in inside:
        stop = next((i for i in range(start + 1, min(end, start + _MAX_SHORT_FORM_TOKENS + 1)) if doc[i].text in ";,:"), None)
        text = doc[start:stop].text if stop is not None else ""
        if stop is not None and is_acronym_like(text) and " " not in text and text[0].isalpha():
            found.append((_long_form_window(doc, start, text), doc[start:stop]))
    return found


def _hyphenated_short_forms(inside: list[tuple[int, int, int]], doc: Doc) -> list[tuple[Span, Span]]:
    """(long form candidate, short form) for parenthesised words with a hyphen or slash ("(allo-HSCT)", "(UC-MSCs)").

    scispaCy's filter wants every token of a short form to have two characters or more,
    which the tokens "-" and "/" never have; here the short form is judged as one word.
    """
    found = []
    for _, start, end in inside:
        short = doc[start:end]
        text = short.text
        if not (1 < len(short) <= 5 and " " not in text and any(t.text in ("-", "/") for t in short)):
            continue
        if 2 <= len(text) < 16 and text[0].isalpha() and sum(map(str.isalpha, text)) >= len(text) / 2:
            found.append((_long_form_window(doc, start, text), short))
    return found


def _long_form_window(doc: Doc, start: int, short: str) -> Span:
    """The words before the parenthesis opening at token ``start - 1`` where the long form of ``short`` may
    be: as many as scispaCy looks back, ``min(len + 5, len * 2)`` for a short form of ``len`` characters."""
    max_words = min(len(short) + 5, len(short) * 2)
    return doc[max(start - max_words - 1, 0) : start - 1]


@dataclass(frozen=True)
class Abbreviation:
    """One occurrence of a short form: token offsets and the long form it stands for."""

    start: int
    end: int
    short: str
    long: str
    #: token offsets of the defining long form in the document
    long_start: int
    long_end: int


class Abbreviations:
    """The short-form occurrences of a document, by start token, in the order of the text.

    Works with the Span and the serializable (dict) output of scispaCy's detector,
    and with documents that have no abbreviation detector at all.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy joins the tokens again at every ``doc.text``
        definitions: dict[str, tuple[str, int, int]] = {}
        occurrences: dict[int, Abbreviation] = {}
        found = doc._.abbreviations if Doc.has_extension("abbreviations") else []
        for item in sorted(found, key=_position):  # scispaCy's detector lists them in an arbitrary order
            if isinstance(item, dict):
                start, end, short = item["short_start"], item["short_end"], item["short_text"]
                definition = (item["long_text"], item["long_start"], item["long_end"])
            else:
                long_form = item._.long_form
                start, end, short = item.start, item.end, item.text
                definition = (long_form.text, long_form.start, long_form.end)
            definitions.setdefault(short, definition)
            occurrences[start] = Abbreviation(start, end, short, *definitions[short])
        # The other number of a one-token short form: "MSC" for "MSCs" and the reverse.
        variants = {_other_number(short): short for short in definitions if _other_number(short)}
        for token in doc if variants else ():
            short = variants.get(token.text)
            if short is not None and token.i not in occurrences and token.text not in definitions:
                occurrences[token.i] = Abbreviation(token.i, token.i + 1, token.text, *definitions[short])
        self.definitions = definitions
        self.by_start = dict(sorted(occurrences.items()))

    def __len__(self) -> int:
        return len(self.by_start)

    def expand(self, start: int, end: int) -> str:
        """The text of tokens ``start:end`` with every short form inside replaced by its long form."""
        doc, pieces = self.doc, []
        cursor = i = start
        while i < end and self.by_start:
            occurrence = self.by_start.get(i)
            if occurrence is not None and occurrence.end <= end:
                pieces.append(self._text(cursor, i, with_space=True))
                pieces.append(self._expanded_long(occurrence.long))
                pieces.append(doc[occurrence.end - 1].whitespace_ if occurrence.end < end else "")
                cursor = i = occurrence.end
            else:
                i += 1
        pieces.append(self._text(cursor, end))
        return "".join(pieces)

    def expand_span(self, span: Span) -> str:
        return self.expand(span.start, span.end)

    def definition_of(self, start: int, end: int) -> tuple[int, int] | None:
        """The token bounds of the long form that tokens ``start:end`` stand for or end: a short-form occurrence
        ("PRCA"), the long form itself or its last words ("[red cell aplasia] (PRCA)"); None for other text."""
        occurrence = self.by_start.get(start)
        if occurrence is not None and occurrence.end == end:
            return occurrence.long_start, occurrence.long_end
        long_form = self._long_forms.get(end)
        return long_form if long_form is not None and long_form[0] <= start else None

    @cached_property
    def _long_forms(self) -> dict[int, tuple[int, int]]:
        """End token -> bounds of the document's long forms."""
        return {long_end: (long_start, long_end) for _, long_start, long_end in self.definitions.values()}

    def is_undefined_short_form(self, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` are one short form ("SD", "MAP") that the document does not define.

        Such a short form names a concept only by that concept's label ("HIV"): each paper defines
        its own, and "mean +/- SD" is no sexual dysfunction.
        """
        text = self.doc[start].text
        single = end - start == 1 and start not in self.by_start
        return single and len(text) <= _UNDEFINED_SHORT_FORM_LENGTH and is_acronym_like(text)

    def _text(self, start: int, end: int, with_space: bool = False) -> str:
        """The text of tokens ``start:end`` (``Span.text``, or ``text_with_ws``), sliced from the document's
        text rather than joined token by token."""
        if start >= end:
            return ""
        span = self.doc[start:end]
        stop = span.end_char + (len(self.doc[end - 1].whitespace_) if with_space else 0)
        return self.text[span.start_char : stop]

    def _expanded_long(self, long: str) -> str:
        """A long form with the short forms it contains spelled out: "umbilical cord MSCs" -> "... mesenchymal stem cells"."""
        words = long.split(" ")
        return " ".join(self.definitions[w][0] if w in self.definitions and self.definitions[w][0] != long else w for w in words)


def _other_number(short: str) -> str | None:
    if " " in short or len(short) < 3 or not any(c.isupper() for c in short):
        return None
    return short[:-1] if short.endswith("s") else short + "s"
