"""The cell/tissue -> procedure map read from MeSH (entitylink.linking.therapy_sense) and the
grounder's therapy rules built on it."""

from __future__ import annotations

import pytest

from entitylink.linking.grounder import shared_grounder


@pytest.fixture(scope="module")
def grounder(nlp):
    return shared_grounder()


@pytest.mark.parametrize(
    ("cell", "procedure"),
    [
        ("MESH:D059630", "MESH:D045164"),  # Mesenchymal Stem Cells -> MSC Transplantation
        ("MESH:D005312", "MESH:D036101"),  # Fetal Blood (cord blood) -> Cord Blood Stem Cell Transplantation
        ("MESH:D006412", "MESH:D018380"),  # Hematopoietic Stem Cells -> HSCT
        ("MESH:D004912", "MESH:D017707"),  # Erythrocytes -> Erythrocyte Transfusion
    ],
)
def test_procedures_come_from_mesh(grounder, cell, procedure):
    assert grounder.therapy.procedure_of(cell) == procedure


def test_every_procedure_is_a_mesh_therapeutic_or_surgical_descriptor(grounder, kb):
    for cell, procedure in grounder.therapy.procedures.items():
        assert any(n.startswith(("A10.", "A11.", "A15.", "A16.")) for n in kb[cell].tree_numbers)
        assert any(n.startswith(("E02.", "E04.")) for n in kb[procedure].tree_numbers)


def test_drugs_have_no_procedure(grounder):
    assert grounder.therapy.procedure_of("MESH:D000305") is None


@pytest.mark.parametrize(("text", "cell"), [("HSC", "MESH:D006412"), ("RBCs", "MESH:D004912"), ("UCB", "MESH:D005312")])
def test_initialisms_of_cell_names(grounder, text, cell):
    assert grounder.therapy.initialism(text) == cell


def test_initialisms_need_upper_case(grounder):
    assert grounder.therapy.initialism("hsc") is None


def test_initialism_candidate_is_the_cell_or_when_given_its_procedure(grounder):
    assert grounder.initialism_candidate("HSC").curie == "MESH:D006412"
    assert grounder.initialism_candidate("RBC", given=True).curie == "MESH:D017707"


def test_elliptic_procedure_needs_its_qualifier(grounder):
    found = grounder.elliptic_procedure("conditioning", ["hematopoietic", "transplantation"])
    assert found is not None and found.curie == "MESH:D019172" and found.subtype == "procedure"
    assert grounder.elliptic_procedure("conditioning", ["cell"]) is None
    assert grounder.elliptic_procedure("allogeneic", ["transplantation"]) is None  # only "Transplantation, Allogeneic"
