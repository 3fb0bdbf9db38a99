"""Reading documents to annotate: plain-text files, folders of them, PubTator files, BioC collections,
PubMed XML (``.xml`` or ``.xml.gz``), JSONL and standard input (the path ``-``).

Every reader yields :class:`Document` records (an id and the text to annotate).
A PubTator document's text is ``title + " " + abstract``, the text PubTator's
offsets count in; its gold annotation lines are kept in ``Document.annotations``
(for evaluation) and never given to the pipeline. A PubMed article's text is made the same way.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from bioc import biocjson, biocxml, pubtator
from lxml import etree

from .errors import EntitylinkError

__all__ = ["FORMATS", "Annotation", "Document", "InputError", "count_documents", "detect_format", "read_bioc", "read_inputs", "read_jsonl",
           "read_pubmed_xml", "read_pubtator", "read_text_file"]

FORMATS = ("txt", "pubtator", "bioc-xml", "bioc-json", "pubmed-xml", "jsonl")

_STDIN = "-"  # the path that means standard input
_GZIP_MAGIC = b"\x1f\x8b"
_HEAD_SIZE = 4096  # how much of an input format detection reads (and to the end of a first line that may be JSON)
_FIRST_LINE_LIMIT = 1 << 24
_PUBMED_ROOT = re.compile(rb"<PubmedArticleSet[\s/>]")


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
    return _text_document(path.read_bytes(), path.stem, str(path))


def _text_document(data: bytes, id: str, source: str) -> Document:
    if data.startswith(_GZIP_MAGIC):
        return Document(id, "", source, error=f"{source}: gzip-compressed; only PubMed XML input may be compressed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Document(id, "", source, error=f"not UTF-8 text (byte {error.start}: {error.reason})")
    text = text.lstrip("\ufeff")
    return Document(id, text, source, error=None if text.strip() else f"{source}: empty, no text to annotate")


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
    with open(path, "rb") as handle:
        yield from _pubtator_documents(handle, str(path), path.stem)


def _pubtator_documents(handle: IO[bytes], name: str, stem: str) -> Iterator[Document]:
    number = 0
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
            yield Document(f"{stem}#{number + 1}", "", f"{name}#{number + 1}",
                           error=f"{name}, record {number + 1}: malformed PubTator record ({malformed})")  # fmt: skip
            return
        number += 1
        title, abstract = record.title or "", record.abstract or ""
        text = f"{title} {abstract}" if abstract else title
        problem = lines.take()
        error = f"{name}, {problem}" if problem else None
        yield Document(record.pmid, text, f"{name}#{number}", annotations, error=error, title_end=len(title))


def read_bioc(path: Path, kind: str = "bioc-xml") -> Iterator[Document]:
    """The documents of a BioC collection (``bioc-xml`` or ``bioc-json``), read with the ``bioc`` library.

    A document's text has each passage at its offset (gaps filled with spaces), so that
    annotation offsets index it; an annotation's id is its ``identifier`` infon (or
    ``MESH``, ``NCBI Taxonomy``), its type the ``type`` infon. A file that cannot be
    parsed gives one failed document naming the file and the problem.
    """
    return _bioc_documents(_opener(path), str(path), path.stem, kind)


def _bioc_documents(open_input: Callable[[], io.BufferedReader], name: str, stem: str, kind: str) -> Iterator[Document]:
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


def read_pubmed_xml(path: Path) -> Iterator[Document]:
    """The articles of a PubMed XML file (``<PubmedArticleSet>``, plain or gzip-compressed), streamed.

    A document is named by its PMID; its text is ``title + " " + abstract``, the abstract's
    ``AbstractText`` sections joined by spaces, each after ``LABEL: `` when it has a label
    (inline markup such as ``<i>`` keeps its text). ``PubmedBookArticle`` records are read
    the same way; the ``DeleteCitation`` lists of update files are not documents. A record
    without a PMID is a failed document.

    No DTD is loaded, no entity resolved and nothing fetched from the network: a file whose
    DTD declares entities (the XXE and "billion laughs" attacks) is one failed document, and
    so is a file that is not PubMed XML. Malformed XML (or a truncated file) ends the file
    with one failed document saying where.
    """
    with open(path, "rb") as handle:
        yield from _pubmed_documents(_decompressed(handle), str(path), _stem(path))


def _decompressed(handle: io.BufferedReader) -> io.BufferedIOBase:
    """``handle``, or its decompressed content when it starts with the gzip magic bytes."""
    return gzip.GzipFile(fileobj=handle, mode="rb") if handle.peek(2).startswith(_GZIP_MAGIC) else handle


#: a PubMed record's tag: the paths of its PMID, of its title (the first found) and of its abstract's sections
_PUBMED_RECORDS = {
    "PubmedArticle": ("MedlineCitation/PMID", ("MedlineCitation/Article/ArticleTitle",),
                      "MedlineCitation/Article/Abstract/AbstractText"),
    "PubmedBookArticle": ("BookDocument/PMID", ("BookDocument/ArticleTitle", "BookDocument/Book/BookTitle"),
                          "BookDocument/Abstract/AbstractText"),
}  # fmt: skip


def _pubmed_documents(stream: io.BufferedIOBase, name: str, stem: str) -> Iterator[Document]:
    events = etree.iterparse(stream, events=("start", "end"), tag=("PubmedArticleSet", *_PUBMED_RECORDS),
                             resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False)  # fmt: skip
    number = 0
    checked = False
    while True:
        try:
            event, element = next(events)
        except StopIteration:
            break
        except (etree.XMLSyntaxError, OSError, EOFError, zlib.error) as error:
            where = f"after record {number}" if number else "before the first record"
            problem = (f"malformed XML {where} ({error.msg})" if isinstance(error, etree.XMLSyntaxError)
                       else f"unreadable data {where} ({type(error).__name__}: {error})")  # fmt: skip
            yield Document(f"{stem}#{number + 1}", "", f"{name}#{number + 1}", error=f"{name}: {problem}")
            return
        if not checked:  # the first event: the DTD and the root element are known, no record read yet
            refused = _pubmed_refusal(element.getroottree())
            if refused:
                yield Document(stem, "", name, error=f"{name}: {refused}")
                return
            checked = True
        if event == "end" and element.tag in _PUBMED_RECORDS:
            number += 1
            yield _pubmed_document(element, number, name, stem)
            element.clear(keep_tail=True)  # memory stays flat: the record and those before it are dropped
            while element.getprevious() is not None:
                del element.getparent()[0]
    if not checked:  # no event: the root element is not <PubmedArticleSet> and holds no record
        yield Document(stem, "", name, error=f"{name}: {_pubmed_refusal(events.root.getroottree())}")


def _pubmed_refusal(tree: etree._ElementTree) -> str | None:
    """Why a PubMed XML file is refused: its DTD declares entities, or its root is not ``<PubmedArticleSet>``."""
    dtd = tree.docinfo.internalDTD
    entities = [entity.name for entity in dtd.entities()] if dtd is not None else []
    if entities:
        named = ", ".join(entities[:3]) + (", ..." if len(entities) > 3 else "")
        return f"the XML declares entities in its DTD ({named}); entity declarations are refused, none is read"
    root = tree.getroot().tag
    if root != "PubmedArticleSet":
        return f"not PubMed XML: the root element is <{root}>, not <PubmedArticleSet>"
    return None


def _pubmed_document(record: etree._Element, number: int, name: str, stem: str) -> Document:
    """The document of a ``PubmedArticle`` (or ``PubmedBookArticle``) element, the ``number``-th of the file."""
    pmid_path, title_paths, sections_path = _PUBMED_RECORDS[record.tag]
    pmid = (record.findtext(pmid_path) or "").strip()
    if not pmid:
        error = f"{name}, record {number}: {record.tag} without a PMID"
        return Document(f"{stem}#{number}", "", f"{name}#{number}", error=error)
    titles = [element for element in map(record.find, title_paths) if element is not None]
    title = _inner_text(titles[0]) if titles else ""
    sections = []
    for section in record.iterfind(sections_path):
        text, label = _inner_text(section), section.get("Label")
        if text:
            sections.append(f"{label}: {text}" if label else text)
    abstract = " ".join(sections)
    return Document(pmid, f"{title} {abstract}" if abstract else title, f"{name}#{number}", title_end=len(title))


def _inner_text(element: etree._Element) -> str:
    """An element's text with that of its inline markup (``<i>``, ``<sup>``...)."""
    return "".join(element.itertext()).strip()


