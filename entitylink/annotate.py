"""Annotating documents: ``entitylink.annotate(texts)`` for Python and notebooks, and the batch loop
(:func:`annotate_documents`) that ``entitylink annotate`` runs. Every input document yields exactly one
annotated Doc.

:class:`AnnotatedDocument` wraps the annotated spaCy ``Doc`` and renders itself in Jupyter: HTML with
the entities highlighted and linked to their ontology pages (``_repr_html_``), or the "Linked entities"
sections (``_repr_markdown_``). :func:`entitylink.to_dataframe` and :func:`entitylink.concept_table`
take records or Docs.

A document that cannot be read, or that a component fails on, still yields a Doc
(without entities) with the reason in ``doc.user_data["entitylink_error"]`` (see
:func:`entitylink.pipeline.extensions.doc_error`).
"""

from __future__ import annotations

import contextlib
import ctypes
import html
import logging
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from entitylink.io.document import checked
from entitylink.io.readers import Document
from entitylink.io.writers import document_record
from entitylink.pipeline import load
from entitylink.pipeline.extensions import (
    doc_error,
    register_extensions,
    set_doc_error,
    set_title_end,
)
from entitylink.pipeline.outputs import LinkedConcept
from entitylink.render import render_html, render_markdown

logger = logging.getLogger(__name__)

__all__ = ["AnnotatedDocument", "annotate", "annotate_documents"]


def annotate_documents(nlp: Language, documents: Iterable[Document], *, batch_size: int = 64,
                       n_process: int = 1) -> Iterator[Doc]:  # fmt: skip
    """Run ``nlp`` over ``documents``, in order, one Doc per document with ``doc._.doc_id`` set.

    A document that cannot be annotated (see :func:`~entitylink.io.document.checked`: too long, not
    valid Unicode) is yielded failed. A component that raises on a document does not stop the run:
    spaCy's error handler logs it, spaCy leaves that document out of its output, and it is yielded here
    as a Doc of its text without entities, its error set (the exception itself when ``n_process`` is 1).
    A component that cannot hold an error handler (spaCy 3.8's compiled NER) and raises makes its batch
    run again one document at a time. An exception of ``documents`` itself (the caller's iterable) is no
    annotation failure: it is raised after the documents read before it. Worker processes
    (``n_process`` > 1) ignore Ctrl-C, which stops their parent, and on Linux die with it.
    """
    _check_positive(batch_size=batch_size, n_process=n_process)
    register_extensions()
    pending: dict[int, Document] = {}
    problems: dict[int, str] = {}
    reading: list[Exception] = []  # what ``documents`` raised, if it did

    def on_error(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
        message = f"{name} failed: {type(error).__name__}: {error}"
        logger.warning("%s", message)
        for doc in docs:
            if isinstance(doc._context, int):
                problems[doc._context] = message  # reaches the caller only without worker processes

    def numbered() -> Iterator[tuple[str, int]]:
        for number, document in enumerate(_read_until_error(documents, reading)):
            pending[number] = checked(document)
            yield _text_to_annotate(pending[number]), number

    _set_error_handler(nlp, on_error)
    try:
        with _worker_processes(n_process):
            yield from _annotated(nlp, numbered(), pending, problems, batch_size, n_process)
    finally:
        _set_error_handler(nlp, raise_error)  # spaCy's default: the pipeline raises again outside this run
    if reading:
        raise reading[0]


def _check_positive(**values: Any) -> None:
    """TypeError for a value that is not an integer, ValueError for one below 1, naming the argument."""
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"annotate({name}={value!r}): expected a whole number >= 1, not {type(value).__name__}")
        if value < 1:
            raise ValueError(f"annotate({name}={value!r}): expected a whole number >= 1")


def _read_until_error(documents: Iterable[Document], reading: list[Exception]) -> Iterator[Document]:
    """``documents`` until they end or raise; what they raise is kept in ``reading``, not thrown into spaCy."""
    iterator = iter(documents)
    while True:
        try:
            document = next(iterator)
        except StopIteration:
            return
        except Exception as error:
            reading.append(error)
            return
        yield document


def _text_to_annotate(document: Document) -> str:
    return document.text if document.error is None else ""


def _annotated(nlp: Language, stream: Iterator[tuple[str, int]], pending: dict[int, Document],
               problems: dict[int, str], batch_size: int, n_process: int) -> Iterator[Doc]:  # fmt: skip
    """The Docs of ``stream``, one per pending document, failed ones included (see :func:`annotate_documents`)."""
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


