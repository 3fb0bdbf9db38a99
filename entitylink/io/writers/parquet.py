"""Parquet: the rows of the delimited files in row groups, written with pyarrow (imported only here)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from spacy.tokens import Doc

from entitylink.io.writers.rows import FILE_COLUMNS, MENTION_COLUMNS, file_rows

__all__ = ["FILE_SCHEMA", "MENTION_SCHEMA", "write_mentions_parquet"]


#: the columns of :data:`~entitylink.io.writers.rows.FILE_COLUMNS` that are not strings
_TYPES = {"start": pa.int64(), "end": pa.int64(), "kb_ids": pa.list_(pa.string()), "score": pa.float64()}
#: the Parquet types of the mention columns (:data:`~entitylink.io.writers.rows.MENTION_COLUMNS`)
MENTION_SCHEMA = pa.schema([(column, _TYPES.get(column, pa.string())) for column in MENTION_COLUMNS])
#: the columns of a flat file (:data:`~entitylink.io.writers.rows.FILE_COLUMNS`): the mentions', then the document's error
FILE_SCHEMA = pa.schema([(column, _TYPES.get(column, pa.string())) for column in FILE_COLUMNS])


def write_mentions_parquet(docs: Iterable[Doc], path: Path, chunk_rows: int = 50_000) -> None:
    """Write the rows of :func:`~entitylink.io.writers.delimited.write_mentions_csv` to a Parquet file (``kb_ids`` a list of strings),
    one row group per ``chunk_rows`` rows, so memory stays flat however many documents come."""
    rows = (row for doc in docs for row in file_rows(doc, join_ids=False))
    with pq.ParquetWriter(path, FILE_SCHEMA) as writer:
        while chunk := list(islice(rows, chunk_rows)):
            columns = list(zip(*chunk))
            writer.write_table(pa.table(columns, schema=FILE_SCHEMA))
