"""JSON Lines: one record per document, ``doc._.to_dict()`` or the error of a failed document."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from spacy.tokens import Doc

from entitylink.pipeline.extensions import doc_error

__all__ = ["document_record", "failed_record", "write_jsonl"]


def failed_record(doc_id: str, error: str) -> dict[str, Any]:
    return {"id": doc_id, "error": error, "entities": []}


def write_jsonl(docs: Iterable[Doc], out: IO[str]) -> None:
    """One JSON object per document (``doc._.to_dict()``, or the error of a failed document)."""
    for doc in docs:
        out.write(json.dumps(document_record(doc), ensure_ascii=False) + "\n")


def document_record(doc: Doc) -> dict[str, Any]:
    """The JSON record of an annotated document (``doc._.to_dict()``), or of a failed one: its id and error."""
    error = doc_error(doc)
    return failed_record(doc._.doc_id, error) if error else doc._.to_dict()
