"""What every reader shares: opening and decompressing inputs, decoding lines, putting sniffed bytes back."""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

__all__ = ["GZIP_MAGIC", "DecodedLines", "Rewound", "decompressed", "file_stem", "opener", "xml_root"]

GZIP_MAGIC = b"\x1f\x8b"


def decompressed(handle: io.BufferedReader) -> io.BufferedIOBase:
    """``handle``, or its decompressed content when it starts with the gzip magic bytes."""
    return gzip.GzipFile(fileobj=handle, mode="rb") if handle.peek(2).startswith(GZIP_MAGIC) else handle


class DecodedLines:
    """The lines of a binary file as text, noting the first line that is not UTF-8 since the last :meth:`take`."""

    def __init__(self, handle: IO[bytes], first_line: int = 1) -> None:
        self.handle = handle
        self.first_line = first_line
        self.problem: str | None = None

    def __iter__(self) -> Iterator[str]:
        for number, raw in enumerate(self.handle, self.first_line):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as error:
                self.problem = self.problem or f"line {number} is not UTF-8 text ({error.reason})"
                yield raw.decode("utf-8", errors="replace")

    def take(self) -> str | None:
        problem, self.problem = self.problem, None
        return problem


def opener(path: Path) -> Callable[[], io.BufferedReader]:
    """What opens ``path`` for reading bytes, when it is read."""
    return lambda: open(path, "rb")


def file_stem(path: Path) -> str:
    """A file's name without its format suffixes: ``pubmed25n0001.xml.gz`` -> ``pubmed25n0001``."""
    return Path(path.name.removesuffix(".gz")).stem


class Rewound(io.RawIOBase):
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


def xml_root(head: bytes) -> str | None:
    """The name of the root element of the XML that ``head`` begins, or None when ``head`` does not reach it
    or is not XML (read without a DTD, entities or the network)."""
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False)
    with contextlib.suppress(etree.XMLSyntaxError):  # the events before the error are kept
        parser.feed(head)
    for _, element in parser.read_events():
        return str(etree.QName(element).localname)
    return None
