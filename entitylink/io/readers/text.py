"""Plain text: one file (or standard input) is one document, named after the file."""

from __future__ import annotations

from pathlib import Path

from entitylink.io.document import Document
from entitylink.io.readers.streams import GZIP_MAGIC

__all__ = ["read_text_file", "text_document"]


def read_text_file(path: Path) -> Document:
    """One ``.txt`` file as one document, named after the file (``19309241.txt`` -> ``19309241``)."""
    return text_document(path.read_bytes(), path.stem, str(path))


def text_document(data: bytes, id: str, source: str) -> Document:
    if data.startswith(GZIP_MAGIC):
        return Document(id, "", source, error=f"{source}: gzip-compressed; only PubMed XML input may be compressed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Document(id, "", source, error=f"not UTF-8 text (byte {error.start}: {error.reason})")
    text = text.lstrip("\ufeff")
    return Document(id, text, source, error=None if text.strip() else f"{source}: empty, no text to annotate")
