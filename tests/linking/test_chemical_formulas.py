"""Formulas of inorganic compounds as their names (entitylink.linking.chemical_formulas)."""

from __future__ import annotations

import pytest

from entitylink.linking.chemical_formulas import formula_name


@pytest.mark.parametrize(
    ("formula", "name"),
    [
        ("CaCl2", "calcium chloride"),
        ("CaCl(2)", "calcium chloride"),  # subscripts in parentheses, as PubMed writes them
        ("NaHCO3", "sodium bicarbonate"),
        ("Ca(NO3)2", "calcium nitrate"),
        ("NH4Ac", "ammonium acetate"),
        ("H(2)O(2)", "hydrogen peroxide"),
        ("CCl4", "carbon tetrachloride"),
        ("CHCl3", "chloroform"),
        ("Ca(2+)", "calcium"),  # an ion, as the metal
        ("Na+", "sodium"),
        ("K", "potassium"),  # a symbol the recognizer tagged as a chemical
        ("Cl(-)", "chloride"),
    ],
)
def test_formula_name(formula, name):
    assert formula_name(formula) == name


@pytest.mark.parametrize("text", ["NO", "CO", "HCl", "Cl", "I", "H+", "NaClX", "KF17837", "GABA", "CaCl2 solution", ""])
def test_no_name_for_words_short_forms_and_other_text(text):
    # a halide's symbol without its charge is the element, or a pronoun or a numeral
    assert formula_name(text) is None
