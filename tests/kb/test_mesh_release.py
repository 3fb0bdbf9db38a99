"""MeSH ids as an earlier release gives them (entitylink.kb.mesh_release) on the bundled MeSH 2024."""

from __future__ import annotations

import pytest

from entitylink.errors import EntitylinkError
from entitylink.kb.mesh_release import MeshRelease, descriptor_number, ids_as_of, mesh_release, supplementary_number

BC5CDR_NEWEST = MeshRelease(66126)  # D066126, the newest descriptor BC5CDR's train split uses
NCBI_DISEASE = MeshRelease(61325, 548028)  # D061325 and C548028, the newest its train split uses


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
    assert ids_as_of(kb, ["MESH:D000096722"], MeshRelease(96722)) == ("MESH:D000096722",)


def test_the_deepest_heading_on_the_descriptors_first_tree_comes_first(kb):
    # Toxic Optic Neuropathy sits under Optic Nerve Injuries (C10), Radiation Injuries (C26, G01) and others
    ids = ids_as_of(kb, ["MESH:D000081028"], BC5CDR_NEWEST)
    assert ids[0] == "MESH:D020221"
    assert "MESH:D000081028" not in ids


def test_the_heading_a_descriptor_is_named_after_comes_first(kb):
    # Ehlers-Danlos Syndrome, Type IV (MeSH 2024) sits under Aortic Dissection and Ehlers-Danlos Syndrome, as deep
    assert ids_as_of(kb, ["MESH:D000094623"], NCBI_DISEASE) == ("MESH:D004535", "MESH:D000784")


def test_an_older_supplementary_concept_the_ids_carry_comes_before_the_headings(kb):
    # quetiapine: BC5CDR's supplementary concept C069541, since made the heading Quetiapine Fumarate
    ids = ids_as_of(kb, ["MESH:D000069348", "MESH:C069541"], BC5CDR_NEWEST)
    assert ids[0] == "MESH:C069541"
    assert "MESH:D003987" in ids  # Dibenzothiazepines, the heading it was filed under


def test_headings_newer_too_are_climbed_past(kb):
    parent = kb["MESH:D000096722"].parents[0]
    assert ids_as_of(kb, ["MESH:D000096722"], MeshRelease(descriptor_number(parent) - 1)) == tuple(
        p for p in kb[parent].parents if descriptor_number(p) < descriptor_number(parent)
    )


@pytest.mark.parametrize(
    ("curie", "number"), [("MESH:C565165", 565165), ("C000599896", 599896), ("MESH:D066126", None), ("OMIM:613825", None)]
)
def test_supplementary_number(curie, number):
    assert supplementary_number(curie) == number


def test_a_newer_supplementary_concept_gives_way_to_the_omim_id(kb):
    # C9 deficiency: C565165 in MeSH 2024, OMIM:613825 in NCBI-disease, whose newest supplementary concept is C548028
    assert ids_as_of(kb, ["MONDO:0013445", "MESH:C565165", "OMIM:613825"], NCBI_DISEASE) == ("MONDO:0013445", "OMIM:613825")
    assert ids_as_of(kb, ["MESH:C565165", "OMIM:613825"], BC5CDR_NEWEST) == ("MESH:C565165", "OMIM:613825")


def test_a_newer_supplementary_concept_without_omim_id_stays(kb):
    assert ids_as_of(kb, ["MONDO:0013445", "MESH:C565165"], NCBI_DISEASE) == ("MONDO:0013445", "MESH:C565165")


def test_an_older_supplementary_concept_stays(kb):
    assert ids_as_of(kb, ["MESH:C565165"], MeshRelease(61325, 565165)) == ("MESH:C565165",)


@pytest.mark.parametrize(
    ("newest", "release"),
    [("D066126", MeshRelease(66126)), ("D061325,C548028", NCBI_DISEASE), (" C548028 , MESH:D061325", NCBI_DISEASE),
     ("C548028", MeshRelease(None, 548028))],
)  # fmt: skip
def test_mesh_release(newest, release):
    assert mesh_release(newest) == release


@pytest.mark.parametrize("bad", ["2015", "MESH:D66126", "", "D066126,D061325", "D066126,", "D066126;C548028", 66126])
def test_a_bad_mesh_release_is_a_clear_error(bad):
    with pytest.raises(EntitylinkError, match="mesh_newest=.*not the newest MeSH records of a release"):
        mesh_release(bad)
