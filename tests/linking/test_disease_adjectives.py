"""Disease adjectives (entitylink.linking.disease_adjectives): the noun forms of an adjective."""

from __future__ import annotations

import pytest

from entitylink.linking.disease_adjectives import noun_forms


@pytest.mark.parametrize(
    ("adjective", "noun"),
    [
        ("hypertensive", "hypertension"),
        ("Edematous", "edema"),
        ("psychotic", "psychosis"),
        ("encephalopathic", "encephalopathy"),
        ("anemic", "anemia"),
        ("diabetic", "diabetes"),
        ("obese", "obesity"),
        ("syncopal", "syncope"),
    ],
)
def test_an_adjective_has_its_noun_among_its_forms(adjective, noun):
    assert noun in noun_forms(adjective)


def test_forms_follow_the_rules_most_specific_first():
    assert noun_forms("psychotic")[0] == "psychosis"
    assert noun_forms("hypertensive")[0] == "hypertension"


def test_a_word_of_no_known_ending_or_too_short_a_stem_has_no_form():
    assert noun_forms("fever") == ()
    assert noun_forms("tic") == ()
