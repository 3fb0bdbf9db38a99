"""Scoring predicted mentions against gold PubTator annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from entitylink.annotate import annotate_documents
from entitylink.evaluation.scoring import (
    GOLD_LABELS,
    Counts,
    Mention,
    equivalent_ids,
    evaluate_documents,
    file_predictions,
    format_table,
    gold_mentions,
    normalize_ids,
    predicted_mentions,  # fmt: skip
    score,
)
from entitylink.io.readers import Annotation, Document, read_inputs, read_pubtator

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "eval_tiny.pubtator"


def ids(*values):
    return frozenset(values)


def m(doc_id, start, end, *curies, label="DISEASE"):
    return Mention(doc_id, start, end, label, frozenset(curies))


# -- normalize_ids -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, label, expected",
    [
        ("D012345", "DISEASE", ids("MESH:D012345")),
        ("C537705", "DISEASE", ids("MESH:C537705")),
        ("D011239", "THERAPY", ids("MESH:D011239")),
        ("D001943|D010051", "DISEASE", ids("MESH:D001943", "MESH:D010051")),
        ("D061325,D001943", "DISEASE", ids("MESH:D061325", "MESH:D001943")),
        ("D1;D2", "DISEASE", ids("MESH:D1", "MESH:D2")),
        ("D1+D2", "DISEASE", ids("MESH:D1", "MESH:D2")),
        (" D012345 | D054198 ", "DISEASE", ids("MESH:D012345", "MESH:D054198")),
        ("1,2", "SPECIES", ids("NCBITaxon:1", "NCBITaxon:2")),
        ("9606", "SPECIES", ids("NCBITaxon:9606")),
        ("10090|10116", "SPECIES", ids("NCBITaxon:10090", "NCBITaxon:10116")),
        ("601626", "DISEASE", ids("OMIM:601626")),
        ("D015470|601626", "DISEASE", ids("MESH:D015470", "OMIM:601626")),
        ("MESH:D015470", "DISEASE", ids("MESH:D015470")),
        ("mesh:D015470", "DISEASE", ids("MESH:D015470")),
        ("OMIM:601626", "DISEASE", ids("OMIM:601626")),
        ("MONDO:0018874", "DISEASE", ids("MONDO:0018874")),
        ("NCBITaxon:9606", "SPECIES", ids("NCBITaxon:9606")),
        ("-1", "DISEASE", frozenset()),
        ("-", "SPECIES", frozenset()),
        ("", "DISEASE", frozenset()),
        ("D1|-1", "DISEASE", ids("MESH:D1")),
    ],
)
def test_normalize_ids(raw, label, expected):
    assert normalize_ids(raw, label) == expected


def test_normalize_ids_of_none():
    assert normalize_ids(None, "DISEASE") == frozenset()  # type: ignore[arg-type]


# -- gold_mentions -----------------------------------------------------------------------------------------
def test_gold_mentions_map_corpus_types_and_skip_others():
    types = {
        "Disease": "DISEASE", "SpecificDisease": "DISEASE", "DiseaseClass": "DISEASE", "Modifier": "DISEASE",
        "CompositeMention": "DISEASE", "DiseaseOrPhenotypicFeature": "DISEASE", "Chemical": "THERAPY",
        "ChemicalEntity": "THERAPY", "Species": "SPECIES", "Genus": "SPECIES", "Strain": "SPECIES", "OrganismTaxon": "SPECIES",
    }  # fmt: skip
    assert types == GOLD_LABELS
    skipped = ["GeneOrGeneProduct", "Gene", "CellLine", "SequenceVariant", "Mutation", "disease"]
    annotations = [Annotation(i, i + 1, "x", kind, "9606" if types.get(kind) == "SPECIES" else "D000001")
                   for i, kind in enumerate([*types, *skipped])]  # fmt: skip
    found = gold_mentions([Document("p1", "x" * 40, annotations=annotations)])
    assert [(g.start, g.label) for g in found] == [(i, label) for i, label in enumerate(types.values())]
    assert all(g.doc_id == "p1" for g in found)
    assert found[0].ids == ids("MESH:D000001")
    assert found[8].ids == ids("NCBITaxon:9606")  # Species


def test_gold_mentions_across_documents_and_composite_ids():
    documents = [
        Document("a", "text", annotations=[Annotation(0, 4, "AML", "SpecificDisease", "D015470|601626")]),
        Document("b", "text", annotations=[Annotation(1, 3, "mice", "Species", "10090"), Annotation(0, 2, "x", "Gene", "1")]),
        Document("c", "text"),
    ]
    assert gold_mentions(documents) == [
        Mention("a", 0, 4, "DISEASE", ids("MESH:D015470", "OMIM:601626")),
        Mention("b", 1, 3, "SPECIES", ids("NCBITaxon:10090")),
    ]


# -- Counts ------------------------------------------------------------------------------------------------
def test_counts_precision_recall_f1():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


@pytest.mark.parametrize("counts", [Counts(), Counts(0, 0, 5), Counts(0, 4, 0), Counts(0, 3, 3)])
def test_counts_zero_division(counts):
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)


def test_counts_recall_uses_gold_items_found():
    c = Counts(tp=1, fp=1, fn=1, tp_gold=3)
    assert c.precision == 0.5
    assert c.recall == 0.75
    assert c.f1 == pytest.approx(0.6)


# -- score -------------------------------------------------------------------------------------------------
GOLD = [
    m("d1", 0, 5, "MESH:D1"),
    m("d1", 10, 15, "MESH:D2"),
    m("d1", 20, 25, "MESH:D3"),
    m("d2", 0, 4, "MESH:D1"),
    m("d1", 30, 34, "NCBITaxon:9606", label="SPECIES"),
]
PREDICTED = [
    m("d1", 0, 5, "MONDO:1", "MESH:D1"),  # span and id right
    m("d1", 10, 15, "MESH:D9"),  # span right, id wrong
    m("d1", 30, 35, "MESH:D3"),  # span wrong, concept right
    m("d2", 0, 3, "MESH:D1"),  # span wrong (too short), concept right
    m("d1", 30, 34, "NCBITaxon:9606", label="SPECIES"),
    m("d1", 40, 45, "MESH:D0", label="THERAPY"),  # a label without gold: ignored
]


@pytest.fixture(scope="module")
def scores():
    return score(GOLD, PREDICTED)


def test_score_labels_are_those_of_the_gold(scores):
    assert list(scores) == ["DISEASE", "SPECIES"]


def test_score_strict_spans(scores):
    assert scores["DISEASE"].mentions == Counts(tp=2, fp=2, fn=2)


def test_score_spans_with_ids(scores):
    assert scores["DISEASE"].mentions_with_id == Counts(tp=1, fp=3, fn=3)


def test_score_document_concepts(scores):
    concepts = scores["DISEASE"].concepts
    # predicted (doc, ids): d1 {MONDO:1, D1} ok, d1 {D9} wrong, d1 {D3} ok, d2 {D1} ok
    # gold (doc, id): d1 D1, D2, D3; d2 D1 -> D2 missed
    assert (concepts.tp, concepts.fp, concepts.fn, concepts.tp_gold) == (3, 1, 1, 3)
    assert concepts.precision == 0.75 and concepts.recall == 0.75


def test_score_perfect_label(scores):
    species = scores["SPECIES"]
    for counts in (species.mentions, species.mentions_with_id, species.concepts):
        assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
        assert counts.f1 == 1.0


def test_concept_with_two_equivalent_ids_is_counted_once():
    gold = [m("d1", 0, 22, "MESH:D015470"), m("d1", 30, 33, "OMIM:601626")]
    aml = ("MONDO:0018874", "MESH:D015470", "OMIM:601626")
    predicted = [m("d1", 0, 22, *aml), m("d1", 30, 33, *aml)]
    concepts = score(gold, predicted)["DISEASE"].concepts
    assert (concepts.tp, concepts.fp, concepts.fn, concepts.tp_gold) == (1, 0, 0, 2)
    assert (concepts.precision, concepts.recall, concepts.f1) == (1.0, 1.0, 1.0)


def test_concepts_per_document():
    gold = [m("d1", 0, 5, "MESH:D1")]
    predicted = [m("d1", 0, 5, "MESH:D1"), m("d2", 0, 5, "MESH:D1")]  # right concept, wrong document
    concepts = score(gold, predicted)["DISEASE"].concepts
    assert (concepts.tp, concepts.fp, concepts.fn) == (1, 1, 0)


def test_predictions_without_ids_are_no_concepts():
    gold = [m("d1", 0, 5, "MESH:D1")]
    result = score(gold, [m("d1", 0, 5)])["DISEASE"]
    assert result.mentions == Counts(1, 0, 0)
    assert result.mentions_with_id == Counts(0, 1, 1)
    assert (result.concepts.tp, result.concepts.fp, result.concepts.fn) == (0, 0, 1)


def test_score_without_predictions():
    result = score(GOLD, [])["DISEASE"]
    assert result.mentions == Counts(0, 0, 4)
    assert result.mentions.f1 == 0.0
    assert score([], PREDICTED) == {}


# -- format_table ------------------------------------------------------------------------------------------
def test_format_table(scores):
    table = format_table([("tiny", scores), ("other", {"SPECIES": scores["SPECIES"]})])
    lines = table.split("\n")
    assert lines[0] == ("| corpus | label | mention P | mention R | mention F1 | mention+id F1 | concept P | concept R "
                        "| concept F1 |")  # fmt: skip
    assert lines[1] == "|---|---|---|---|---|---|---|---|---|"
    assert len(lines) == 5
    assert all(line.startswith("| ") and line.endswith(" |") and line.count("|") == 10 for line in lines[2:])
    assert lines[2] == "| tiny | DISEASE | 0.500 | 0.500 | 0.500 | 0.250 | 0.750 | 0.750 | 0.750 |"
    assert lines[3] == "| tiny | SPECIES | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |"
    assert lines[4].startswith("| other | SPECIES | 1.000 |")


def test_format_table_without_rows():
    assert len(format_table([]).split("\n")) == 2


# -- end to end: a tiny PubTator corpus --------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny(nlp):
    documents = list(read_pubtator(TINY))
    return documents, list(annotate_documents(nlp, documents))


def test_tiny_corpus_gold(tiny):
    documents, _ = tiny
    gold = gold_mentions(documents)
    assert [d.id for d in documents] == ["1001", "1002"]
    assert len(gold) == 13
    assert {g.label for g in gold} == {"DISEASE", "SPECIES", "THERAPY"}
    aml = next(g for g in gold if g.start == 0 and g.doc_id == "1002")
    assert aml.ids == ids("MESH:D015470", "OMIM:601626")


def test_tiny_corpus_predictions_leave_out_non_drug_therapies(tiny):
    _, docs = tiny
    transplantation = [e for e in docs[1].ents if e.text == "stem cell transplantation"]
    assert transplantation and transplantation[0].label_ == "THERAPY" and transplantation[0]._.subtype != "drug"
    predicted = predicted_mentions(docs)
    assert (transplantation[0].start_char, transplantation[0].end_char) not in {
        (p.start, p.end) for p in predicted if p.doc_id == "1002"
    }
    cats = next(p for p in predicted if p.doc_id == "1001" and p.start == 31)
    assert cats.label == "SPECIES" and cats.ids == ids("NCBITaxon:9685", "MESH:D002415")
    drug = next(p for p in predicted if p.doc_id == "1001" and p.start == 49)
    assert drug.label == "THERAPY" and drug.ids == ids("MESH:D011239")


def test_tiny_corpus_scores_perfectly(tiny):
    documents, docs = tiny
    scores = score(gold_mentions(documents), predicted_mentions(docs))
    assert list(scores) == ["DISEASE", "SPECIES", "THERAPY"]
    for label, s in scores.items():
        for measure in (s.mentions, s.mentions_with_id, s.concepts):
            assert (measure.precision, measure.recall, measure.f1) == (1.0, 1.0, 1.0), (label, measure)
    assert scores["DISEASE"].mentions == Counts(5, 0, 0)
    assert scores["DISEASE"].concepts.tp_gold == 5  # D000740, D013921, D015470, OMIM:601626, D001249
    assert "| tiny | THERAPY | 1.000 |" in format_table([("tiny", scores)])


# -- files: PubTator and BioC, through evaluate_documents and the CLI ----------------------------
def _bioc_collection(document):
    """A BioC collection (bioc's own model) of one Document with its annotations, title and abstract as passages."""
    import bioc

    collection = bioc.BioCCollection()
    doc = bioc.BioCDocument()
    doc.id = document.id
    for offset, text in (
        (0, document.text[: document.title_end]),
        (document.title_end + 1, document.text[document.title_end + 1 :]),
    ):
        passage = bioc.BioCPassage()
        passage.offset, passage.text = offset, text
        for number, a in enumerate(document.annotations):
            if offset <= a.start < offset + len(text):
                annotation = bioc.BioCAnnotation()
                annotation.id = str(number)
                annotation.text = a.text
                annotation.infons = {"type": a.type, "identifier": a.id}
                annotation.add_location(bioc.BioCLocation(a.start, a.end - a.start))
                passage.add_annotation(annotation)
        doc.add_passage(passage)
    collection.add_document(doc)
    return collection


@pytest.fixture(scope="module")
def tiny_predicted(nlp, tmp_path_factory):
    """entitylink annotate's PubTator output for the tiny gold file's texts."""
    from entitylink.io.writers import write_pubtator

    path = tmp_path_factory.mktemp("predicted") / "predicted.pubtator"
    with open(path, "w", encoding="utf-8") as out:
        write_pubtator(annotate_documents(nlp, read_pubtator(TINY)), out)
    return path


def test_a_predicted_pubtator_file_scores_like_the_docs(kb, nlp, tiny_predicted):
    gold = list(read_pubtator(TINY))
    from_file = evaluate_documents(gold, list(read_pubtator(tiny_predicted)), kb)
    from_docs = score(gold_mentions(gold), predicted_mentions(annotate_documents(nlp, gold)))
    for label in from_docs:
        for measure in ("mentions", "mentions_with_id", "concepts"):
            assert getattr(from_file[label], measure).f1 == pytest.approx(getattr(from_docs[label], measure).f1), (label, measure)


def test_file_predictions_keep_only_drug_therapies_and_add_equivalent_ids(kb):
    document = Document("1", "x" * 60, annotations=[
        Annotation(0, 10, "prednisolone", "THERAPY", "D011239"),
        Annotation(11, 20, "transplant", "THERAPY", "D018380"),  # a procedure: not a chemical
        Annotation(21, 30, "AML", "DISEASE", "D015470"),
    ])  # fmt: skip
    found = {m.start: m for m in file_predictions([document], kb)}
    assert set(found) == {0, 21}
    assert {"MESH:D015470", "MONDO:0018874"} <= found[21].ids


def test_equivalent_ids_of_a_mesh_disease(kb):
    ids = equivalent_ids(kb, "MESH:D015470")
    assert "MONDO:0018874" in ids and any(i.startswith("OMIM:") for i in ids)


def test_gold_documents_without_predictions_score_as_empty(kb):
    gold = list(read_pubtator(TINY))
    scores = evaluate_documents(gold, [], kb)
    assert all(s.mentions.tp == 0 and s.mentions.fn > 0 for s in scores.values())


def test_bioc_gold_scores_like_pubtator_gold(kb, tmp_path, tiny_predicted):
    import bioc
    from bioc import biocjson

    gold = list(read_pubtator(TINY))
    xml, json_path = tmp_path / "gold.xml", tmp_path / "gold.json"
    collection = bioc.BioCCollection()
    for document in gold:
        collection.add_document(_bioc_collection(document).documents[0])
    xml.write_text(bioc.dumps(collection), encoding="utf-8")
    json_path.write_text(biocjson.dumps(collection), encoding="utf-8")
    predicted = list(read_pubtator(tiny_predicted))
    expected = evaluate_documents(gold, predicted, kb)
    for path in (xml, json_path):
        from_bioc = list(read_inputs([path]))
        assert [d.id for d in from_bioc] == [d.id for d in gold]
        assert [d.text for d in from_bioc] == [d.text for d in gold]
        scores = evaluate_documents(from_bioc, predicted, kb)
        assert {label: s.to_dict() for label, s in scores.items()} == {label: s.to_dict() for label, s in expected.items()}


def test_evaluate_command(tmp_path, tiny_predicted):
    from typer.testing import CliRunner

    from entitylink.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(TINY), str(tiny_predicted), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"DISEASE", "SPECIES", "THERAPY"}
    assert scores["DISEASE"]["mentions"]["f1"] == 1.0
    table = runner.invoke(app, ["evaluate", str(TINY), str(tiny_predicted)])
    assert table.exit_code == 0 and "| eval_tiny.pubtator | DISEASE |" in table.stdout
    missing = runner.invoke(app, ["evaluate", str(tmp_path / "nope.pubtator"), str(tiny_predicted)])
    assert missing.exit_code == 1 and "nope.pubtator: no such file or folder" in missing.output


