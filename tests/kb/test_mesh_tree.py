"""Where MeSH headings sit in the trees (entitylink.kb.mesh_tree), on the bundled MeSH 2024."""

from __future__ import annotations

from entitylink.kb.mesh_tree import depth_above, heading_branches, heading_depth


def test_heading_depth_leaves_out_c23(kb):
    # Communicable Diseases sits deep in C23 (C23.550.291.531) but at C01.221 among the diseases
    assert heading_depth(kb["MESH:D003141"]) == 1


def test_depth_above_counts_the_narrower_headings_first_category_only(kb):
    toxic_optic_neuropathy = kb["MESH:D000081028"]
    assert depth_above(kb["MESH:D020221"], toxic_optic_neuropathy) == 4  # Optic Nerve Injuries, C10.900.300.218.550
    assert depth_above(kb["MESH:D011832"], toxic_optic_neuropathy) == 1  # Radiation Injuries, C26.733 (G01 not counted)
    assert depth_above(kb["MESH:D010335"], toxic_optic_neuropathy) == -1  # Pathologic Processes, C23.550 only
    assert depth_above(kb["MESH:D003556"], toxic_optic_neuropathy) == -1  # Cystitis: not above it at all


def test_heading_branches_leave_out_c23(kb):
    assert heading_branches(kb["MESH:D011471"]) == 7  # Prostatic Neoplasms: by kind and by organ
    assert heading_branches(kb["MESH:D003141"]) == 1  # Communicable Diseases: C01.221 (and C23)
