"""Reading documents to annotate: plain-text files, folders of them, PubTator files and BioC collections.

Every reader yields :class:`Document` records (an id and the text to annotate).
A PubTator document's text is ``title + " " + abstract``, the text PubTator's
offsets count in; its gold annotation lines are kept in ``Document.annotations``
(for evaluation) and never given to the pipeline.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bioc import biocjson, biocxml, pubtator
from lxml import etree

from .errors import EntitylinkError

__all__ = ["Annotation", "Document", "InputError", "detect_format", "read_bioc", "read_inputs", "read_pubtator",
           "read_text_file"]

FORMATS = ("txt", "pubtator", "bioc-xml", "bioc-json")


class InputError(EntitylinkError):
    """An input path that cannot be read as documents."""


@dataclass(frozen=True)
class Annotation:
    """A mention of a PubTator file: offsets into the document text, its type and its raw identifier column."""

    start: int
    end: int
    text: str
    type: str
    id: str


@dataclass
class Document:
    """A document to annotate."""

    id: str
    text: str
    #: where it came from (a file, or a file and a record number)
    source: str = ""
    annotations: list[Annotation] = field(default_factory=list)
    #: set when the input could not be read as text; the document is reported, not annotated
    error: str | None = None
    #: PubTator documents: where the title ends in ``text`` (the abstract starts one character later)
    title_end: int | None = None


def read_text_file(path: Path) -> Document:
    """One ``.txt`` file as one document, named after the file (``19309241.txt`` -> ``19309241``)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return Document(path.stem, "", str(path), error=f"not UTF-8 text (byte {error.start}: {error.reason})")
    return Document(path.stem, text.lstrip("\ufeff"), str(path))


class _DecodedLines:
    """The lines of a binary file as text, noting the first line that is not UTF-8 since the last :meth:`take`."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.problem: str | None = None

    def __iter__(self) -> Iterator[str]:
        for number, raw in enumerate(self.handle, 1):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as error:
                self.problem = self.problem or f"line {number} is not UTF-8 text ({error.reason})"
                yield raw.decode("utf-8", errors="replace")

    def take(self) -> str | None:
        problem, self.problem = self.problem, None
        return problem


def read_pubtator(path: Path) -> Iterator[Document]:
    """The documents of a PubTator file (``PMID|t|title``, ``PMID|a|abstract``, annotation lines), streamed.

    A record with bytes that are not UTF-8 is yielded with its error (and not annotated);
    a malformed annotation line ends the file with one failed document saying where.
    """
    number = 0
    with open(path, "rb") as handle:
        lines = _DecodedLines(handle)
        records = pubtator.iterparse_s(lines)
        while True:
            try:
                with contextlib.redirect_stdout(sys.stderr):  # bioc prints lines it cannot parse
                    record = next(records)
                annotations = [Annotation(int(a.start), int(a.end), a.text, a.type, a.id) for a in record.annotations]
                # bioc reads a 5-column line (an annotation without an id) as a relation
                annotations += [Annotation(int(r.type), int(r.id1), r.id2, r.neg, "") for r in record.relations
                                if r.neg is not None and r.type.isdigit() and r.id1.isdigit()]  # fmt: skip
                annotations.sort(key=lambda a: (a.start, a.end))
            except StopIteration:
                return
            except (ValueError, IndexError) as malformed:
                yield Document(f"{path.stem}#{number + 1}", "", f"{path}#{number + 1}",
                               error=f"{path}, record {number + 1}: malformed PubTator record ({malformed})")  # fmt: skip
                return
            number += 1
            title, abstract = record.title or "", record.abstract or ""
            text = f"{title} {abstract}" if abstract else title
            problem = lines.take()
            error = f"{path}, {problem}" if problem else None
            yield Document(record.pmid, text, f"{path}#{number}", annotations, error=error, title_end=len(title))


def read_bioc(path: Path, kind: str = "bioc-xml") -> Iterator[Document]:
    """The documents of a BioC collection (``bioc-xml`` or ``bioc-json``), read with the ``bioc`` library.

    A document's text has each passage at its offset (gaps filled with spaces), so that
    annotation offsets index it; an annotation's id is its ``identifier`` infon (or
    ``MESH``, ``NCBI Taxonomy``), its type the ``type`` infon. A file that cannot be
    parsed gives one failed document naming the file and the problem.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            collection = biocjson.load(handle) if kind == "bioc-json" else biocxml.load(handle)
    except (OSError, ValueError, KeyError, UnicodeDecodeError, etree.XMLSyntaxError) as error:
        yield Document(path.stem, "", str(path), error=f"{path}: not a readable {kind} file ({type(error).__name__}: {error})")
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
        yield Document(document.id or f"{path.stem}#{number}", text, f"{path}#{number}", annotations)


_BIOC_ID_KEYS = ("identifier", "Identifier", "MESH", "NCBI Taxonomy", "NCBITaxon")


def detect_format(path: Path) -> str:
    """``pubtator`` for a file whose first line looks like ``PMID|t|...``; ``bioc-xml`` or ``bioc-json``
    for a BioC collection; else ``txt``."""
    with open(path, "rb") as handle:
        first = handle.read(4096)
    head = first.split(b"\n", 1)[0].split(b"|", 2)
    if len(head) == 3 and head[1] in (b"t", b"a") and head[0].strip():
        return "pubtator"
    start = first.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<") and b"<collection" in first:
        return "bioc-xml"
    if start.startswith(b"{") and b'"documents"' in first:
        return "bioc-json"
    return "txt"


def read_inputs(paths: Iterable[str | Path], input_format: str | None = None) -> Iterator[Document]:
    """Documents from files and folders (``*.txt``, ``*.pubtator`` and BioC ``*.xml``/``*.json`` inside,
    sorted), formats auto-detected.

    Every path is checked before anything is read: :class:`InputError` for a path that
    does not exist or a folder with no such file. The documents are then read lazily.
    """
    if input_format is not None and input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r}; choose one of {', '.join(FORMATS)}")
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _is_input(p))
            if not found:
                raise InputError(f"{path}: folder has no .txt, .pubtator or BioC .xml/.json files")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return _read_files(files, input_format)


def _is_input(path: Path) -> bool:
    """Whether a file found in a folder is a document file: text and PubTator, and XML/JSON that is BioC."""
    if path.suffix in (".txt", ".pubtator"):
        return True
    return path.suffix in (".xml", ".json") and detect_format(path).startswith("bioc")


def _read_files(files: list[Path], input_format: str | None) -> Iterator[Document]:
    for file in files:
        kind = input_format or detect_format(file)
        if kind == "pubtator":
            yield from read_pubtator(file)
        elif kind.startswith("bioc"):
            yield from read_bioc(file, kind)
        else:
            yield read_text_file(file)
