"""Salt forms (entitylink.linking.salt_forms): the parent compound a salt or hydrate is named after."""

from __future__ import annotations

import pytest

from entitylink.linking.salt_forms import parent_compound


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        ("bupropion HCl", "bupropion"),
        ("dosulepine hydrochloride", "dosulepine"),
        ("morphine sulphate", "morphine"),
        ("sodium valproate", "valproate"),
        ("disodium edetate", "edetate"),
        ("amlodipine besylate", "amlodipine"),
        ("quinine sulfate dihydrate", "quinine"),
        ("Pancuronium Bromide", "Pancuronium"),
    ],
)
def test_counter_ions_and_waters_are_stripped(text, parent):
    assert parent_compound(text) == parent


@pytest.mark.parametrize(
    "text",
    [
        "bupropion",  # no counter-ion
        "sodium chloride",  # nothing but ions
        "hydrochloride",
        "deoxycorticosterone acetate",  # an ester MeSH files apart
        "isosorbide dinitrate",
        "",
    ],
)
def test_no_parent_when_nothing_or_only_ions_would_be_left(text):
    assert parent_compound(text) is None
