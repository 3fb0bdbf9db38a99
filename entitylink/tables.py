"""Annotated documents as tables: pandas DataFrames and streamed CSV/TSV files.

- :func:`to_dataframe`: one row per entity mention (:data:`MENTION_COLUMNS`);
- :func:`documents_dataframe`: one row per document, with its entity count and error
  (:data:`DOCUMENT_COLUMNS`), so documents without mentions, failed ones included, stay visible;
- :func:`concept_table`: one row per concept of a document (:data:`CONCEPT_COLUMNS`),
  from ``doc._.linked_entities``;
- :func:`write_mentions_csv` and :func:`write_mentions_parquet`: the mention rows written as
  they come (:data:`CSV_COLUMNS`), with a row for every document that has no mention.

In the DataFrames ``kb_ids``, ``ids`` and ``texts`` are Python lists; in the flat files
``kb_ids`` is joined with ``"|"``. Missing values (an unlinked mention's ``kb_id``, a
document without an id) are NaN in the DataFrames and empty fields in the files.

Each function goes through ``docs`` once: pass a list to call several on the same documents.
The DataFrame functions also take :class:`~entitylink.records.AnnotatedDocument` records.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from spacy.tokens import Doc

from .annotate import doc_error
from .outputs import entity_dict

__all__ = [
    "CONCEPT_COLUMNS",
    "CSV_COLUMNS",
    "DOCUMENT_COLUMNS",
    "MENTION_COLUMNS",
    "concept_table",
    "documents_dataframe",
    "to_dataframe",
    "write_mentions_csv",
    "write_mentions_parquet",
]

#: the columns of :func:`to_dataframe` and their dtypes (``str``: pandas' string dtype, NaN when missing)
_MENTION_DTYPES: dict[str, Any] = {
    "doc_id": str,
    "start": "int64",
    "end": "int64",
    "text": str,
    "label": str,
    "kb_id": str,
    "kb_ids": object,
    "name": str,
    "score": "float64",
    "subtype": str,
}
_DOCUMENT_DTYPES: dict[str, Any] = {"doc_id": str, "entities": "int64", "error": str}
_CONCEPT_DTYPES: dict[str, Any] = {
    "doc_id": str,
    "label": str,
    "kb_id": str,
    "name": str,
    "ids": object,
    "mentions": "int64",
    "texts": object,
}

MENTION_COLUMNS: tuple[str, ...] = tuple(_MENTION_DTYPES)
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(_DOCUMENT_DTYPES)
CONCEPT_COLUMNS: tuple[str, ...] = tuple(_CONCEPT_DTYPES)
#: the columns of :func:`write_mentions_csv`: the mention columns, then the document's error
CSV_COLUMNS: tuple[str, ...] = (*MENTION_COLUMNS, "error")

#: what joins ``kb_ids`` in a flat file
_ID_SEPARATOR = "|"


def _mention_rows(doc: Doc) -> Iterator[dict[str, Any]]:
    """The mention records of ``doc`` (:data:`MENTION_COLUMNS`); none for a failed document."""
    if doc_error(doc) is not None:
        return
    for ent in doc.ents:
        record = entity_dict(ent)
        record["doc_id"] = doc._.doc_id
        record["name"] = record["kb_name"]
        yield {column: record[column] for column in MENTION_COLUMNS}


def _frame(rows: Iterable[dict[str, Any]], dtypes: dict[str, Any]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with the columns and dtypes of ``dtypes``, also when there is no row."""
    columns: dict[str, list[Any]] = {column: [] for column in dtypes}
    for row in rows:
        for column, values in columns.items():
            values.append(row[column])
    return pd.DataFrame({column: pd.Series(values, dtype=dtypes[column]) for column, values in columns.items()})


def _docs(items: Iterable[Any]) -> Iterator[Doc]:
    """Docs, or the Docs of :class:`~entitylink.records.AnnotatedDocument` records."""
    for item in items:
        yield item if isinstance(item, Doc) else item.doc


