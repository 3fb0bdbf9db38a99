"""Writing annotated documents: JSON Lines, PubTator, Markdown, and one row per mention as TSV, CSV or Parquet.

One module per format; :func:`write_docs` writes any text format, :func:`write_path` any format to a
file path (Parquet, whose pyarrow is imported only when it is written, is written to a path only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from spacy.tokens import Doc

from entitylink.io.formats import BINARY_FORMATS, FORMATS
from entitylink.io.writers.delimited import write_mentions_csv
from entitylink.io.writers.jsonl import document_record, write_jsonl
from entitylink.io.writers.markdown import write_markdown
from entitylink.io.writers.pubtator import pubtator_id, write_pubtator

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "document_record",
    "pubtator_id",
    "write_docs",
    "write_jsonl",
    "write_markdown",
    "write_mentions_parquet",
    "write_pubtator",
]

_WRITERS: dict[str, Callable[[Iterable[Doc], IO[str]], None]] = {
    "jsonl": write_jsonl, "pubtator": write_pubtator, "markdown": write_markdown,
}  # fmt: skip
_SEPARATORS_OF_TABLES = {"tsv": "\t", "csv": ","}


def write_docs(docs: Iterable[Doc], out: IO[str], output_format: str, header: bool = True) -> None:
    """Write ``docs`` to ``out`` in one of the text :data:`FORMATS` (``header``: the column names of
    TSV and CSV, left out when continuing a file)."""
    if output_format in _SEPARATORS_OF_TABLES:
        write_mentions_csv(docs, out, sep=_SEPARATORS_OF_TABLES[output_format], header=header)
    else:
        _WRITERS[output_format](docs, out)


def write_mentions_parquet(docs: Iterable[Doc], path: Path, chunk_rows: int = 50_000) -> None:
    """:func:`entitylink.io.writers.parquet.write_mentions_parquet`, importing pyarrow only now."""
    from entitylink.io.writers import parquet

    parquet.write_mentions_parquet(docs, path, chunk_rows)
