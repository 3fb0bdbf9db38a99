"""BioC collections, XML or JSON, read with the ``bioc`` library (entity declarations refused)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from bioc import biocjson, biocxml
from lxml import etree

from entitylink.io.document import Annotation, Document
from entitylink.io.readers.streams import opener

__all__ = ["bioc_documents", "bioc_kind", "read_bioc"]


def bioc_kind(start: bytes, head: bytes) -> str | None:
    """``bioc-xml`` or ``bioc-json`` when an input's first bytes (``start``: without leading space) are a
    BioC collection, else None."""
    if start.startswith(b"<") and b"<collection" in head:
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
    except (OSError, ValueError, KeyError, UnicodeDecodeError, etree.XMLSyntaxError) as error:
        yield Document(stem, "", name, error=f"{name}: not a readable {kind} file ({type(error).__name__}: {error})")
        return
    for number, document in enumerate(collection.documents, 1):
        text = ""
        annotations = []
        for passage in document.passages:
            text = text.ljust(passage.offset) + (passage.text or "")
            for annotation in passage.annotations:
                span = annotation.total_span
                infons = annotation.infons
                identifier = next((infons[k] for k in _BIOC_ID_KEYS if infons.get(k)), "")
                annotations.append(Annotation(span.offset, span.end, annotation.text or "", infons.get("type", ""), identifier))
        yield Document(document.id or f"{stem}#{number}", text, f"{name}#{number}", annotations)


_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


_BIOC_ID_KEYS = ("identifier", "Identifier", "MESH", "NCBI Taxonomy", "NCBITaxon")
