"""Reading documents to annotate: plain-text files, folders of them, PubTator files, BioC collections,
PubMed XML (``.xml`` or ``.xml.gz``), JSONL and standard input (the path ``-``).

One module per format, each with its reader and the test that recognizes it from an input's first
bytes; this module detects formats, expands folders and chains the readers. Every reader yields
:class:`~entitylink.io.document.Document` records (an id and the text to annotate). A PubTator
document's text is ``title + " " + abstract``, the text PubTator's offsets count in; its gold
annotation lines are kept in ``Document.annotations`` (for evaluation) and never given to the
pipeline. A PubMed article's text is made the same way.
"""

from __future__ import annotations

import io
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from entitylink.errors import InputError
from entitylink.io.document import Annotation, Document
from entitylink.io.readers.bioc import bioc_documents, bioc_kind, read_bioc
from entitylink.io.readers.jsonl import is_jsonl_record, jsonl_documents, read_jsonl
from entitylink.io.readers.pubmed_xml import (
    is_pubmed_xml,
    pubmed_documents,
    read_pubmed_xml,
)
from entitylink.io.readers.pubtator import (
    is_pubtator,
    pubtator_documents,
    read_pubtator,
)
from entitylink.io.readers.streams import (
    GZIP_MAGIC,
    Rewound,
    decompressed,
    file_stem,
    opener,
)
from entitylink.io.readers.text import read_text_file, text_document

__all__ = [
    "FORMATS",
    "Annotation",
    "Document",
    "InputError",
    "count_documents",
    "detect_format",
    "input_files",
    "read_bioc",
    "read_inputs",
    "read_jsonl",
    "read_pubmed_xml",
    "read_pubtator",
    "read_text_file",
]

FORMATS = ("txt", "pubtator", "bioc-xml", "bioc-json", "pubmed-xml", "jsonl")

_STDIN = "-"  # the path that means standard input
_HEAD_SIZE = 4096  # how much of an input format detection reads (and to the end of a first line that may be JSON)
_FIRST_LINE_LIMIT = 1 << 24


def detect_format(path: Path) -> str:
    """``jsonl`` for a ``.jsonl`` file or one whose first line is a JSON object with ``id`` and ``text``;
    ``pubtator`` for a file whose first line looks like ``PMID|t|...``; ``pubmed-xml`` for a PubMed
    ``<PubmedArticleSet>`` (also gzip-compressed); ``bioc-xml`` or ``bioc-json`` for a BioC collection;
    else ``txt``."""
    if path.suffix == ".jsonl":
        return "jsonl"
    with open(path, "rb") as handle:
        return _sniff(_read_head(handle))


