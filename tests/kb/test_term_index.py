"""The packed strings of a term index: lookup by position and by binary search; taxa by epithet."""

from __future__ import annotations

import numpy as np

from entitylink.kb.epithet import epithet_stem
from entitylink.kb.taxon_table import Taxon
from entitylink.kb.term_index import TermIndex, _Strings

NAMES = sorted(["", "a", "ab", "abc", "b", "hepatitis b virus", "hepatitis c virus", "zygote", "ætiology", "αβ t cell"])


def test_items_decode_by_position():
    strings = _Strings.pack(NAMES)
    assert len(strings) == len(NAMES)
    assert [strings[i] for i in range(len(NAMES))] == NAMES == strings.all()


def test_position_finds_every_item_and_nothing_else():
    strings = _Strings.pack(NAMES)
    assert [strings.position(name) for name in NAMES] == list(range(len(NAMES)))
    for absent in ("aa", "hepatitis", "hepatitis d virus", "zz", "α", "æ"):
        assert strings.position(absent) is None, absent
    assert _Strings.pack([]).position("a") is None


def test_arrays_round_trip():
    strings = _Strings.pack(NAMES)
    again = _Strings(strings.buffer, strings.offsets)
    assert again.all() == NAMES
    assert strings.offsets.dtype == np.int64 and strings.offsets[-1] == len(strings.buffer)


def test_a_taxon_table_files_each_latin_name_under_its_epithet_stem(tmp_path):
    taxa = [
        Taxon(1, 1, "no_rank", "root"),
        Taxon(41127, 1, "genus", "Chrysomela"),
        Taxon(63687, 41127, "species", "Chrysomela tremula"),
        Taxon(5, 41127, "species", "Chrysomela populi"),
        Taxon(38784, 1, "species", "Alnus alnobetula"),
        Taxon(253214, 38784, "subspecies", "Alnus alnobetula subsp. fruticosa"),
        Taxon(7, 1, "species", "Bacillus sp. 7"),
    ]
    index = TermIndex.compile_taxa(taxa, {"source": "test"})
    index.save(tmp_path / "taxa.npz")
    for found in (index, TermIndex.load(tmp_path / "taxa.npz")):
        assert [found.curie(n) for n in found.with_epithet(epithet_stem("tremulae"))] == ["NCBITaxon:63687"]
        assert [found.curie(n) for n in found.with_epithet("fruticos")] == ["NCBITaxon:253214"]
        assert found.with_epithet("chrysomel") == found.with_epithet("sp") == []
