"""Annotating many documents: every input document yields exactly one annotated Doc.

A document that cannot be read, or that a component fails on, still yields a Doc:
empty, or as far as the pipeline got, with the reason in
``doc.user_data["entitylink_error"]`` (see :func:`doc_error`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions
from .readers import Document

__all__ = ["annotate_documents", "doc_error", "title_end"]

_ERROR = "entitylink_error"
_TITLE_END = "entitylink_title_end"


def doc_error(doc: Doc) -> str | None:
    """Why a document was not (fully) annotated, or None."""
    return doc.user_data.get(_ERROR)


def title_end(doc: Doc) -> int | None:
    """Where the title ends in the text of a document read from PubTator, else None."""
    return doc.user_data.get(_TITLE_END)


def _record_error(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
    for doc in docs:
        doc.user_data[_ERROR] = f"{name} failed: {type(error).__name__}: {error}"


def annotate_documents(nlp: Language, documents: Iterable[Document], *, batch_size: int = 64,
                       n_process: int = 1) -> Iterator[Doc]:  # fmt: skip
    """Run ``nlp`` over ``documents``, in order, one Doc per document with ``doc._.doc_id`` set."""
    register_extensions()
    nlp.set_error_handler(_record_error)
    pairs = ((document.text if document.error is None else "", document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        doc._.doc_id = document.id
        if document.error is not None:
            doc.user_data[_ERROR] = document.error
        if document.title_end is not None:
            doc.user_data[_TITLE_END] = document.title_end
        yield doc
