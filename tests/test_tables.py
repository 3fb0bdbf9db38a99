"""Annotated documents as tables: to_dataframe, documents_dataframe, concept_table and write_mentions_csv."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from entitylink.annotate import annotate_documents
from entitylink.io.readers import Document
from entitylink.io.writers.delimited import write_mentions_csv
from entitylink.io.writers.rows import FILE_COLUMNS as CSV_COLUMNS
from entitylink.pipeline.extensions import doc_error
from entitylink.tables import (
    CONCEPT_COLUMNS,
    DOCUMENT_COLUMNS,
    MENTION_COLUMNS,
    concept_table,
    documents_dataframe,
    to_dataframe,
)

FAILED = "not UTF-8"
STRING_COLUMNS = ("doc_id", "text", "label", "kb_id", "name", "subtype", "mondo_id", "mesh_id", "omim_id", "taxon_id")


@pytest.fixture(scope="module")
def annotated(nlp, example_docs):
    """An abstract with an id, a failed document and one without entities (annotate_documents sets their ids)."""
    documents = [
        Document("19309241", example_docs["19309241"].text),
        Document("bad", "", error=FAILED),
        Document("empty", "The weather was fine on Tuesday."),
    ]
    return list(annotate_documents(nlp, documents))


@pytest.fixture(scope="module")
def all_docs(example_docs, annotated):
    """The example abstracts (annotated without ids) then the documents of ``annotated``."""
    return [*example_docs.values(), *annotated]


@pytest.fixture
def awkward(nlp):
    """A document whose id, mention texts and names hold separators, quotes and line breaks, and a mention "NA"."""
    doc = nlp.make_doc('Cats, "dogs"\tand\nmice;\r\nNA here.')
    first = doc.char_span(0, doc.text.index(";"), label="SPECIES")
    second = doc.char_span(doc.text.index("NA"), doc.text.index(" here"), label="DISEASE")
    doc.ents = [first, second]
    doc._.doc_id = 'id, "1"\t2\n3'
    first._.kb_id, first._.kb_ids, first._.kb_name, first._.score = "X:1", ["X:1", "Y:2"], 'cats, "dogs";\rmice\r\n', 0.125
    return doc


def written(docs, sep: str) -> str:
    out = io.StringIO(newline="")
    write_mentions_csv(docs, out, sep)
    return out.getvalue()


def read_back(text: str, sep: str) -> pd.DataFrame:
    """A written file as pandas reads it: every row, kb_ids still joined."""
    return pd.read_csv(io.StringIO(text, newline=""), sep=sep, keep_default_na=False, na_values=[""],
                       dtype={c: str for c in (*STRING_COLUMNS, "kb_ids", "error")}, float_precision="round_trip")  # fmt: skip


def mentions_of(table: pd.DataFrame) -> pd.DataFrame:
    """The mention rows of a file read back, as :func:`to_dataframe` gives them."""
    rows = table[table["start"].notna()].reset_index(drop=True)
    rows = rows.astype({"start": "int64", "end": "int64"})
    rows["kb_ids"] = pd.Series([ids.split("|") if isinstance(ids, str) else [] for ids in rows["kb_ids"]], dtype=object)
    return rows[list(MENTION_COLUMNS)]


# -- to_dataframe ----------------------------------------------------------------------------------------
def test_columns_and_dtypes(example_docs):
    frame = to_dataframe(example_docs.values())
    assert tuple(frame.columns) == MENTION_COLUMNS
    assert frame["start"].dtype == frame["end"].dtype == "int64"
    assert frame["score"].dtype == "float64"
    assert frame["kb_ids"].dtype == object
    assert all(pd.api.types.is_string_dtype(frame[c]) for c in STRING_COLUMNS)
    assert frame.dtypes.equals(to_dataframe([]).dtypes)


def test_one_row_per_entity_with_its_offsets_and_attributes(example_docs):
    docs = list(example_docs.values())
    frame = to_dataframe(docs)
    ents = [ent for doc in docs for ent in doc.ents]
    assert len(frame) == len(ents) > 0
    for ent, row in zip(ents, frame.itertuples(index=False), strict=True):
        assert ent.doc.text[row.start : row.end] == row.text == ent.text
        assert row.label == ent.label_
        assert row.kb_ids == list(ent._.kb_ids)
        if ent._.kb_id is None:
            assert pd.isna(row.kb_id) and pd.isna(row.name)
        else:
            assert (row.kb_id, row.name, row.score) == (ent._.kb_id, ent._.kb_name, ent._.score)
            assert row.kb_id in row.kb_ids
    assert frame["doc_id"].isna().all()  # nlp(text) gives no id


def test_doc_ids_come_from_the_documents(annotated):
    frame = to_dataframe(annotated)
    assert set(frame["doc_id"]) == {"19309241"}
    assert len(frame) == len(annotated[0].ents)


def test_kb_ids_are_copies(example_docs):
    doc = example_docs["19309241"]
    frame = to_dataframe([doc])
    frame.loc[0, "kb_ids"].append("X:0")
    assert "X:0" not in doc.ents[0]._.kb_ids


def test_empty_input_gives_empty_frames_with_their_columns():
    for function, columns in ((to_dataframe, MENTION_COLUMNS), (documents_dataframe, DOCUMENT_COLUMNS),
                              (concept_table, CONCEPT_COLUMNS)):  # fmt: skip
        frame = function(iter([]))
        assert frame.empty and tuple(frame.columns) == columns
    assert to_dataframe([])["start"].dtype == "int64"
    assert to_dataframe([])["score"].dtype == "float64"
    assert concept_table([])["mentions"].dtype == documents_dataframe([])["entities"].dtype == "int64"


# -- failed documents and documents without entities ----------------------------------------------------
def test_failed_and_empty_documents_give_no_mention_but_a_document_row(annotated):
    bad, empty = annotated[1], annotated[2]
    assert doc_error(bad) == FAILED and not bad.ents and not empty.ents
    assert to_dataframe([bad, empty]).empty and concept_table([bad, empty]).empty
    documents = documents_dataframe(annotated)
    assert tuple(documents.columns) == DOCUMENT_COLUMNS
    assert documents["doc_id"].tolist() == ["19309241", "bad", "empty"]
    assert documents["entities"].tolist() == [len(annotated[0].ents), 0, 0]
    assert documents["error"].isna().tolist() == [True, False, True]
    assert documents.loc[1, "error"] == FAILED


def test_documents_dataframe_counts_agree_with_to_dataframe(all_docs):
    counts = to_dataframe(all_docs).groupby("doc_id").size()
    documents = documents_dataframe(all_docs).set_index("doc_id")
    assert documents.loc["19309241", "entities"] == counts["19309241"]
    assert documents["entities"].sum() == len(to_dataframe(all_docs))


# -- concept_table ---------------------------------------------------------------------------------------
def test_concept_table_agrees_with_linked_entities(example_docs):
    for doc in example_docs.values():
        table = concept_table([doc])
        concepts = [c for found in doc._.linked_entities.values() for c in found]
        assert tuple(table.columns) == CONCEPT_COLUMNS
        assert table["kb_id"].tolist() == [c.curie for c in concepts]
        assert table["label"].tolist() == [c.label for c in concepts]
        assert table["mentions"].tolist() == [len(c.mentions) for c in concepts]
        assert table["ids"].tolist() == [c.ids for c in concepts]
        assert table["texts"].tolist() == [list(dict.fromkeys(c.mentions)) for c in concepts]
        assert table["mentions"].sum() == sum(1 for ent in doc.ents if ent._.kb_id)


def test_concept_table_counts_match_the_mention_rows(example_docs):
    mentions = to_dataframe(example_docs.values()).dropna(subset=["kb_id"])
    table = concept_table(example_docs.values())
    assert table["mentions"].sum() == len(mentions)
    prca = concept_table([example_docs["PMC12171867"]]).set_index("kb_id").loc["MONDO:0001705"]
    assert prca["mentions"] >= 6 and prca["texts"][:3] == ["pure red cell aplasia", "Pure red cell aplasia", "PRCA"]
    assert table["mentions"].dtype == "int64"


# -- write_mentions_csv ----------------------------------------------------------------------------------
@pytest.mark.parametrize("sep", ["\t", ","])
def test_csv_round_trip_equals_to_dataframe(all_docs, sep):
    table = read_back(written(all_docs, sep), sep)
    assert tuple(table.columns) == CSV_COLUMNS
    pd.testing.assert_frame_equal(mentions_of(table), to_dataframe(all_docs))


@pytest.mark.parametrize("sep", ["\t", ","])
def test_every_document_has_a_row(annotated, sep):
    table = read_back(written(annotated, sep), sep)
    assert table["doc_id"].unique().tolist() == ["19309241", "bad", "empty"]
    assert len(table) == len(annotated[0].ents) + 2
    last = table.tail(2)
    assert last["error"].isna().tolist() == [False, True] and last["error"].iloc[0] == FAILED
    assert last[list(MENTION_COLUMNS[1:])].isna().all().all()  # no entity fields
    assert table.head(-2)["error"].isna().all()


def test_kb_ids_are_joined_with_a_bar(annotated):
    table = read_back(written(annotated, "\t"), "\t")
    human = table[table["kb_id"] == "NCBITaxon:9606"]
    assert not human.empty and (human["kb_ids"] == "NCBITaxon:9606|MESH:D006801").all()


@pytest.mark.parametrize("sep", ["\t", ","])
def test_separators_quotes_and_line_breaks_survive(nlp, awkward, sep):
    failed = next(annotate_documents(nlp, [Document('x,"y"', "", error='bad\tbytes, "here"\r\nline 2')]))
    docs = [awkward, failed]
    table = read_back(written(docs, sep), sep)
    assert len(table) == 3
    pd.testing.assert_frame_equal(mentions_of(table), to_dataframe(docs))
    first = mentions_of(table).iloc[0]
    assert first["doc_id"] == 'id, "1"\t2\n3'
    assert first["text"] == 'Cats, "dogs"\tand\nmice' == awkward.text[first["start"] : first["end"]]
    assert first["name"] == 'cats, "dogs";\rmice\r\n' and table.iloc[0]["kb_ids"] == "X:1|Y:2"
    assert table.iloc[1]["text"] == "NA"
    assert (table.iloc[2]["doc_id"], table.iloc[2]["error"]) == ('x,"y"', 'bad\tbytes, "here"\r\nline 2')


def test_empty_input_writes_the_header_only():
    assert written([], ",") == ",".join(CSV_COLUMNS) + "\n"
    assert read_back(written([], "\t"), "\t").empty


def test_writes_each_document_as_it_comes(annotated):
    out = io.StringIO(newline="")
    seen: list[str] = []

    def docs():
        for doc in annotated:
            seen.append(out.getvalue())  # what was written before this document was asked for
            yield doc

    write_mentions_csv(docs(), out, "\t")
    assert _records(seen[1]) == 1 + len(annotated[0].ents)  # header and the first document
    assert _records(out.getvalue()) == 1 + len(annotated[0].ents) + 2


def _records(text: str) -> int:
    """Rows of a TSV text, fields with line breaks included."""
    return len(list(csv.reader(io.StringIO(text, newline=""), delimiter="\t")))


def test_to_dataframe_accepts_a_generator(example_docs):
    docs = list(example_docs.values())
    assert to_dataframe(doc for doc in docs).equals(to_dataframe(docs))


def test_parquet_rows_equal_the_csv_rows_and_keep_every_document(nlp, tmp_path):
    import pandas as pd

    from entitylink.annotate import annotate_documents
    from entitylink.io.readers import Document
    from entitylink.io.writers import write_mentions_parquet

    docs = list(annotate_documents(nlp, [Document("a", "Anemia in cats."), Document("b", "", error="not UTF-8"),
                                         Document("c", "Nothing to see.")]))  # fmt: skip
    path = tmp_path / "m.parquet"
    write_mentions_parquet(docs, path, chunk_rows=1)
    table = pd.read_parquet(path)
    assert table["doc_id"].tolist() == ["a", "a", "b", "c"]
    assert table["error"].tolist()[2] == "not UTF-8"
    assert table["kb_ids"].tolist()[0].tolist() == docs[0].ents[0]._.kb_ids
    write_mentions_parquet([], tmp_path / "empty.parquet")
    assert pd.read_parquet(tmp_path / "empty.parquet").empty


def test_documents_dataframe_has_the_host_species(example_docs):
    frame = documents_dataframe(example_docs.values())
    assert list(frame.columns) == ["doc_id", "entities", "host_species", "error"]
    assert list(frame["host_species"]) == ["NCBITaxon:9606", "NCBITaxon:9685", "NCBITaxon:9606"]