#: Set while :func:`annotate_documents` starts worker processes: what a forked worker does first.
_WORKER_SETUP = {"active": False}
_PR_SET_PDEATHSIG = 1  # Linux prctl(2)


@contextlib.contextmanager
def _worker_processes(n_process: int) -> Iterator[None]:
    """While the block runs, processes forked by spaCy's ``nlp.pipe(n_process=...)`` ignore SIGINT (Ctrl-C
    stops the parent, which ends them) and, on Linux, are killed when their parent dies (SIGKILL included)."""
    if n_process == 1:
        yield
        return
    if not _WORKER_SETUP.get("registered"):
        os.register_at_fork(after_in_child=_setup_worker)
        _WORKER_SETUP["registered"] = True
    _WORKER_SETUP["active"] = True
    try:
        yield
    finally:
        _WORKER_SETUP["active"] = False


def _setup_worker() -> None:
    if not _WORKER_SETUP["active"]:
        return
    _WORKER_SETUP["active"] = False  # the worker's own children are not workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


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
        set_doc_error(doc, document.error)
    if document.title_end is not None:
        set_title_end(doc, document.title_end)
    return doc


def _failed(nlp: Language, document: Document, error: str) -> Doc:
    doc = _finished(nlp.make_doc(document.text if document.error is None else ""), document)
    set_doc_error(doc, document.error or error)
    return doc


@dataclass(frozen=True)
class AnnotatedDocument:
    """One annotated document: its id, text, entities and linked concepts, or why it failed."""

    doc: Doc

    @property
    def id(self) -> str | None:
        return self.doc._.doc_id

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def error(self) -> str | None:
        return doc_error(self.doc)

    @property
    def entities(self) -> list[dict[str, Any]]:
        """The entities as dicts: offsets, text, label and every linking attribute."""
        return list(self.to_dict()["entities"])

    @property
    def linked_entities(self) -> dict[str, list[LinkedConcept]]:
        return self.doc._.linked_entities

    def to_dict(self) -> dict[str, Any]:
        """The JSON record ``entitylink annotate`` writes for this document."""
        return document_record(self.doc)

    def _repr_html_(self) -> str:
        if self.error:
            return f"<h4>{html.escape(str(self.id))}</h4><p><em>Not annotated: {html.escape(self.error)}</em></p>"
        return render_html(self.doc)  # displaCy's, titled with the id

    def _repr_markdown_(self) -> str:
        body = f"_Not annotated: {self.error}_" if self.error else (render_markdown(self.doc) or "_No entities found._")
        return f"### {self.id}\n\n{body}\n"


@lru_cache(maxsize=1)
def _default_pipeline() -> Language:
    return load()


def annotate(texts: Iterable[str | tuple[str, str] | Document], nlp: Language | None = None, *,
             batch_size: int = 64, n_process: int = 1) -> list[AnnotatedDocument]:  # fmt: skip
    """Annotate texts, ``(id, text)`` pairs or :class:`~entitylink.io.document.Document` records, in order.

    Plain texts are numbered from ``"0"``. ``nlp`` defaults to ``entitylink.load()``, loaded
    once per process. Every input gives one record; one that fails carries its ``error``.
    """
    _check_arguments(texts, nlp, batch_size, n_process)
    documents = []
    for number, item in enumerate(texts):
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, str):
            documents.append(Document(str(number), item))
        elif isinstance(item, tuple) and len(item) == 2 and all(isinstance(part, str) for part in item):
            documents.append(Document(*item))
        else:
            raise TypeError(f"input {number}: expected a text, an (id, text) pair or a Document, not {type(item).__name__}")
    docs = annotate_documents(nlp or _default_pipeline(), documents, batch_size=batch_size, n_process=n_process)
    return [AnnotatedDocument(doc) for doc in docs]


def _check_arguments(texts: object, nlp: object, batch_size: object, n_process: object) -> None:
    """A TypeError or ValueError naming the argument of :func:`annotate` that cannot be used."""
    if isinstance(texts, (str, bytes, Document)) or not isinstance(texts, Iterable):
        raise TypeError(f"annotate(texts): expected a list of texts, (id, text) pairs or Documents, not "
                        f"{type(texts).__name__} {texts!r:.40}; one text goes in a list: annotate([text])")  # fmt: skip
    if nlp is not None and not isinstance(nlp, Language):
        raise TypeError(f"annotate(nlp): expected a spacy.Language such as entitylink.load(), not {type(nlp).__name__}")
    _check_positive(batch_size=batch_size, n_process=n_process)
