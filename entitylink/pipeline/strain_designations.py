"""Strain designations: the codes that name a strain ("strain 15-Je-017", "=DSM 45357"), as organisms.

Microbiology abstracts name a strain by a code after "strain" or "isolate" and list the culture
collections that hold it ("the type strain is 0533(T) (=CGMCC 1.8704(T) =JCM 16398(T))"). Each such
code, and one right after a species' Latin name ("Jiangella alba YIM 61503"), becomes, wherever the
document writes it, a SPECIES entity of the species the document names nearest before one of its
mentions, in the same sentence if it can (else the first named after it), as S1000 annotates strains.
The linker adds them (``strain_designations``); in a document that names no species, codes stay
untagged.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from entitylink.labels import SPECIES
from entitylink.linking.grounder import HUMAN, WRITTEN_BINOMIAL, Candidate

__all__ = ["strain_designations"]

#: Words a strain's code follows ("strain 0533", "isolates B4 and B28").
_TRIGGERS = frozenset({"strain", "strains", "isolate", "isolates"})
#: Words between a trigger and the code ("strain, designated 0533", "the type strain is 0533").
_LINKING_WORDS = frozenset({",", "designated", "is"})
#: What introduces a culture collection's number ("(=DSM 45357 =CCM 7680)").
_EQUALS = frozenset({"=", "(="})
#: A culture collection's acronym (DSM, JCM, NBRC, CGMCC), before its number.
_COLLECTION = re.compile(r"[A-Z]{2,6}")
#: An abbreviated binomial ("V. paradoxus"), after which a code may follow as after a binomial.
_ABBREVIATED = re.compile(r"[A-Z][a-z]?\. [a-z]{3,}")
#: A token that can be part of a code ("15", "-", "Je", "1.8704").
_CODE_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*|[-._]")
#: The ranks a strain belongs to: a species or a taxon below one.
_STRAIN_HOSTS = frozenset({"species", "subspecies", "strain", "varietas", "serotype", "serogroup", "isolate"})

#: entities and their candidates (none for an entity nothing links)
_Pairs = list[tuple[Span, tuple[Candidate, ...]]]


def strain_designations(doc: Doc, linked: _Pairs) -> _Pairs:
    """``linked`` (entities and their candidates, nothing found for some) with the strain codes of ``doc``
    paired with their species' candidate (kind ``strain``): codes no entity covers are added, and an entity
    nothing linked that is a code takes it."""
    species = sorted(((span, found[0]) for span, found in linked if found and _hosts_strains(span, found[0])),
                     key=lambda pair: pair[0].start)  # fmt: skip
    if not species:
        return linked
    unlinked = {(span.start, span.end) for span, found in linked if not found and span.label_ == SPECIES}
    taken = {i for span, _ in linked for i in range(span.start, span.end)}
    latin = [span for span, _ in species if WRITTEN_BINOMIAL.fullmatch(span.text) or _ABBREVIATED.fullmatch(span.text)]
    codes = {doc[start:end].text for start, end in _introduced_codes(doc, latin)}
    if not codes:
        return linked
    occurrences: dict[str, list[tuple[int, int]]] = {}
    for start, end in _code_runs(doc):
        text = doc[start:end].text
        if text in codes and ((start, end) in unlinked or taken.isdisjoint(range(start, end))):
            occurrences.setdefault(text, []).append((start, end))
    paired = _respectively(doc, occurrences, species)
    strains: dict[tuple[int, int], tuple[Candidate, ...]] = {}
    for text, places in occurrences.items():
        host = paired.get(text) or _nearest_species(places, species)
        strains.update(dict.fromkeys(places, (dataclasses.replace(host, matched=text, kind="strain"),)))
    kept = [(span, found) for span, found in linked if (span.start, span.end) not in strains]
    return kept + [(Span(doc, start, end, label=SPECIES), found) for (start, end), found in strains.items()]


def _hosts_strains(span: Span, candidate: Candidate) -> bool:
    """Whether an entity names a species (or a taxon below one) a strain may belong to; not Homo sapiens, nor
    a code the linking priors know ("Mic5c12"): a code is a strain, not the species nearest to another."""
    code = candidate.kind == "prior" and _code_at(span.doc, span.start) == (span.start, span.end)
    return span.label_ == SPECIES and candidate.rank in _STRAIN_HOSTS and candidate.curie != HUMAN and not code


def _introduced_codes(doc: Doc, species: list[Span]) -> Iterator[tuple[int, int]]:
    """(start, end) of each code the text introduces: after a trigger word (and the codes coordinated with
    it: "strains B4 and B28") or a Latin name of a species (``species``: "Jiangella alba YIM 61503"), or a
    culture collection's after "="."""
    after_triggers = (_after_linking_words(doc, token.i + 1) for token in doc if token.lower_ in _TRIGGERS)
    for i in [*after_triggers, *(span.end for span in species)]:
        while (code := _code_at(doc, i)) is not None:
            yield code
            i = code[1] + (1 if code[1] < len(doc) and doc[code[1]].text == "(T)" else 0)
            if i + 1 >= len(doc) or doc[i].lower_ not in ("and", "or", ","):
                break
            i += 1
    for token in doc:
        if token.text in _EQUALS and token.i + 1 < len(doc) and _COLLECTION.fullmatch(doc[token.i + 1].text):
            code = _code_at(doc, token.i + 1)
            if code is not None:
                yield code