def read_jsonl(path: Path) -> Iterator[Document]:
    """The documents of a JSONL file, one JSON object with string fields ``id`` and ``text`` a line, streamed.

    Blank lines are skipped. A line that is not UTF-8, not JSON, not an object or without a
    string ``id`` and ``text`` is a failed document (``<file stem>#<line number>``) saying so.
    """
    with open(path, "rb") as handle:
        yield from _jsonl_documents(handle, str(path), path.stem)


def _jsonl_documents(handle: IO[bytes], name: str, stem: str) -> Iterator[Document]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        fields = _jsonl_fields(line)
        if isinstance(fields, str):
            yield Document(f"{stem}#{number}", "", f"{name}#{number}", error=f"{name}, line {number}: {fields}")
        else:
            doc_id, text = fields
            error = None if text.strip() else f"{name}, line {number}: empty \"text\", nothing to annotate"
            yield Document(doc_id, text, f"{name}#{number}", error=error)


_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}


def _jsonl_fields(line: bytes) -> tuple[str, str] | str:
    """The ``id`` and ``text`` of a JSONL line, or what is wrong with it."""
    try:
        record = json.loads(line.decode("utf-8").lstrip("\ufeff"))
    except UnicodeDecodeError as error:
        return f"not UTF-8 text (byte {error.start}: {error.reason})"
    except json.JSONDecodeError as error:
        return f"not JSON ({error.msg} at column {error.colno})"
    if not isinstance(record, dict):
        return f"not a JSON object but {_JSON_TYPES[type(record)]}"
    missing = [f'"{key}"' for key in ("id", "text") if not isinstance(record.get(key), str)]
    if missing:
        return f"no string {' and '.join(missing)} field"
    return record["id"], record["text"]


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
    if head.startswith(_GZIP_MAGIC):  # compressed: only PubMed XML is read so
        try:
            inner = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16).decompress(head, _HEAD_SIZE)
        except zlib.error:
            return "txt"
        return "pubmed-xml" if _sniff(inner) == "pubmed-xml" else "txt"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{") and _is_jsonl_record(start.split(b"\n", 1)[0]):
        return "jsonl"
    fields = head.split(b"\n", 1)[0].split(b"|", 2)
    if len(fields) == 3 and fields[1] in (b"t", b"a") and fields[0].strip():
        return "pubtator"
    if start.startswith(b"<") and _PUBMED_ROOT.search(head):
        return "pubmed-xml"
    if start.startswith(b"<") and b"<collection" in head:
        return "bioc-xml"
    if start.startswith(b"{") and b'"documents"' in head:
        return "bioc-json"
    return "txt"


def _is_jsonl_record(line: bytes) -> bool:
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and "id" in record and "text" in record


def read_inputs(paths: Iterable[str | Path], input_format: str | None = None) -> Iterator[Document]:
    """Documents from files, folders (``*.txt``, ``*.pubtator``, ``*.jsonl``, BioC ``*.xml``/``*.json`` and
    PubMed ``*.xml``/``*.xml.gz`` inside, sorted) and standard input (the path ``-``), formats auto-detected.

    Every path is checked before anything is read: :class:`InputError` for a path that
    does not exist, a folder with no such file or ``-`` given twice. The documents are then read lazily.
    """
    return _read_files(_input_files(paths, input_format), input_format)


#: What starts a record, per format whose records :func:`count_documents` counts line by line.
_RECORD_STARTS = {"pubmed-xml": re.compile(rb"<Pubmed(?:Book)?Article>"), "pubtator": re.compile(rb"^[^|\s]+\|t\|"),
                  "jsonl": re.compile(rb"^\s*\S")}  # fmt: skip


def count_documents(paths: Iterable[str | Path], input_format: str | None = None) -> int | None:
    """How many documents :func:`read_inputs` will yield, counted by a quick scan of the files (for a
    progress bar's estimate), or None when that cannot be known beforehand (standard input, BioC)."""
    total = 0
    for file in _input_files(paths, input_format):
        kind = None if file is None else input_format or detect_format(file)
        if kind == "txt":
            total += 1
            continue
        start = _RECORD_STARTS.get(kind or "")
        if file is None or start is None:
            return None
        with open(file, "rb") as handle:
            total += sum(len(start.findall(line)) for line in _decompressed(handle))
    return total


def _input_files(paths: Iterable[str | Path], input_format: str | None) -> list[Path | None]:
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
            yield from _read_input(kind, _opener(file), str(file), _stem(file))


def _read_stdin(input_format: str | None) -> Iterator[Document]:
    """Documents from standard input (``<stdin>`` in sources and errors; ``stdin`` names a text).

    Its first bytes are read to detect the format, then put back in front of the rest: PubMed XML,
    JSONL and PubTator are streamed (no temporary file); a BioC collection or a text is read whole,
    as from a file.
    """
    stdin = sys.stdin.buffer
    head = _read_head(stdin)
    kind = input_format or _sniff(head)
    yield from _read_input(kind, lambda: io.BufferedReader(_Rewound(head, stdin)), "<stdin>", "stdin")


def _opener(path: Path) -> Callable[[], io.BufferedReader]:
    """What opens ``path`` for reading bytes, when it is read."""
    return lambda: open(path, "rb")


def _stem(path: Path) -> str:
    """A file's name without its format suffixes: ``pubmed25n0001.xml.gz`` -> ``pubmed25n0001``."""
    return Path(path.name.removesuffix(".gz")).stem


class _Rewound(io.RawIOBase):
    """A stream whose first bytes, already read, are put back in front of the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head = io.BytesIO(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.head.read(len(buffer)) or self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_input(kind: str, open_input: Callable[[], io.BufferedReader], name: str, stem: str) -> Iterator[Document]:
    """The documents of an input in format ``kind``, opened by ``open_input``; ``name`` names it in sources and
    errors, ``stem`` in the ids of failed records."""
    if kind.startswith("bioc"):
        yield from _bioc_documents(open_input, name, stem, kind)
        return
    with open_input() as handle:
        if kind == "pubmed-xml":
            yield from _pubmed_documents(_decompressed(handle), name, stem)
        elif kind == "jsonl":
            yield from _jsonl_documents(handle, name, stem)
        elif kind == "pubtator":
            yield from _pubtator_documents(handle, name, stem)
        else:
            yield _text_document(handle.read(), stem, name)
