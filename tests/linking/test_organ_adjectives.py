"""Organ adjectives (entitylink.linking.organ_adjectives): a text with its organ adjectives as nouns."""

from __future__ import annotations

import pytest

from entitylink.linking.organ_adjectives import with_organ_adjectives, with_organ_nouns


@pytest.mark.parametrize(
    ("text", "nouns"),
    [
        ("renal lesions", "kidney lesions"),
        ("Cerebral damage", "brain damage"),
        ("prostatic adenocarcinoma", "prostate adenocarcinoma"),
        ("hepatic and renal failure", "liver and kidney failure"),
        ("dermatological disorder", "skin disorder"),
    ],
)
def test_organ_adjectives_are_written_as_the_organs_nouns(text, nouns):
    assert with_organ_nouns(text) == nouns


def test_a_text_without_organ_adjectives_is_itself():
    assert with_organ_nouns("Acute Myeloid Leukemia") == "Acute Myeloid Leukemia"


def test_an_adjective_of_two_organs_is_left_alone():
    assert with_organ_nouns("cervical lesions") == "cervical lesions"  # the neck or the cervix


def test_organ_nouns_are_written_as_their_first_adjective():
    assert with_organ_adjectives("vein thrombosis") == "venous thrombosis"
    assert with_organ_adjectives("skin lesions") == "cutaneous lesions"
    assert with_organ_adjectives("acute leukemia") == "acute leukemia"
