"""The hybrid policy: merging NER and dictionary entities, and tying short forms to long forms."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from entitylink.pipeline.abbreviations import Abbreviations
from entitylink.pipeline.merge_policies import (
    MERGE_POLICIES,
    merge_entities,
    tie_abbreviations,
)


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}})
    nlp.add_pipe("entitylink_abbreviations")
    return nlp


def spans(doc: Doc, *items: tuple[int, int, str]) -> list[Span]:
    return [Span(doc, start, end, label=label) for start, end, label in items]


def as_tuples(found: list[Span]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in found]


@pytest.fixture
def doc(blank) -> Doc:
    # 0 Hepatic 1 copper 2 accumulation 3 in 4 Wilson 5 disease 6 and 7 cats 8 .
    return blank.make_doc("Hepatic copper accumulation in Wilson disease and cats.")


def test_ner_policy_keeps_ner_spans_and_fills_gaps(doc):
    ner = spans(doc, (0, 3, "DISEASE"), (4, 5, "DISEASE"))
    dictionary = spans(doc, (1, 2, "THERAPY"), (4, 6, "DISEASE"), (7, 8, "SPECIES"))
    assert as_tuples(merge_entities(ner, dictionary, "ner")) == [(0, 3, "DISEASE"), (4, 5, "DISEASE"), (7, 8, "SPECIES")]


def test_dictionary_policy_prefers_dictionary_spans(doc):
    ner = spans(doc, (0, 3, "DISEASE"), (4, 5, "DISEASE"))
    dictionary = spans(doc, (1, 2, "THERAPY"), (4, 6, "DISEASE"))
    assert as_tuples(merge_entities(ner, dictionary, "dictionary")) == [(1, 2, "THERAPY"), (4, 6, "DISEASE")]


def test_longest_policy_keeps_longest_and_ner_on_ties(doc):
    ner = spans(doc, (0, 3, "DISEASE"), (4, 5, "DISEASE"), (7, 8, "SPECIES"))
    dictionary = spans(doc, (1, 2, "THERAPY"), (4, 6, "DISEASE"), (7, 8, "DISEASE"))
    assert as_tuples(merge_entities(ner, dictionary, "longest")) == [(0, 3, "DISEASE"), (4, 6, "DISEASE"), (7, 8, "SPECIES")]
    assert merge_entities(ner, dictionary) == merge_entities(ner, dictionary, "longest")  # the default


def test_merge_without_ner_is_the_dictionary(doc):
    dictionary = spans(doc, (4, 6, "DISEASE"), (7, 8, "SPECIES"))
    for policy in MERGE_POLICIES:
        assert as_tuples(merge_entities([], dictionary, policy)) == [(4, 6, "DISEASE"), (7, 8, "SPECIES")]


def test_unknown_policy_is_named(doc):
    with pytest.raises(ValueError, match="'union'"):
        merge_entities([], [], "union")


def test_short_forms_take_the_label_of_their_long_form(blank):
    doc = blank("Patients with acute myeloid leukemia (AML) were followed. AML relapsed in two.")
    long_start = 2
    entities = spans(doc, (long_start, long_start + 3, "DISEASE"))
    tied = tie_abbreviations(doc, entities, Abbreviations(doc))
    assert [(s.text, s.label_) for s in tied] == [("acute myeloid leukemia", "DISEASE"), ("AML", "DISEASE"), ("AML", "DISEASE")]


def test_long_form_takes_the_label_of_a_tagged_short_form(blank):
    doc = blank("Patients with acute myeloid leukemia (AML) were followed.")
    short = next(t.i for t in doc if t.text == "AML")
    tied = tie_abbreviations(doc, spans(doc, (short, short + 1, "DISEASE")), Abbreviations(doc))
    assert [(s.text, s.label_) for s in tied] == [("acute myeloid leukemia", "DISEASE"), ("AML", "DISEASE")]


def test_tie_abbreviations_leaves_documents_without_definitions(doc):
    entities = spans(doc, (4, 6, "DISEASE"))
    assert tie_abbreviations(doc, entities, Abbreviations(doc)) == entities


def test_a_short_form_tagged_with_another_label_takes_its_long_forms(blank):
    doc = blank("Patients with acute myeloid leukemia (AML) were followed. AML relapsed in two.")
    shorts = [t.i for t in doc if t.text == "AML"]
    entities = spans(doc, (2, 5, "DISEASE"), (shorts[0], shorts[0] + 1, "THERAPY"), (shorts[1], shorts[1] + 1, "THERAPY"))
    tied = tie_abbreviations(doc, entities, Abbreviations(doc))
    assert [(s.text, s.label_) for s in tied] == [("acute myeloid leukemia", "DISEASE"), ("AML", "DISEASE"), ("AML", "DISEASE")]


def test_an_unnamed_ner_span_over_another_label_gives_way_to_the_dictionary(doc):
    # "Hepatic copper accumulation": the NER's DISEASE over the dictionary's THERAPY "copper"
    ner = spans(doc, (0, 3, "DISEASE"), (4, 6, "DISEASE"))
    dictionary = spans(doc, (1, 2, "THERAPY"), (5, 6, "DISEASE"))
    unnamed = lambda span: span.start != 0  # noqa: E731
    assert as_tuples(merge_entities(ner, dictionary, "longest", unnamed)) == [(1, 2, "THERAPY"), (4, 6, "DISEASE")]
    named = lambda span: True  # noqa: E731
    assert as_tuples(merge_entities(ner, dictionary, "longest", named)) == [(0, 3, "DISEASE"), (4, 6, "DISEASE")]


PG_TEXT = "The peptidoglycan (PG) layer. PG binds FimV. Bound PG is cut. PG pulldown."


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (("THERAPY", "DISEASE", "DISEASE"), "DISEASE"),  # the label most short forms have
        (("DISEASE", "THERAPY", "THERAPY"), "THERAPY"),
        ((None, "THERAPY", "DISEASE"), "THERAPY"),  # a tie: the first tagged one in the text
        ((None, "DISEASE", "THERAPY"), "DISEASE"),
    ],
)
def test_short_forms_that_disagree_take_one_label_whatever_the_detector_order(blank, labels, expected):
    doc = blank(PG_TEXT)
    shorts = [t.i for t in doc if t.text == "PG"][1:]  # after the definition's "(PG)"
    entities = spans(doc, *((i, i + 1, label) for i, label in zip(shorts, labels) if label))
    tied = []
    for order in (list, reversed, lambda found: found[1:] + found[:1]):
        doc._.abbreviations = list(order(doc._.abbreviations))
        tied.append([(s.text, s.label_) for s in tie_abbreviations(doc, entities, Abbreviations(doc))])
    assert tied[0] == [("peptidoglycan", expected)] + [("PG", expected)] * 4
    assert tied[1] == tied[0] and tied[2] == tied[0]
