"""Local abbreviations (entitylink.abbreviation): definitions, occurrences, singular and plural short
forms, expansion, and both outputs of scispaCy's detector (and no detector at all)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from entitylink.pipeline.abbreviations import Abbreviation, Abbreviations

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "abstracts"
TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}
TEXT = "Mesenchymal stromal cells (MSCs) were infused. One MSC infusion and more MSCs. Pure red cell aplasia (PRCA) occurred; PRCA resolved."
EXPANDED = ("Mesenchymal stromal cells (Mesenchymal stromal cells) were infused. One Mesenchymal stromal cells infusion "
            "and more Mesenchymal stromal cells. Pure red cell aplasia (Pure red cell aplasia) occurred; "
            "Pure red cell aplasia resolved.")  # fmt: skip


def token_index(doc, text, nth=0):
    return [token.i for token in doc if token.text == text][nth]


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


@pytest.fixture(scope="module")
def span_detector():
    """A small pipeline whose detector keeps scispaCy's Span output (not serializable)."""
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("abbreviation_detector", config={"make_serializable": False})
    return nlp


def test_definitions(doc):
    abbreviations = Abbreviations(doc)
    assert abbreviations.definitions == {
        "MSCs": ("Mesenchymal stromal cells", 0, 3),
        "PRCA": ("Pure red cell aplasia", 16, 20),
    }


def test_occurrences(doc):
    abbreviations = Abbreviations(doc)
    starts = {token.i for token in doc if token.text in {"MSCs", "MSC", "PRCA"}}
    assert set(abbreviations.by_start) == starts
    assert len(abbreviations) == 5
    prca = abbreviations.by_start[token_index(doc, "PRCA", 1)]
    assert prca == Abbreviation(prca.start, prca.start + 1, "PRCA", "Pure red cell aplasia", 16, 20)


def test_definition_of_a_short_form_a_long_form_and_its_last_words(doc):
    abbreviations = Abbreviations(doc)
    prca = token_index(doc, "PRCA", 1)
    assert abbreviations.definition_of(prca, prca + 1) == (16, 20)  # a later short form
    assert abbreviations.definition_of(token_index(doc, "MSC"), token_index(doc, "MSC") + 1) == (0, 3)  # its singular
    assert abbreviations.definition_of(16, 20) == abbreviations.definition_of(18, 20) == (16, 20)  # "[cell aplasia] (PRCA)"
    assert abbreviations.definition_of(15, 20) is None  # starts before the long form
    assert abbreviations.definition_of(16, 19) is None  # "Pure red cell"
    assert abbreviations.definition_of(prca, prca + 2) is None  # more than the short form


def test_singular_short_form_of_a_plural_definition(doc):
    abbreviations = Abbreviations(doc)
    msc = abbreviations.by_start[token_index(doc, "MSC")]
    assert msc.short == "MSC"
    assert msc.long == "Mesenchymal stromal cells"
    assert "MSC" not in abbreviations.definitions


def test_plural_short_form_of_a_singular_definition(nlp):
    doc = nlp("Mesenchymal stem cell (MSC) therapy was used. The MSCs engrafted.")
    abbreviations = Abbreviations(doc)
    assert set(abbreviations.definitions) == {"MSC"}
    msc_plural = abbreviations.by_start[token_index(doc, "MSCs")]
    assert msc_plural.long == "Mesenchymal stem cell"
    assert abbreviations.expand(msc_plural.start, msc_plural.end) == "Mesenchymal stem cell"


def test_expand_whole_doc(doc):
    assert Abbreviations(doc).expand(0, len(doc)) == EXPANDED


def test_expand_parts(doc):
    abbreviations = Abbreviations(doc)
    one = token_index(doc, "One")
    assert abbreviations.expand(one, one + 3) == "One Mesenchymal stromal cells infusion"
    assert abbreviations.expand(0, 3) == "Mesenchymal stromal cells"
    assert abbreviations.expand(one, one) == ""
    assert abbreviations.expand_span(doc[one : one + 2]) == "One Mesenchymal stromal cells"


def test_expand_adjacent_short_forms(nlp):
    doc = nlp("Umbilical cord blood (UCB) was given. UCB/UCB-MNC were infused.")
    abbreviations = Abbreviations(doc)
    assert "UCB" in abbreviations.definitions
    first = token_index(doc, "UCB", 1)
    assert abbreviations.expand(first, first + 3) == "Umbilical cord blood/Umbilical cord blood"


def test_text_without_definitions(nlp):
    doc = nlp("Patients with anemia were treated with doxorubicin.")
    abbreviations = Abbreviations(doc)
    assert len(abbreviations) == 0
    assert abbreviations.definitions == {}
    assert abbreviations.expand(0, len(doc)) == doc.text


def test_doc_without_detector():
    nlp = spacy.blank("en", config=TOKENIZER)
    doc = nlp("Pure red cell aplasia (PRCA) occurred; PRCA resolved.")
    abbreviations = Abbreviations(doc)
    assert len(abbreviations) == 0
    assert abbreviations.expand(0, len(doc)) == doc.text


def test_span_output_of_the_detector(doc, span_detector):
    span_doc = span_detector(TEXT)
    assert span_doc._.abbreviations and not isinstance(span_doc._.abbreviations[0], dict)
    from_spans = Abbreviations(span_doc)
    from_dicts = Abbreviations(doc)
    assert from_spans.definitions == from_dicts.definitions
    assert from_spans.by_start == from_dicts.by_start
    assert from_spans.expand(0, len(span_doc)) == EXPANDED


