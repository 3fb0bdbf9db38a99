"""The hybrid policies: merging the trained NER's entities with the dictionary's.

The NER (spaCy's, trained on the gold corpora) finds the variants no ontology spells
("hepatic copper accumulation") and follows the corpora's span conventions; the
dictionary finds rare names the corpora never showed and the labels the corpora do
not annotate (procedures, cell therapies, "patients"). :func:`merge_entities` keeps,
of each group of overlapping spans, the one the policy prefers:

- ``"longest"`` (the pipeline's default): the longest span, the NER's on a tie, except
  that an NER span no ontology name or coordination of names matches and that overlaps
  a dictionary match of another label ("PRCA after allo-HSCT") gives way to the
  dictionary's matches; on the dev splits this gave the best mention F1 on average of
  the three (docs/benchmarks.md);
- ``"ner"``: the NER's span; dictionary spans fill the text the NER left untagged;
- ``"dictionary"``: the dictionary's span; NER spans fill the rest.

Each is registered in spaCy's ``registry.misc`` as ``entitylink.merge.<name>.v1``, so a
config can name one (``merge = {"@misc": "entitylink.merge.ner.v1"}``) or register its own.

:func:`tie_abbreviations` (run by the linker, whichever recognizers ran) gives every occurrence of a short form the label of
its long form when the long form is an entity (tagging or relabelling it), and the
reverse, as the abbreviation detector pairs them ("acute myeloid leukemia (AML)"); short
forms tagged with different labels under an untagged long form all take the label most of
them have, the earliest one's on a tie.

Every rule here depends on the document alone: spans are compared by their bounds and
labels, ties go to a fixed side (the NER's, or the earlier span in the text), never to the
order of a set, so a document gets the same entities in any batch, process or run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from entitylink.pipeline.abbreviations import Abbreviations

__all__ = ["MERGE_POLICIES", "MergePolicy", "merge_entities", "merge_policy", "tie_abbreviations"]

#: A policy: (NER spans, dictionary spans, whether an NER span names a concept) -> non-overlapping spans.
MergePolicy = Callable[[Sequence[Span], Sequence[Span], Callable[[Span], bool] | None], list[Span]]
#: The policies registered below, by the name ``merge=`` takes.
MERGE_POLICIES = ("longest", "ner", "dictionary")


def _registry_name(name: str) -> str:
    return f"entitylink.merge.{name}.v1"


def merge_policy(policy: str | MergePolicy) -> MergePolicy:
    """A policy by name (``"longest"``, ``"ner"``, ``"dictionary"``: spaCy's ``entitylink.merge.<name>.v1``
    in ``registry.misc``), or the callable itself."""
    if callable(policy):
        return policy
    if policy not in MERGE_POLICIES:
        raise ValueError(f"merge policy {policy!r}: choose one of {list(MERGE_POLICIES)}")
    factory: Callable[[], MergePolicy] = registry.misc.get(_registry_name(policy))
    return factory()


def merge_entities(ner: Sequence[Span], dictionary: Sequence[Span], policy: str | MergePolicy = "longest",
                   named: Callable[[Span], bool] | None = None) -> list[Span]:  # fmt: skip
    """Non-overlapping entities from the NER's and the dictionary's, by ``policy`` (see the module).

    ``named`` tells whether an NER span names a concept: with ``"longest"``, one that does
    not and overlaps a dictionary match of another label ("PRCA after allo-HSCT", a
    disease and a therapy) gives way to the dictionary's matches.
    """
    return merge_policy(policy)(ner, dictionary, named)


def _longest(ner: Sequence[Span], dictionary: Sequence[Span], named: Callable[[Span], bool] | None) -> list[Span]:
    if named is not None:
        labels_at = _labels_by_token(dictionary)
        ner = [s for s in ner if named(s) or not _overlaps_other_label(s, labels_at)]
    return filter_spans([*ner, *dictionary])


def _first_then_second(first: Sequence[Span], second: Sequence[Span]) -> list[Span]:
    kept = filter_spans(first)
    taken = _tokens(kept)
    return sorted(kept + [s for s in filter_spans(second) if taken.isdisjoint(range(s.start, s.end))], key=lambda s: s.start)


@registry.misc(_registry_name("longest"))
def longest_span_policy() -> MergePolicy:
    """The longest span wins, the NER's on a tie; an unnamed NER span gives way to other labels."""
    return _longest


