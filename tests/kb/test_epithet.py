"""Epithet stems (entitylink.kb.epithet): the Latin endings a genus's gender changes are dropped."""

from __future__ import annotations

import pytest

from entitylink.kb.epithet import TAXON_EPITHET, epithet_stem


@pytest.mark.parametrize(
    ("written", "named"),
    [("tremulae", "tremula"), ("thompsoni", "thompsonii"), ("alpines", "alpinus"), ("albus", "alba"), ("Coli", "coli")],
)
def test_gender_and_genitive_endings_share_a_stem(written, named):
    assert epithet_stem(written) == epithet_stem(named)


def test_different_epithets_keep_different_stems():
    assert epithet_stem("albicans") != epithet_stem("albus")
    assert epithet_stem("tremulae") == "tremul"


@pytest.mark.parametrize(
    ("name", "epithet"),
    [("Escherichia coli", "coli"), ("Alnus alnobetula subsp. fruticosa", "fruticosa"), ("Vicia sativa var. nigra", "nigra")],
)
def test_latin_names_give_their_epithet(name, epithet):
    assert TAXON_EPITHET.fullmatch(name)[1] == epithet


@pytest.mark.parametrize("name", ["Bacillus sp. 7", "Escherichia coli K-12", "uncultured bacterium", "Homo"])
def test_other_names_have_no_epithet(name):
    assert TAXON_EPITHET.fullmatch(name) is None
