"""TSV and CSV: one row per mention, streamed."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from spacy.tokens import Doc

from entitylink.io.writers.rows import FILE_COLUMNS, file_rows

__all__ = ["write_mentions_csv"]


def write_mentions_csv(docs: Iterable[Doc], out: IO[str], sep: str = ",", header: bool = True) -> None:
    """Write the mentions of ``docs`` to ``out`` as they come: a header of :data:`~entitylink.io.writers.rows.FILE_COLUMNS` (unless
    ``header`` is False: a file being continued), then one row per mention (``kb_ids`` joined with
    ``"|"``). ``sep="\\t"`` writes TSV.

    No document is left out: a failed document, and a document without entities, has one row
    with its ``doc_id``, empty entity fields and its ``error`` (empty if it was annotated); rows
    with an empty ``start`` are those. Fields with separators, quotes or line breaks are quoted
    (the csv module's Excel dialect), and lines end with ``"\\n"``, so ``awk -F'\\t'`` and ``cut`` read a
    TSV file by lines; open ``out`` with ``newline=""``.
    ``pandas.read_csv(path, sep=sep, keep_default_na=False, na_values=[""], dtype=...)`` reads it back
    (``keep_default_na=False`` keeps mention texts such as ``"NA"``).
    """
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    if header:
        writer.writerow(FILE_COLUMNS)
    for doc in docs:
        writer.writerows(file_rows(doc))