@registry.misc(_registry_name("ner"))
def ner_first_policy() -> MergePolicy:
    """The NER's spans win; the dictionary's fill the text the NER left untagged."""
    return lambda ner, dictionary, named: _first_then_second(ner, dictionary)


@registry.misc(_registry_name("dictionary"))
def dictionary_first_policy() -> MergePolicy:
    """The dictionary's spans win; the NER's fill the rest."""
    return lambda ner, dictionary, named: _first_then_second(dictionary, ner)


def tie_abbreviations(doc: Doc, entities: Sequence[Span], abbreviations: Abbreviations) -> list[Span]:
    """``entities`` plus the untagged occurrences of short forms whose long form is an entity (or ends in one),
    and the untagged long forms of short forms that are entities; a short form tagged with another
    label than its long form takes the long form's. When the long form is no entity and its tagged
    short forms disagree (the NER's "PG" a THERAPY here and a DISEASE there), the long form and every
    short form take the label most of them have, the first one's in the text on a tie."""
    if not abbreviations.definitions:
        return list(entities)
    by_end = {span.end: span for span in entities}
    by_bounds = {(span.start, span.end): span for span in entities}
    label_of: dict[tuple[int, int], str] = {}  # long form bounds -> label
    for _, long_start, long_end in abbreviations.definitions.values():
        head = by_end.get(long_end)
        if head is not None and head.start >= long_start:
            label_of[long_start, long_end] = head.label_
    for bounds, voted in _short_form_labels(abbreviations, by_bounds).items():
        label_of.setdefault(bounds, voted)
    relabeled = []
    for span in entities:
        short = abbreviations.by_start.get(span.start)
        label = label_of.get((short.long_start, short.long_end)) if short and short.end == span.end else None
        relabeled.append(Span(doc, span.start, span.end, label=label) if label and label != span.label_ else span)
    entities = relabeled
    taken = _tokens(entities)
    added = [
        Span(doc, start, end, label=label) for (start, end), label in label_of.items() if taken.isdisjoint(range(start, end))
    ]
    for occurrence in abbreviations.by_start.values():
        label = label_of.get((occurrence.long_start, occurrence.long_end))
        if label is not None and taken.isdisjoint(range(occurrence.start, occurrence.end)):
            added.append(Span(doc, occurrence.start, occurrence.end, label=label))
    return filter_spans([*entities, *added])


def _short_form_labels(abbreviations: Abbreviations, by_bounds: dict[tuple[int, int], Span]) -> dict[tuple[int, int], str]:
    """Long form bounds -> the label most of its tagged short forms have, the earliest in the text on a tie."""
    votes: dict[tuple[int, int], Counter[str]] = {}
    for occurrence in abbreviations.by_start.values():  # in the order of the text
        tagged = by_bounds.get((occurrence.start, occurrence.end))
        if tagged is not None:
            votes.setdefault((occurrence.long_start, occurrence.long_end), Counter())[tagged.label_] += 1
    return {bounds: max(counts, key=counts.__getitem__) for bounds, counts in votes.items()}  # max: the first of equals


def _labels_by_token(spans: Iterable[Span]) -> dict[int, set[str]]:
    """The labels of the spans covering each token (an index: checking a span's overlaps is then linear)."""
    labels: dict[int, set[str]] = {}
    for span in spans:
        for i in range(span.start, span.end):
            labels.setdefault(i, set()).add(span.label_)
    return labels


def _overlaps_other_label(span: Span, labels_at: dict[int, set[str]]) -> bool:
    return any(labels_at.get(i, set()) - {span.label_} for i in range(span.start, span.end))


def _tokens(spans: Iterable[Span]) -> set[int]:
    return {i for span in spans for i in range(span.start, span.end)}
