"""The biomedical tokenizer (entitylink.tokenizer): splits at hyphens and slashes inside words,
keeps scispaCy's other rules, and is registered with spaCy's config system."""

from __future__ import annotations

import pytest
import spacy
from spacy.util import registry

from entitylink.pipeline.tokenizer import (
    MAX_WORD_LENGTH,
    BoundedTokenizer,
    biomedical_tokenizer,
    create_biomedical_tokenizer,
)

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}}


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en", config=TOKENIZER)


def words(nlp, text):
    return [token.text for token in nlp(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a FeLV-infected cat", ["a", "FeLV", "-", "infected", "cat"]),
        (
            "doxorubicin-induced cardiomyopathy",
            ["doxorubicin", "-", "induced", "cardiomyopathy"],
        ),
        ("5-fluorouracil/leucovorin", ["5", "-", "fluorouracil", "/", "leucovorin"]),
        ("UCB/UCB-MNC", ["UCB", "/", "UCB", "-", "MNC"]),
        ("non-Hodgkin lymphoma", ["non", "-", "Hodgkin", "lymphoma"]),
        ("α-synuclein", ["α", "-", "synuclein"]),
        ("allo-HSCT", ["allo", "-", "HSCT"]),
    ],
)
def test_hyphens_and_slashes_split(blank, text, expected):
    assert words(blank, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "C. albicans was (rarely) seen.",
            ["C.", "albicans", "was", "(", "rarely", ")", "seen", "."],
        ),
        ("e.g. the drug", ["e.g.", "the", "drug"]),
        ("Crohn's disease", ["Crohn", "'s", "disease"]),
        (
            "acute myeloid leukemia (AML) patients",
            ["acute", "myeloid", "leukemia", "(", "AML", ")", "patients"],
        ),
    ],
)
def test_scispacy_behaviour_kept(blank, text, expected):
    assert words(blank, text) == expected


def test_hyphen_between_spaces_is_untouched(blank):
    assert words(blank, "before - after") == ["before", "-", "after"]


def test_text_is_preserved(blank):
    text = "A 4-year-old FeLV-infected cat received 5-FU/LV (10 mg/kg) and UC-MSCs."
    doc = blank(text)
    assert doc.text == text
    assert "".join(token.text_with_ws for token in doc) == text


def test_registry_name_resolves():
    assert registry.tokenizers.get("entitylink.BiomedicalTokenizer.v1") is create_biomedical_tokenizer
    assert create_biomedical_tokenizer() is biomedical_tokenizer


def test_config_round_trip(blank):
    assert blank.config["nlp"]["tokenizer"] == {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}
    reloaded = spacy.util.load_model_from_config(blank.config, auto_fill=True)
    assert words(reloaded, "FeLV-infected cat") == ["FeLV", "-", "infected", "cat"]


def test_pipeline_to_disk_and_back(blank, tmp_path):
    blank.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert words(reloaded, "doxorubicin-induced C. albicans") == [
        "doxorubicin",
        "-",
        "induced",
        "C.",
        "albicans",
    ]


def test_function_on_an_existing_language():
    nlp = spacy.blank("en")
    nlp.tokenizer = biomedical_tokenizer(nlp)
    assert words(nlp, "FeLV-infected") == ["FeLV", "-", "infected"]


def test_entitylink_load_uses_it(nlp):
    assert words(nlp, "FeLV-infected") == ["FeLV", "-", "infected"]


@pytest.mark.parametrize("text", ["(" * 20_000, ("a-" * 50_000), "x" * 251 + " tail", "word " + "y" * 600 + "(z)"])
def test_long_runs_without_whitespace_are_tokenized_in_pieces_keeping_the_text(blank, text):
    """spaCy's affix loop is quadratic in a word's length: runs past MAX_WORD_LENGTH are cut (20,000 "(" took 44 s)."""
    doc = blank(text)
    assert doc.text == text
    assert all(len(token) <= MAX_WORD_LENGTH for token in doc)


def test_the_bounded_tokenizer_pickles(blank):
    import pickle

    tokenizer = pickle.loads(pickle.dumps(blank.tokenizer))
    assert isinstance(tokenizer, BoundedTokenizer) and tokenizer("(" * 600).text == "(" * 600


def test_the_mark_of_a_type_strain_is_a_token_of_its_own(blank):
    assert [t.text for t in blank("strain 0533(T) (=JCM 16398(T)).")] == [
        "strain",
        "0533",
        "(T)",
        "(=",
        "JCM",
        "16398",
        "(T)",
        ")",
        ".",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nitroglycerin (NTG)-induced hypotension", ["nitroglycerin", "(", "NTG", ")", "-", "induced", "hypotension"]),
        ("autotaxin (ATX)-LPA2 axis", ["autotaxin", "(", "ATX", ")", "-", "LPA2", "axis"]),
    ],
)
def test_a_short_form_joined_to_the_next_word_is_split_off(blank, text, expected):
    assert [t.text for t in blank(text)] == expected


@pytest.mark.parametrize("text", ["(+)-baclofen", "beta(1)-integrin", "(S)-ketamine", "5(6)-carboxyfluorescein"])
def test_stereo_descriptors_and_locants_in_parentheses_stay_with_their_word(blank, text):
    assert [t.text for t in blank(text)] == [text]


def test_a_suspended_hyphen_is_a_token_of_its_own(blank):
    assert [t.text for t in blank("lidocaine- and bupivacaine-induced")] == [
        "lidocaine", "-", "and", "bupivacaine", "-", "induced"
    ]  # fmt: skip
