"""Annotating many documents: every input document yields exactly one annotated Doc.

A document that cannot be read, or that a component fails on, still yields a Doc
(without entities) with the reason in ``doc.user_data["entitylink_error"]`` (see
:func:`doc_error`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from .extensions import register_extensions
from .readers import Document

logger = logging.getLogger(__name__)

__all__ = ["annotate_documents", "doc_error", "title_end"]

_ERROR = "entitylink_error"
_TITLE_END = "entitylink_title_end"


def doc_error(doc: Doc) -> str | None:
    """Why a document was not (fully) annotated, or None."""
    return doc.user_data.get(_ERROR)


def title_end(doc: Doc) -> int | None:
    """Where the title ends in the text of a document read from PubTator, else None."""
    return doc.user_data.get(_TITLE_END)


def annotate_documents(nlp: Language, documents: Iterable[Document], *, batch_size: int = 64,
                       n_process: int = 1) -> Iterator[Doc]:  # fmt: skip
    """Run ``nlp`` over ``documents``, in order, one Doc per document with ``doc._.doc_id`` set.

    A component that raises on a document does not stop the run: spaCy's error handler
    logs it, spaCy leaves that document out of its output, and it is yielded here as a
    Doc of its text without entities, its error set (the exception itself when
    ``n_process`` is 1). A component that cannot hold an error handler (spaCy 3.8's
    compiled NER) and raises makes its batch run again one document at a time.
    """
    register_extensions()
    pending: dict[int, Document] = {}
    problems: dict[int, str] = {}

    def on_error(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
        message = f"{name} failed: {type(error).__name__}: {error}"
        logger.warning("%s", message)
        for doc in docs:
            if isinstance(doc._context, int):
                problems[doc._context] = message  # reaches the caller only without worker processes

    def numbered() -> Iterator[tuple[str, int]]:
        for number, document in enumerate(documents):
            pending[number] = document
            yield (document.text if document.error is None else ""), number

    stream = numbered()
    _set_error_handler(nlp, on_error)
    try:
        expected = 0
        while True:
            try:
                for doc, number in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
                    for dropped in range(expected, number):
                        yield _failed(nlp, pending.pop(dropped), problems.pop(dropped, _COMPONENT_FAILED))
                    expected = number + 1
                    yield _finished(doc, pending.pop(number))
                break
            except Exception as error:  # a component that takes no error handler failed on a batch
                logger.warning("%s; annotating its batch one document at a time", error)
                for number in sorted(pending):
                    yield _alone(nlp, pending.pop(number), number, problems)
                    expected = number + 1
        for dropped in sorted(pending):
            yield _failed(nlp, pending.pop(dropped), problems.pop(dropped, _COMPONENT_FAILED))
    finally:
        _set_error_handler(nlp, raise_error)  # spaCy's default: the pipeline raises again outside this run


def _set_error_handler(nlp: Language, handler: Any) -> None:
    """``nlp.set_error_handler``, on every component that can hold a handler: spaCy 3.8's compiled
    parsers and NER cannot (their failures are caught in :func:`annotate_documents`)."""
    nlp.default_error_handler = handler
    for _, component in nlp.pipeline:
        if hasattr(component, "set_error_handler"):
            with contextlib.suppress(AttributeError):
                component.set_error_handler(handler)


def _alone(nlp: Language, document: Document, number: int, problems: dict[int, str]) -> Doc:
    """A document annotated on its own; failed, with the reason, if a component raises or reports an error."""
    try:
        for doc, _ in nlp.pipe([(document.text if document.error is None else "", number)], as_tuples=True):
            return _finished(doc, document)
    except Exception as error:
        return _failed(nlp, document, f"annotation failed: {type(error).__name__}: {error}")
    return _failed(nlp, document, problems.pop(number, _COMPONENT_FAILED))


_COMPONENT_FAILED = "a pipeline component failed on this document (its error is in the log)"


def _finished(doc: Doc, document: Document) -> Doc:
    doc._.doc_id = document.id
    if document.error is not None:
        doc.user_data[_ERROR] = document.error
    if document.title_end is not None:
        doc.user_data[_TITLE_END] = document.title_end
    return doc


def _failed(nlp: Language, document: Document, error: str) -> Doc:
    doc = _finished(nlp.make_doc(document.text if document.error is None else ""), document)
    doc.user_data[_ERROR] = document.error or error
    return doc
