"""MeSH ids as an earlier release gives them (entitylink.kb.mesh_release) on the bundled MeSH 2024."""

from __future__ import annotations

import pytest

from entitylink.errors import EntitylinkError
from entitylink.kb.mesh_release import descriptor_number, ids_as_of, newest_descriptor_number

BC5CDR_NEWEST = 66126  # D066126, the newest descriptor BC5CDR's train split uses


@pytest.mark.parametrize(
    ("curie", "number"),
    [("MESH:D066126", 66126), ("MESH:D000096722", 96722), ("D003556", 3556), ("MESH:C069541", None), ("MONDO:0001705", None)],
)
def test_descriptor_number(curie, number):
    assert descriptor_number(curie) == number


def test_a_newer_descriptor_gives_way_to_the_heading_it_refines(kb):
    # Cystitis, Hemorrhagic is a descriptor of MeSH 2024; BC5CDR annotates it as Cystitis
    assert ids_as_of(kb, ["MONDO:0005689", "MESH:D000096722"], BC5CDR_NEWEST) == ("MONDO:0005689", "MESH:D003556")


def test_an_older_descriptor_stays(kb):
    assert ids_as_of(kb, ["MESH:D003556"], BC5CDR_NEWEST) == ("MESH:D003556",)
    assert ids_as_of(kb, ["MESH:D000096722"], 96722) == ("MESH:D000096722",)


def test_the_deepest_heading_on_the_descriptors_first_tree_comes_first(kb):
    # Toxic Optic Neuropathy sits under Optic Nerve Injuries (C10), Radiation Injuries (C26, G01) and others
    ids = ids_as_of(kb, ["MESH:D000081028"], BC5CDR_NEWEST)
    assert ids[0] == "MESH:D020221"
    assert "MESH:D000081028" not in ids


def test_an_older_supplementary_concept_the_ids_carry_comes_before_the_headings(kb):
    # quetiapine: BC5CDR's supplementary concept C069541, since made the heading Quetiapine Fumarate
    ids = ids_as_of(kb, ["MESH:D000069348", "MESH:C069541"], BC5CDR_NEWEST)
    assert ids[0] == "MESH:C069541"
    assert "MESH:D003987" in ids  # Dibenzothiazepines, the heading it was filed under


def test_headings_newer_too_are_climbed_past(kb):
    parent = kb["MESH:D000096722"].parents[0]
    assert ids_as_of(kb, ["MESH:D000096722"], descriptor_number(parent) - 1) == tuple(
        p for p in kb[parent].parents if descriptor_number(p) < descriptor_number(parent)
    )


@pytest.mark.parametrize("bad", ["2015", "C069541", "MESH:D66126", "", 66126])
def test_a_bad_newest_descriptor_is_a_clear_error(bad):
    with pytest.raises(EntitylinkError, match="mesh_newest=.*not a MeSH descriptor id"):
        newest_descriptor_number(bad)
