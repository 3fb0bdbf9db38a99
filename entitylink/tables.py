"""Annotated documents as pandas DataFrames (pandas is imported when a table is made).

- :func:`to_dataframe`: one row per entity mention (:data:`MENTION_COLUMNS`);
- :func:`documents_dataframe`: one row per document, with its entity count and error
  (:data:`DOCUMENT_COLUMNS`), so documents without mentions, failed ones included, stay visible;
- :func:`concept_table`: one row per concept of a document (:data:`CONCEPT_COLUMNS`),
  from ``doc._.linked_entities``;

The flat files (TSV, CSV, Parquet) are written from the same rows by :mod:`entitylink.io.writers`.

In the DataFrames ``kb_ids``, ``ids`` and ``texts`` are Python lists; in the flat files
``kb_ids`` is joined with ``"|"``. Missing values (an unlinked mention's ``kb_id``, a
document without an id) are NaN in the DataFrames and empty fields in the files.

Each function goes through ``docs`` once: pass a list to call several on the same documents.
The DataFrame functions also take :class:`~entitylink.annotate.AnnotatedDocument` records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from entitylink.io.writers.rows import MENTION_COLUMNS, mention_rows
from entitylink.pipeline.extensions import doc_error

if TYPE_CHECKING:  # pandas is imported when a table is made, not with entitylink
    import pandas as pd

__all__ = [
    "CONCEPT_COLUMNS",
    "DOCUMENT_COLUMNS",
    "MENTION_COLUMNS",
    "concept_table",
    "documents_dataframe",
    "to_dataframe",
]

#: the dtypes of the columns of :func:`to_dataframe` (``str``: pandas' string dtype, NaN when missing)
_MENTION_DTYPES: dict[str, Any] = {column: str for column in MENTION_COLUMNS} | {
    "start": "int64", "end": "int64", "kb_ids": object, "score": "float64",
}  # fmt: skip
_DOCUMENT_DTYPES: dict[str, Any] = {"doc_id": str, "entities": "int64", "host_species": str, "error": str}
_CONCEPT_DTYPES: dict[str, Any] = {
    "doc_id": str,
    "label": str,
    "kb_id": str,
    "name": str,
    "ids": object,
    "mentions": "int64",
    "texts": object,
}

DOCUMENT_COLUMNS: tuple[str, ...] = tuple(_DOCUMENT_DTYPES)
CONCEPT_COLUMNS: tuple[str, ...] = tuple(_CONCEPT_DTYPES)


def _frame(rows: Iterable[dict[str, Any]], dtypes: dict[str, Any]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with the columns and dtypes of ``dtypes``, also when there is no row."""
    import pandas as pd

    columns: dict[str, list[Any]] = {column: [] for column in dtypes}
    for row in rows:
        for column, values in columns.items():
            values.append(row[column])
    return pd.DataFrame({column: pd.Series(values, dtype=dtypes[column]) for column, values in columns.items()})


def _docs(items: Iterable[Any]) -> Iterator[Doc]:
    """Docs, or the Docs of :class:`~entitylink.annotate.AnnotatedDocument` records."""
    for item in items:
        yield item if isinstance(item, Doc) else item.doc


def to_dataframe(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per entity mention of ``docs``, in document order (:data:`MENTION_COLUMNS`).

    ``start``/``end`` are character offsets into ``doc.text``, ``name`` is ``ent._.kb_name``
    and ``kb_ids`` a list. Failed documents and documents without entities give no row:
    see :func:`documents_dataframe`.
    """
    return _frame((row for doc in _docs(docs) for row in mention_rows(doc)), _MENTION_DTYPES)


def documents_dataframe(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per document (:data:`DOCUMENT_COLUMNS`): its id, its number of entities, its host
    species (``doc._.host_species`` as taxon ids joined with ``"|"``, NaN when none) and its error
    (:func:`entitylink.pipeline.extensions.doc_error`, NaN when it was annotated)."""
    rows = ({"doc_id": doc._.doc_id, "entities": len(doc.ents),
             "host_species": "|".join(c.curie for c in doc._.host_species) or None, "error": doc_error(doc)}
            for doc in _docs(docs))  # fmt: skip
    return _frame(rows, _DOCUMENT_DTYPES)


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