def _read_head(stream: IO[bytes]) -> bytes:
    """The first bytes of an input, enough for :func:`_sniff`: 4 KB, or to the end of a first line that may be JSON."""
    head = stream.read(_HEAD_SIZE)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{") and b"\n" not in start:
        head += stream.readline(_FIRST_LINE_LIMIT)
    return head


def _sniff(head: bytes) -> str:
    """The format of an input from its first bytes (see :func:`detect_format`)."""
    if head.startswith(GZIP_MAGIC):  # compressed: only PubMed XML is read so
        try:
            inner = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16).decompress(head, _HEAD_SIZE)
        except zlib.error:
            return "txt"
        return "pubmed-xml" if _sniff(inner) == "pubmed-xml" else "txt"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{") and is_jsonl_record(start.split(b"\n", 1)[0]):
        return "jsonl"
    if is_pubtator(head):
        return "pubtator"
    if is_pubmed_xml(start, head):
        return "pubmed-xml"
    return bioc_kind(start, head) or "txt"


def read_inputs(paths: Iterable[str | Path], input_format: str | None = None) -> Iterator[Document]:
    """Documents from files, folders (``*.txt``, ``*.pubtator``, ``*.jsonl``, BioC ``*.xml``/``*.json`` and
    PubMed ``*.xml``/``*.xml.gz`` inside, sorted) and standard input (the path ``-``), formats auto-detected.

    Every path is checked before anything is read: :class:`InputError` for a path that
    does not exist, a folder with no such file or ``-`` given twice. The documents are then read lazily.
    """
    return _read_files(input_files(paths, input_format), input_format)


#: What starts a record, per format whose records :func:`count_documents` counts line by line.
_RECORD_STARTS = {"pubmed-xml": re.compile(rb"<Pubmed(?:Book)?Article>"), "pubtator": re.compile(rb"^[^|\s]+\|t\|"),
                  "jsonl": re.compile(rb"^\s*\S")}  # fmt: skip


def count_documents(paths: Iterable[str | Path], input_format: str | None = None) -> int | None:
    """How many documents :func:`read_inputs` will yield, counted by a quick scan of the files (for a
    progress bar's estimate), or None when that cannot be known beforehand (standard input, BioC)."""
    total = 0
    for file in input_files(paths, input_format):
        kind = None if file is None else input_format or detect_format(file)
        if kind == "txt":
            total += 1
            continue
        start = _RECORD_STARTS.get(kind or "")
        if file is None or start is None:
            return None
        with open(file, "rb") as handle:
            total += sum(len(start.findall(line)) for line in decompressed(handle))
    return total


def input_files(paths: Iterable[str | Path], input_format: str | None) -> list[Path | None]:
    """The files of ``paths`` (folders expanded), None for standard input, checked as :func:`read_inputs` says."""
    if input_format is not None and input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r}; choose one of {', '.join(FORMATS)}")
    files: list[Path | None] = []  # None: standard input
    for raw in paths:
        path = Path(raw)
        if str(raw) == _STDIN:
            if None in files:
                raise InputError(f"standard input ({_STDIN}) given more than once")
            files.append(None)
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _is_input(p))
            if not found:
                raise InputError(f"{path}: folder has no .txt, .pubtator, .jsonl, BioC .xml/.json or PubMed .xml(.gz) files")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def _is_input(path: Path) -> bool:
    """Whether a file found in a folder is a document file: text, PubTator and JSONL, and XML/JSON that is
    BioC or PubMed."""
    if path.suffix in (".txt", ".pubtator", ".jsonl"):
        return True
    if path.suffix in (".xml", ".json") or path.name.endswith(".xml.gz"):
        return detect_format(path) in ("bioc-xml", "bioc-json", "pubmed-xml")
    return False


def _read_files(files: list[Path | None], input_format: str | None) -> Iterator[Document]:
    for file in files:
        if file is None:
            yield from _read_stdin(input_format)
        else:
            kind = input_format or detect_format(file)
            yield from _read_input(kind, opener(file), str(file), file_stem(file))


def _read_stdin(input_format: str | None) -> Iterator[Document]:
    """Documents from standard input (``<stdin>`` in sources and errors; ``stdin`` names a text).

    Its first bytes are read to detect the format, then put back in front of the rest: PubMed XML,
    JSONL and PubTator are streamed (no temporary file); a BioC collection or a text is read whole,
    as from a file.
    """
    stdin = sys.stdin.buffer
    head = _read_head(stdin)
    kind = input_format or _sniff(head)
    yield from _read_input(kind, lambda: io.BufferedReader(Rewound(head, stdin)), "<stdin>", "stdin")


def _read_input(kind: str, open_input: Callable[[], io.BufferedReader], name: str, stem: str) -> Iterator[Document]:
    """The documents of an input in format ``kind``, opened by ``open_input``; ``name`` names it in sources and
    errors, ``stem`` in the ids of failed records."""
    if kind.startswith("bioc"):
        yield from bioc_documents(open_input, name, stem, kind)
        return
    with open_input() as handle:
        if kind == "pubmed-xml":
            yield from pubmed_documents(decompressed(handle), name, stem)
        elif kind == "jsonl":
            yield from jsonl_documents(handle, name, stem)
        elif kind == "pubtator":
            yield from pubtator_documents(handle, name, stem)
        else:
            yield text_document(handle.read(), stem, name)
