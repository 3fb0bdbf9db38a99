"""PubTator: ``PMID|t|title``, ``PMID|a|abstract`` and tab-separated annotation lines.

Our own streaming reader (bioc's parser takes any line containing ``|t|`` for a title and merges
documents that no blank line separates). A document ends at a blank line, at a title or abstract
line of another PMID, or at a second title; a title or abstract line is ``PMID|t|`` or ``PMID|a|``
at the start of the line. Annotation lines are ``PMID<TAB>start<TAB>end<TAB>text<TAB>type[<TAB>id...]``;
relation lines (``PMID<TAB>CID<TAB>id1<TAB>id2[<TAB>novelty]``) are skipped. A line that is none of
these, an annotation of another PMID or a line that is not UTF-8 makes its document a failed record
naming the file and the line; the documents after it are read as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from entitylink.io.document import Annotation, Document

__all__ = ["is_pubtator", "pubtator_documents", "read_pubtator"]

_HEADER = re.compile(r"([^|\s]+)\|([ta])\|(.*)", re.DOTALL)
_BLANK_OR_BOM = b"\xef\xbb\xbf \t\r\n"
_MAX_REPORTED = 3  # malformed lines named in a document's error


def is_pubtator(head: bytes) -> bool:
    """Whether an input's first bytes look like PubTator: a first non-blank line ``PMID|t|...`` (or ``|a|``)."""
    first = head.lstrip(_BLANK_OR_BOM).split(b"\n", 1)[0]
    return _HEADER.fullmatch(first.decode("utf-8", errors="replace").rstrip("\r")) is not None


def read_pubtator(path: Path) -> Iterator[Document]:
    """The documents of a PubTator file, streamed (see the module for what makes a document and a failure)."""
    with open(path, "rb") as handle:
        yield from pubtator_documents(handle, str(path), path.stem)


@dataclass
class _Record:
    """The lines of one document read so far."""

    pmid: str
    title: str | None = None
    abstract: str | None = None
    annotations: list[Annotation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def ends_before(self, pmid: str, kind: str) -> bool:
        """Whether a ``kind`` (``t`` or ``a``) line of ``pmid`` starts another document."""
        return pmid != self.pmid or self.abstract is not None or (kind == "t" and self.title is not None)


def pubtator_documents(handle: IO[bytes], name: str, stem: str, first_record: int = 1, first_line: int = 1) -> Iterator[Document]:
    """The documents of PubTator lines read from ``handle``; ``name`` names the input in errors, ``stem`` in ids;
    ``first_record``, ``first_line``: the numbers of the first (``handle`` reads a part of a larger file)."""
    record: _Record | None = None
    number = first_record - 1
    for line_number, raw in enumerate(handle, first_line):
        line, undecodable = _decoded(raw, line_number)
        header = _HEADER.fullmatch(line)
        if record is not None and (not line.strip() or (header and record.ends_before(header[1], header[2]))):
            number += 1
            yield _document(record, number, name, stem)
            record = None
        if not line.strip():
            continue
        if header:
            record = record or _Record(header[1])
            setattr(record, "title" if header[2] == "t" else "abstract", header[3])
        else:
            record = record or _Record("")
            _add_line(record, line, line_number)
        if undecodable:
            record.problems.append(undecodable)
    if record is not None:
        yield _document(record, number + 1, name, stem)


def _decoded(raw: bytes, line_number: int) -> tuple[str, str | None]:
    """A line as text without surrounding whitespace (and a first line's byte order mark), and why it is not UTF-8
    if it is not."""
    problem = None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, problem = raw.decode("utf-8", errors="replace"), f"line {line_number} is not UTF-8 text ({error.reason})"
    return (line.lstrip("\ufeff") if line_number == 1 else line).strip(), problem  # stripped, as bioc did


def _add_line(record: _Record, line: str, line_number: int) -> None:
    """Add an annotation line to ``record``, skip a relation line, note any other line as a problem."""
    fields = line.split("\t")
    problem = None
    if not record.pmid:
        problem = "not a PubTator title line (PMID|t|title)"
    elif fields[0] != record.pmid:
        problem = f"a line of PMID {fields[0]!r} inside document {record.pmid}"
    elif len(fields) >= 3 and _is_integer(fields[1]):
        problem = _add_annotation(record, fields)
    elif len(fields) not in (4, 5):  # a relation line has 4 or 5 fields: PMID, type, id1, id2 (, novelty)
        problem = "neither an annotation nor a relation line"
    if problem is not None:
        record.problems.append(f"line {line_number}: {problem}")


def _add_annotation(record: _Record, fields: list[str]) -> str | None:
    """Add the annotation of ``fields`` to ``record``, or say what is wrong with it."""
    if len(fields) < 5:
        return "an annotation line needs PMID, start, end, text and type"
    if not _is_integer(fields[2]):
        return f"the end offset {fields[2]!r} is not a number"
    start, end = int(fields[1]), int(fields[2])
    if not 0 <= start <= end:
        return f"the offsets {start}-{end} are not a span"
    record.annotations.append(Annotation(start, end, fields[3], fields[4], fields[5] if len(fields) > 5 else ""))
    return None


def _is_integer(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) < 19


def _document(record: _Record, number: int, name: str, stem: str) -> Document:
    """The document of a finished record, the ``number``-th of the input."""
    title, abstract = record.title or "", record.abstract or ""
    text = f"{title} {abstract}" if abstract else title
    problems = record.problems
    if not problems and record.title is None and record.abstract is None:
        problems = ["annotation lines without a title or abstract line"]
    error = None
    if problems:
        more = f"; and {len(problems) - _MAX_REPORTED} more" if len(problems) > _MAX_REPORTED else ""
        error = f"{name}, record {number}: malformed PubTator ({'; '.join(problems[:_MAX_REPORTED])}{more})"
    annotations = sorted(record.annotations, key=lambda a: (a.start, a.end))
    return Document(record.pmid or f"{stem}#{number}", text, f"{name}#{number}", annotations, error=error,
                    title_end=len(title))  # fmt: skip