def to_dataframe(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per entity mention of ``docs``, in document order (:data:`MENTION_COLUMNS`).

    ``start``/``end`` are character offsets into ``doc.text``, ``name`` is ``ent._.kb_name``
    and ``kb_ids`` a list. Failed documents and documents without entities give no row:
    see :func:`documents_dataframe`.
    """
    return _frame((row for doc in _docs(docs) for row in _mention_rows(doc)), _MENTION_DTYPES)


def documents_dataframe(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per document (:data:`DOCUMENT_COLUMNS`): its id, its number of entities and
    its error (:func:`entitylink.annotate.doc_error`, NaN when it was annotated)."""
    return _frame(({"doc_id": doc._.doc_id, "entities": len(doc.ents), "error": doc_error(doc)} for doc in _docs(docs)),
                  _DOCUMENT_DTYPES)  # fmt: skip


def concept_table(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per concept of each document (:data:`CONCEPT_COLUMNS`), from ``doc._.linked_entities``.

    ``mentions`` counts the concept's mentions, ``texts`` lists their distinct texts in order of
    first appearance and ``ids`` the concept's identifiers. Unlinked mentions are not counted.
    """

    def rows() -> Iterator[dict[str, Any]]:
        for doc in _docs(docs):
            for concepts in doc._.linked_entities.values():
                for c in concepts:
                    texts = list(dict.fromkeys(c.mentions))
                    yield {"doc_id": doc._.doc_id, "label": c.label, "kb_id": c.curie, "name": c.name,
                           "ids": list(c.ids), "mentions": len(c.mentions), "texts": texts}  # fmt: skip

    return _frame(rows(), _CONCEPT_DTYPES)


def _file_rows(doc: Doc, join_ids: bool = True) -> Iterator[list[Any]]:
    """The rows of ``doc`` in a file (:data:`CSV_COLUMNS`): one per mention, or else one with
    the document's id, empty entity fields and its error (empty when it was annotated)."""
    found = False
    for row in _mention_rows(doc):
        found = True
        if join_ids:
            row["kb_ids"] = _ID_SEPARATOR.join(row["kb_ids"])
        yield [*(row[column] for column in MENTION_COLUMNS), None]
    if not found:
        yield [doc._.doc_id, *[None] * (len(MENTION_COLUMNS) - 1), doc_error(doc)]


def write_mentions_csv(docs: Iterable[Doc], out: IO[str], sep: str = ",", header: bool = True) -> None:
    """Write the mentions of ``docs`` to ``out`` as they come: a header of :data:`CSV_COLUMNS` (unless
    ``header`` is False: a file being continued), then one row per mention (``kb_ids`` joined with
    ``"|"``). ``sep="\\t"`` writes TSV.

    No document is left out: a failed document, and a document without entities, has one row
    with its ``doc_id``, empty entity fields and its ``error`` (empty if it was annotated); rows
    with an empty ``start`` are those. Fields with separators, quotes or line breaks are quoted
    (the csv module's Excel dialect, lines end with ``"\\r\\n"``): open ``out`` with ``newline=""``.
    ``pandas.read_csv(path, sep=sep, keep_default_na=False, na_values=[""], dtype=...)`` reads it back
    (``keep_default_na=False`` keeps mention texts such as ``"NA"``).
    """
    writer = csv.writer(out, delimiter=sep)
    if header:
        writer.writerow(CSV_COLUMNS)
    for doc in docs:
        writer.writerows(_file_rows(doc))


_PARQUET_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("label", pa.string()),
    ("kb_id", pa.string()), ("kb_ids", pa.list_(pa.string())), ("name", pa.string()), ("score", pa.float64()),
    ("subtype", pa.string()), ("error", pa.string()),
])  # fmt: skip


def write_mentions_parquet(docs: Iterable[Doc], path: Path, chunk_rows: int = 50_000) -> None:
    """Write the rows of :func:`write_mentions_csv` to a Parquet file (``kb_ids`` a list of strings),
    one row group per ``chunk_rows`` rows, so memory stays flat however many documents come."""
    rows = (row for doc in docs for row in _file_rows(doc, join_ids=False))
    with pq.ParquetWriter(path, _PARQUET_SCHEMA) as writer:
        while chunk := list(islice(rows, chunk_rows)):
            columns = list(zip(*chunk))
            writer.write_table(pa.table(columns, schema=_PARQUET_SCHEMA))
