"""The packed strings of a term index: lookup by position and by binary search."""

from __future__ import annotations

import numpy as np

from entitylink.kb.term_index import _Strings

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
