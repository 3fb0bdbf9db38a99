"""PubTator: ``PMID|t|title``, ``PMID|a|abstract`` and tab-separated annotation lines, documents apart by blank lines."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from bioc import pubtator

from entitylink.io.document import Annotation, Document
from entitylink.io.readers.streams import DecodedLines

__all__ = ["is_pubtator", "pubtator_documents", "read_pubtator"]


def is_pubtator(head: bytes) -> bool:
    """Whether an input's first bytes look like PubTator: a first line ``PMID|t|...`` (or ``|a|``)."""
    fields = head.split(b"\n", 1)[0].split(b"|", 2)
    return len(fields) == 3 and fields[1] in (b"t", b"a") and bool(fields[0].strip())


def read_pubtator(path: Path) -> Iterator[Document]:
    """The documents of a PubTator file (``PMID|t|title``, ``PMID|a|abstract``, annotation lines), streamed.

    A record with bytes that are not UTF-8 is yielded with its error (and not annotated);
    a malformed annotation line ends the file with one failed document saying where.
    """
    with open(path, "rb") as handle:
        yield from pubtator_documents(handle, str(path), path.stem)


def pubtator_documents(handle: IO[bytes], name: str, stem: str, first_record: int = 1, first_line: int = 1) -> Iterator[Document]:
    """The documents of PubTator records; ``first_record``, ``first_line``: the numbers of the first (a part of a larger file)."""
    number = first_record - 1
    lines = DecodedLines(handle, first_line)
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
