"""Markdown: per document, a heading with its id and the "Linked entities" / "Full-text entities" sections."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from spacy.tokens import Doc

from entitylink.pipeline.extensions import doc_error
from entitylink.render import render_markdown

__all__ = ["write_markdown"]


def write_markdown(docs: Iterable[Doc], out: IO[str]) -> None:
    """Per document, a heading with its id and the "Linked entities" / "Full-text entities" sections."""
    for doc in docs:
        error = doc_error(doc)
        body = f"_Not annotated: {error}_\n" if error else (render_markdown(doc) or "_No entities found._\n")
        out.write(f"# {doc._.doc_id}\n\n{body}\n")
