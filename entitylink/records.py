"""Annotating from Python and notebooks: ``entitylink.annotate(texts)`` gives :class:`AnnotatedDocument` records.

A record wraps the annotated spaCy ``Doc`` and renders itself in Jupyter: HTML with the
entities highlighted and linked to their ontology pages (``_repr_html_``), or the
"Linked entities" sections (``_repr_markdown_``). :func:`entitylink.to_dataframe` and
:func:`entitylink.concept_table` take records or Docs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .annotate import annotate_documents, doc_error
from .outputs import LinkedConcept
from .pipeline import load
from .readers import Document
from .render import render_html, render_markdown
from .writers import document_record

__all__ = ["AnnotatedDocument", "annotate"]


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
    """Annotate texts, ``(id, text)`` pairs or :class:`~entitylink.readers.Document` records, in order.

    Plain texts are numbered from ``"0"``. ``nlp`` defaults to ``entitylink.load()``, loaded
    once per process. Every input gives one record; one that fails carries its ``error``.
    """
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
