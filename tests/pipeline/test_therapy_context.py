"""Cells and tissues given as treatments (entitylink.pipeline.therapy_context) and how the linker
links them, on the three example abstracts and on short texts."""

from __future__ import annotations

import pytest

from entitylink.pipeline.therapy_context import mentions_procedure_word, procedure_word

CORD_BLOOD_TRANSPLANT = "MESH:D036101"
MSC_TRANSPLANT = "MESH:D045164"
HSCT = "MESH:D018380"
MSC = "MESH:D059630"


def entities(doc, text):
    return [e for e in doc.ents if e.text == text]


def test_cord_blood_given_is_cord_blood_transplantation(example_docs):
    doc = example_docs["PMC12171867"]
    title = doc.ents[0]
    assert title.text == "Cord blood" and title._.kb_id == CORD_BLOOD_TRANSPLANT and title._.subtype == "cell therapy"
    treated = [e for e in entities(doc, "UCB") if "treated with" in doc.text[e.start_char - 20 : e.start_char]]
    assert treated and all(e._.kb_id == CORD_BLOOD_TRANSPLANT for e in treated)


def test_the_cell_or_tissue_is_kept_as_the_first_alternative(example_docs):
    title = example_docs["PMC12171867"].ents[0]
    assert title._.alternatives[0]["curie"] == "MESH:D005312"  # Fetal Blood


@pytest.mark.parametrize("doc_id", ["19309241", "41689919", "PMC12171867"])
def test_msc_therapy_infusion_and_msc_given_are_msc_transplantation(example_docs, doc_id):
    doc = example_docs[doc_id]
    given = [e for e in doc.ents if e._.kb_id == MSC_TRANSPLANT]
    assert given
    for ent in given:
        assert ent._.subtype == "cell therapy"
    after = {doc[e.end].lower_ for e in given if e.end < len(doc)}
    if doc_id == "19309241":
        assert "infusion" in after and "were" in after  # "MSC infusion", "MSCs were infused"
    if doc_id == "41689919":
        assert "therapy" in after  # "MSC therapy"


def test_cells_only_described_stay_cells(example_docs):
    doc = example_docs["41689919"]
    isolated = next(e for e in entities(doc, "AMSCs") if doc[e.end + 1].lower_ == "isolated")
    assert isolated._.kb_id == MSC
    first = example_docs["19309241"].ents[2]  # "Mesenchymal stromal cells (MSCs) are important in..."
    assert first.text == "Mesenchymal stromal cells" and first._.kb_id == MSC


def test_allo_hsct_and_the_title_transplant(example_docs):
    assert {e._.kb_id for e in entities(example_docs["PMC12171867"], "allo-HSCT")} == {HSCT}
    title = entities(example_docs["19309241"], "Hematopoietic Stem Cell")[0]  # "... Myeloablative Transplant"
    assert title._.kb_id == HSCT


def test_conditioning_is_transplantation_conditioning(example_docs):
    found = entities(example_docs["19309241"], "conditioning")
    assert [(e.label_, e._.kb_id, e._.subtype) for e in found] == [("THERAPY", "MESH:D019172", "procedure")]


def test_hsc_is_never_a_disease(example_docs):
    """The old NER tagged "HSC" DISEASE with no id. The therapy sense links it as the cell when something
    proposes it; the retrained NER reads it as a gene symbol (HGNC has HSC as an alias), so nothing does."""
    found = entities(example_docs["19309241"], "HSC")
    assert all(e.label_ == "THERAPY" and e._.kb_id == "MESH:D006412" for e in found)


def test_rbc_transfusion(example_docs):
    found = entities(example_docs["PMC12171867"], "RBC transfusion")
    assert [e._.kb_id for e in found] == ["MESH:D017707"]  # Erythrocyte Transfusion


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Patients were treated with autologous mesenchymal stem cells.", True),
        ("Mesenchymal stem cells were infused on day 1.", True),
        ("Mesenchymal stem cell therapy improved the outcome.", True),
        ("Mesenchymal stem cells were isolated from bone marrow and characterized.", False),
        ("We measured the proliferation of mesenchymal stem cells in culture.", False),
        ("Patients received infusions of cells without mesenchymal stem cells.", False),
    ],
)
def test_given_as_treatment(nlp, text, given):
    ent = next(e for e in nlp(text).ents if e._.kb_id in (MSC, MSC_TRANSPLANT))
    assert (ent._.kb_id == MSC_TRANSPLANT) is given


def test_no_therapy_sense_without_the_therapy_label():
    import entitylink

    doc = entitylink.load(labels=["DISEASE"])("Patients received HSCT without conditioning and RBC transfusion.")
    assert all(e.label_ == "DISEASE" for e in doc.ents)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Two RBC Transfusions were given.", True), ("after transplantation", True), ("no such word here", False)],
)
def test_mentions_procedure_word_finds_a_noun_of_giving(text, expected):
    assert mentions_procedure_word(text) is expected
    assert any(procedure_word(word.strip(".")) for word in text.split()) is expected