def test_strict_ids_compare_ids_as_written(kb):
    """A MONDO id predicted for a MeSH gold id counts through its equivalents, and not with --strict-ids."""
    gold = [Document("1", "x" * 30, annotations=[Annotation(21, 30, "AML", "Disease", "D015470")])]
    predicted = [Document("1", "x" * 30, annotations=[Annotation(21, 30, "AML", "DISEASE", "MONDO:0018874")])]
    assert evaluate_documents(gold, predicted, kb)["DISEASE"].mentions_with_id.tp == 1
    strict = evaluate_documents(gold, predicted, kb, strict_ids=True)["DISEASE"]
    assert (strict.mentions.tp, strict.mentions_with_id.tp, strict.concepts.tp) == (1, 0, 0)


def test_strict_ids_of_docs_use_the_pubtator_id_only(nlp):
    doc = nlp("Bosch-Boonstra-Schaaf optic atrophy syndrome was seen.")
    (loose,) = predicted_mentions([doc])
    (strict,) = predicted_mentions([doc], strict_ids=True)
    assert strict.ids == {"OMIM:615722"} and {"OMIM:615722", "MONDO:0014320"} <= loose.ids


def test_evaluate_command_strict_ids(tiny_predicted):
    from typer.testing import CliRunner

    from entitylink.cli import app

    result = CliRunner().invoke(app, ["evaluate", str(TINY), str(tiny_predicted), "--json", "--strict-ids"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["SPECIES"]["mentions+id"]["f1"] == 1.0  # taxa are written as the corpus writes them


def test_strict_ids_of_a_coordination_are_those_of_each_concept(nlp):
    doc = nlp("Carriers had breast and ovarian cancers.")
    (strict,) = [m for m in predicted_mentions([doc], strict_ids=True) if m.label == "DISEASE"]
    assert strict.ids == {"MESH:D001943", "MESH:D010051"}  # both count as the document's concepts