def test_dictionary_uses_span_output():
    nlp = spacy.blank("en", config=TOKENIZER)
    nlp.add_pipe("abbreviation_detector", config={"make_serializable": False})
    nlp.add_pipe("entitylink_dictionary")
    nlp.add_pipe("entitylink_linker")
    doc = nlp("Pure red cell aplasia (PRCA) occurred; PRCA resolved.")
    assert [(ent.text, ent._.kb_id) for ent in doc.ents] == [
        ("Pure red cell aplasia", "MONDO:0001705"),
        ("PRCA", "MONDO:0001705"),
        ("PRCA", "MONDO:0001705"),
    ]


def test_bounded_detector_finds_hyphenated_short_forms(nlp):
    """The biomedical tokenizer splits "allo-HSCT"; the detector still sees one short form."""
    doc = nlp(
        "Pure red cell aplasia occurs after allogeneic hematopoietic stem cell transplantation (allo-HSCT). "
        "After allo-HSCT, umbilical cord MSCs (UC-MSCs) were given."
    )
    found = {(a["short_text"], a["long_text"]) for a in doc._.abbreviations}
    assert ("allo-HSCT", "allogeneic hematopoietic stem cell transplantation") in found
    assert ("UC-MSCs", "umbilical cord MSCs") in found


def test_bounded_detector_finds_short_forms_in_square_brackets(nlp):
    doc = nlp("The betaherpesvirus human cytomegalovirus [HCMV] stimulates eIF4F. Only HCMV replication raises PABP [12].")
    found = [(a["short_text"], a["long_text"], a["short_start"]) for a in doc._.abbreviations]
    assert [(short, long) for short, long, _ in found] == [("HCMV", "human cytomegalovirus")] * 2
    assert [doc[start].text for _, _, start in found] == ["HCMV", "HCMV"]


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("Cells were treated with 13-cis-retinoic acid (cis-RA) daily.", "cis-RA", "13-cis-retinoic acid"),
        ("Livers of rats given 3-methylcholanthrene (MC) were cut.", "MC", "3-methylcholanthrene"),
        ("Hepatic N-nitrosodimethylamine demethylase (NDMA-d) rose.", "NDMA-d", "N-nitrosodimethylamine demethylase"),
        ("Rats were given alpha-tocopherol acetate (TAc) daily.", "TAc", "alpha-tocopherol acetate"),
        ("Cells with IFN-g-yellow fluorescent protein (YFP) glowed.", "YFP", "yellow fluorescent protein"),
        ("Sera with anti-cytomegalovirus (CMV) antibodies were kept.", "CMV", "cytomegalovirus"),
    ],
)
def test_long_form_starts_with_the_locants_of_its_first_word(nlp, text, short, long):
    """Schwartz & Hearst start a long form at the letter matching the short form's first; a chemical's
    locant or stereo prefix before it belongs to the name, other hyphenated words ("anti-", "IFN-g-") do not."""
    found = {(a["short_text"], a["long_text"]) for a in nlp(text)._.abbreviations}
    assert found == {(short, long)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A cause of X-linked hypophosphatemic rickets (XLH; OMIM 307800). XLH is rare.",
         {("XLH", "X-linked hypophosphatemic rickets")}),
        ("Rats were given cyclosporine A (CsA; 50 mg/kg) daily.", {("CsA", "cyclosporine A")}),
        ("It is given with diethylnitrosamine (DEN: 10 mg/kg/day). DEN alone.", {("DEN", "diethylnitrosamine")}),
        ("Follow-up lasted long (range: 154-1433 days).", set()),
        ("Follow-up lasted long (range, 154-1433 days).", set()),
        ("Patients with myelodysplastic syndrome (n = 17; MDS) were seen.", set()),
    ],
)  # fmt: skip
def test_short_form_may_open_a_parenthesis_with_more_after_a_semicolon_comma_or_colon(nlp, text, expected):
    """scispaCy reads "(XLH; OMIM 307800)" as a long form in parentheses; the short form before the
    semicolon, comma or colon is defined, when it is written like one (not "range")."""
    assert {(a["short_text"], a["long_text"]) for a in nlp(text)._.abbreviations} == expected


def test_bounded_detector_matches_scispacy_on_abstracts(nlp):
    """Bounding the parenthesis pattern finds what scispaCy's own detector finds."""
    scispacy_nlp = spacy.blank("en", config=TOKENIZER)
    scispacy_nlp.add_pipe("abbreviation_detector", config={"make_serializable": True})
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ours = {(a["short_text"], a["long_text"]) for a in nlp(text)._.abbreviations}
        theirs = {(a["short_text"], a["long_text"]) for a in scispacy_nlp(text)._.abbreviations}
        assert theirs <= ours, path.name


def test_occurrences_follow_the_text_whatever_order_the_detector_lists_them_in(nlp):
    """scispaCy's detector keeps the short forms of a long form in a set of Spans, whose order follows memory addresses."""
    doc = nlp(TEXT)
    expected = Abbreviations(doc)
    assert list(expected.by_start) == sorted(expected.by_start)
    doc._.abbreviations = list(reversed(doc._.abbreviations))
    reordered = Abbreviations(doc)
    assert list(reordered.by_start.items()) == list(expected.by_start.items())
    assert list(reordered.definitions.items()) == list(expected.definitions.items())


def test_bounded_detector_lists_short_forms_in_the_order_of_the_text(nlp):
    text = "The peptidoglycan (PG) layer. PG binds. Bound PG is cut. PG-binding domains and PG again; HIV (human immunodeficiency virus)."
    for _ in range(5):  # a new Doc each time: other memory addresses, the same order
        starts = [a["short_start"] for a in nlp(text)._.abbreviations if a["short_text"] == "PG"]
        assert len(starts) == 5 and starts == sorted(starts)
