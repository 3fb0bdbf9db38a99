"""Annotated documents as rows, one per mention, for the tables and the flat files (TSV, CSV, Parquet)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc

from entitylink.curie import VOCABULARY_FIELDS
from entitylink.pipeline.extensions import doc_error
from entitylink.pipeline.outputs import entity_dict

__all__ = ["FILE_COLUMNS", "MENTION_COLUMNS", "file_rows", "mention_rows"]

#: the columns of a mention row: entitylink's id (``kb_id``) and all its ids, then the id of each vocabulary
MENTION_COLUMNS = ("doc_id", "start", "end", "text", "label", "kb_id", "kb_ids", "name", "score", "subtype", *VOCABULARY_FIELDS)
#: the columns of a flat file: the mention columns, then the document's error
FILE_COLUMNS = (*MENTION_COLUMNS, "error")

#: what joins ``kb_ids`` in a flat file
ID_SEPARATOR = "|"


def mention_rows(doc: Doc) -> Iterator[dict[str, Any]]:
    """The mention records of ``doc`` (:data:`MENTION_COLUMNS`); none for a failed document."""
    if doc_error(doc) is not None:
        return
    for ent in doc.ents:
        record = entity_dict(ent)
        record["doc_id"] = doc._.doc_id
        record["name"] = record["kb_name"]
        yield {column: record[column] for column in MENTION_COLUMNS}


def file_rows(doc: Doc, join_ids: bool = True) -> Iterator[list[Any]]:
    """The rows of ``doc`` in a file (:data:`FILE_COLUMNS`): one per mention, or else one with
    the document's id, empty entity fields and its error (empty when it was annotated)."""
    found = False
    for row in mention_rows(doc):
        found = True
        if join_ids:
            row["kb_ids"] = ID_SEPARATOR.join(row["kb_ids"])
        yield [*(row[column] for column in MENTION_COLUMNS), None]
    if not found:
        yield [doc._.doc_id, *[None] * (len(MENTION_COLUMNS) - 1), doc_error(doc)]
