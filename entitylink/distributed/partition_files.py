"""A partition's two Parquet files, ``mentions/NAME.parquet`` and ``documents/NAME.parquet`` (pyarrow).

Each is written under a temporary name (a dot file, which Parquet readers skip) and renamed when
complete, the mentions first: a partition whose ``documents`` file exists is complete.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from spacy.tokens import Doc

from entitylink.atomic_files import atomic_path
from entitylink.io.document import Document
from entitylink.io.writers.parquet import MENTION_SCHEMA
from entitylink.io.writers.rows import mention_rows
from entitylink.labels import LABELS
from entitylink.pipeline.extensions import doc_error

__all__ = ["DOCUMENTS", "DOCUMENT_SCHEMA", "MENTIONS", "MENTION_SCHEMA", "PartitionWriter", "partition_counts",
           "partition_path", "partition_writer"]  # fmt: skip

MENTIONS, DOCUMENTS = "mentions", "documents"

#: one row per document: its id, input file, entity counts (all, then per label), PubMed's year and journal, error
DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("input", pa.string()), ("entities", pa.int64()),
    *[(f"{label.lower()}_mentions", pa.int64()) for label in LABELS],
    ("year", pa.int32()), ("journal", pa.string()), ("error", pa.string()),
])  # fmt: skip
_ROW_GROUP = 50_000  # mention rows per row group: a worker's memory stays flat however large its partition


def partition_path(out_dir: Path, table: str, name: str) -> Path:
    """Where a partition's ``mentions`` or ``documents`` table is."""
    return out_dir / table / f"{name}.parquet"


class PartitionWriter:
    """Adds annotated documents to a partition's files: mentions in row groups as they come, documents at the end."""

    def __init__(self, mentions: pq.ParquetWriter, input_name: str) -> None:
        self.mentions = mentions
        self.input_name = input_name
        self.mention_rows: list[dict[str, Any]] = []
        self.document_rows: list[dict[str, Any]] = []

    def add(self, doc: Doc, document: Document) -> None:
        rows = list(mention_rows(doc))
        labels = [row["label"] for row in rows]
        self.mention_rows += rows
        self.document_rows.append({
            "doc_id": doc._.doc_id, "input": self.input_name, "entities": len(rows),
            **{f"{label.lower()}_mentions": labels.count(label) for label in LABELS},
            "year": document.year, "journal": document.journal, "error": doc_error(doc),
        })  # fmt: skip
        if len(self.mention_rows) >= _ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        self.mentions.write_table(pa.Table.from_pylist(self.mention_rows, schema=MENTION_SCHEMA))
        self.mention_rows = []


@contextmanager
def partition_writer(out_dir: Path, name: str, input_name: str) -> Iterator[PartitionWriter]:
    """A :class:`PartitionWriter` whose two files appear under their names when the block succeeds, and not at all otherwise."""
    with (
        atomic_path(partition_path(out_dir, DOCUMENTS, name)) as documents,
        atomic_path(partition_path(out_dir, MENTIONS, name)) as mentions,
    ):
        with pq.ParquetWriter(mentions, MENTION_SCHEMA) as parquet:
            writer = PartitionWriter(parquet, input_name)
            yield writer
            writer.flush()
        pq.write_table(pa.Table.from_pylist(writer.document_rows, schema=DOCUMENT_SCHEMA), documents)


def partition_counts(out_dir: Path, name: str) -> dict[str, Any] | None:
    """The documents, failed documents, mentions and first error of a complete partition, read from its
    ``documents`` file; None when it is not complete."""
    path = partition_path(out_dir, DOCUMENTS, name)
    if not path.is_file():
        return None
    table = pq.read_table(path, columns=["entities", "error"])
    errors = [error for error in table.column("error").to_pylist() if error is not None]
    return {"documents": table.num_rows, "failed": len(errors), "mentions": sum(table.column("entities").to_pylist()),
            "error": errors[0] if errors else None}  # fmt: skip