def _after_linking_words(doc: Doc, i: int) -> int:
    """The first token from ``i`` on that is no linking word (:data:`_LINKING_WORDS`)."""
    while i < len(doc) and doc[i].lower_ in _LINKING_WORDS:
        i += 1
    return i


def _code_at(doc: Doc, start: int) -> tuple[int, int] | None:
    """(start, end) of the code that begins at token ``start``, or None: a run of letters, digits, dots and
    hyphens without spaces (a collection's acronym may stand apart: "DSM 45357") that starts with a capital or
    a digit and has a digit in it, of two characters or more, and of three if it is all digits."""
    first = doc[start].text[:1] if start < len(doc) else ""
    if not (first.isupper() or first.isdigit()) or not _CODE_PART.fullmatch(doc[start].text):
        return None
    end = start + 1
    spaced = bool(
        _COLLECTION.fullmatch(doc[start].text) and doc[start].whitespace_ and end < len(doc) and doc[end].text[:1].isdigit()
    )
    while end < len(doc) and (spaced or not doc[end - 1].whitespace_) and _CODE_PART.fullmatch(doc[end].text):
        spaced = False
        end += 1
    while end > start and doc[end - 1].text in ("-", ".", "_"):
        end -= 1
    text = doc[start:end].text
    if not any(c.isdigit() for c in text) or len(text) < 2 or (text.isdigit() and len(text) < 3) or "." in text[:1]:
        return None
    return start, end


def _code_runs(doc: Doc) -> Iterator[tuple[int, int]]:
    """Every place a code could be written: (start, end) of each maximal run that :func:`_code_at` accepts."""
    i = 0
    while i < len(doc):
        code = _code_at(doc, i) if i == 0 or doc[i - 1].whitespace_ or not _CODE_PART.fullmatch(doc[i - 1].text) else None
        if code is None:
            i += 1
            continue
        yield code
        i = code[1]


def _respectively(
    doc: Doc, occurrences: dict[str, list[tuple[int, int]]], species: list[tuple[Span, Candidate]]
) -> dict[str, Candidate]:
    """Codes paired in order with the species their sentence names before them, when the sentence says
    "respectively": "X sp. nov. and Y sp. nov., with type strains A (=DSM 1) and B (=DSM 2), respectively"
    gives A and DSM 1 to X, B and DSM 2 to Y. A code after "=" joins the group of the code before it."""
    paired: dict[str, Candidate] = {}
    if not doc.has_annotation("SENT_START"):
        return paired
    places = sorted((start, text) for text, found in occurrences.items() for start, _ in found)
    for sentence in {doc[start].sent for start, _ in places}:
        if not any(token.lower_ == "respectively" for token in sentence):
            continue
        groups: list[list[str]] = []
        for start, text in places:
            if sentence.start <= start < sentence.end:
                if groups and start > 0 and doc[start - 1].text in _EQUALS:
                    groups[-1].append(text)
                else:
                    groups.append([text])
        first = min(start for start, _ in places if sentence.start <= start < sentence.end)
        named = list({c.curie: c for span, c in species if sentence.start <= span.start and span.end <= first}.values())
        if len(named) == len(groups) > 1:
            paired.update({text: host for group, host in zip(groups, named) for text in group})
    return paired


def _nearest_species(places: list[tuple[int, int]], species: list[tuple[Span, Candidate]]) -> Candidate:
    """The species named nearest before one of ``places`` in its sentence ("Jiangella muralis sp. nov., with
    type strain 15-Je-017"), else nearest before one anywhere, else the first named after them all.
    ``species`` come in text order (they do not overlap): the nearest before a place is found by bisection."""
    doc = species[0][0].doc
    sentences = doc.has_annotation("SENT_START")
    ends = [span.end for span, _ in species]
    # (named in an earlier sentence, words between, species): the smallest is the nearest in the same sentence
    before = []
    for start, _ in places:
        nearest = bisect_right(ends, start) - 1
        if nearest >= 0:
            span, candidate = species[nearest]
            before.append(((doc[start].sent.start if sentences else 0) > span.start, start - span.end, candidate))
    if before:
        return min(before, key=lambda found: found[:2])[2]
    return species[0][1]
