"""BioC collections, XML or JSON, read with the ``bioc`` library (entity declarations refused)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bioc import biocjson, biocxml

from entitylink.io.document import Annotation, Document
from entitylink.io.readers.streams import opener, xml_root

__all__ = ["bioc_documents", "bioc_kind", "read_bioc"]


def bioc_kind(start: bytes, head: bytes) -> str | None:
    """``bioc-xml`` or ``bioc-json`` when an input's first bytes (``start``: without leading space) are a
    BioC collection, else None."""
    if start.startswith(b"<") and xml_root(start) == "collection":
        return "bioc-xml"
    if start.startswith(b"{") and b'"documents"' in head:
        return "bioc-json"
    return None


def read_bioc(path: Path, kind: str = "bioc-xml") -> Iterator[Document]:
    """The documents of a BioC collection (``bioc-xml`` or ``bioc-json``), read with the ``bioc`` library.

    A document's text has each passage at its offset (gaps filled with spaces), so that
    annotation offsets index it; an annotation's id is its ``identifier`` infon (or
    ``MESH``, ``NCBI Taxonomy``), its type the ``type`` infon. A file that cannot be
    parsed gives one failed document naming the file and the problem.
    """
    return bioc_documents(opener(path), str(path), path.stem, kind)


def bioc_documents(open_input: Callable[[], io.BufferedReader], name: str, stem: str, kind: str) -> Iterator[Document]:
    try:
        with open_input() as raw:
            data = raw.read()
        if kind == "bioc-xml" and _ENTITY_DECLARATION.search(data.split(b"<collection", 1)[0]):
            # the bioc library's parser would expand them (XXE, "billion laughs")
            yield Document(stem, "", name, error=f"{name}: the XML declares entities in its DTD; entity declarations are refused")
            return
        with io.TextIOWrapper(io.BytesIO(data), encoding="utf-8") as handle:
            collection = biocjson.load(handle) if kind == "bioc-json" else biocxml.load(handle)
    except Exception as error:  # the bioc library raises what its parsing meets (TypeError for a missing <offset>)
        message = f"{type(error).__name__}: {error}"[:300]
        yield Document(stem, "", name, error=f"{name}: not a readable {kind} file ({message})")
        return
    for number, document in enumerate(collection.documents, 1):
        source = f"{name}#{number}"
        try:
            text, annotations = _text_and_annotations(document)
        except (ValueError, TypeError) as error:
            yield Document(document.id or f"{stem}#{number}", "", source, error=f"{source}: {error}")
        else:
            yield Document(document.id or f"{stem}#{number}", text, source, annotations)


#: A passage may start at most this far past the text before it: its gap is filled with spaces.
MAX_PASSAGE_GAP = 1_000_000


def _text_and_annotations(document: Any) -> tuple[str, list[Annotation]]:
    """A BioC document's text, each passage at its offset, and its annotations; ValueError for an offset that
    is negative or lies more than :data:`MAX_PASSAGE_GAP` characters past the text before it."""
    text = ""
    annotations = []
    for passage in document.passages:
        offset = passage.offset
        if offset < 0 or offset - len(text) > MAX_PASSAGE_GAP:
            raise ValueError(f"passage offset {offset!r} is out of bounds (at most {MAX_PASSAGE_GAP:,} characters "
                             f"past the {len(text):,} before it)")  # fmt: skip
        text = text.ljust(offset) + (passage.text or "")
        for annotation in passage.annotations:
            span = annotation.total_span
            infons = annotation.infons
            identifier = next((infons[k] for k in _BIOC_ID_KEYS if infons.get(k)), "")
            annotations.append(Annotation(span.offset, span.end, annotation.text or "", infons.get("type", ""), identifier))
    return text, annotations


_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


_BIOC_ID_KEYS = ("identifier", "Identifier", "MESH", "NCBI Taxonomy", "NCBITaxon")
