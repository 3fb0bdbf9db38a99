"""The units of work: one partition per input file, and partitions of about N records for a large JSONL or
PubTator file, cut at record boundaries (byte offsets found by one scan) so that one file spreads too."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from entitylink.io.document import Document
from entitylink.io.readers import read_inputs
from entitylink.io.readers.jsonl import jsonl_documents
from entitylink.io.readers.pubtator import pubtator_documents
from entitylink.io.readers.streams import file_stem

__all__ = ["SPLITTABLE", "Partition", "plan_file", "read_partition"]

#: The formats whose files are cut into partitions: one record a line (JSONL), records apart by blank lines (PubTator).
SPLITTABLE = ("jsonl", "pubtator")


@dataclass(frozen=True)
class Partition:
    """A part of an input file annotated by one task, and written to ``mentions/NAME.parquet`` and ``documents/NAME.parquet``."""

    #: the input file (absolute, so that workers elsewhere find it on a shared file system)
    path: str
    #: its format (:data:`entitylink.io.readers.FORMATS`)
    kind: str
    #: the output files' name: the input's file name, and the range of its records for a cut file
    name: str
    #: ``[start, end)`` bytes of the file holding the partition's records; None: the whole file
    byte_range: tuple[int, int] | None = None
    #: the line and record numbers of the first record (1 for a whole file)
    first_line: int = 1
    first_record: int = 1


def plan_file(path: Path, kind: str, partition_size: int) -> tuple[list[Partition], str | None]:
    """The partitions of an input file, and its SHA-256 when the plan read it (a cut file) or None.

    A JSONL or PubTator file of more than ``partition_size`` records is cut every ``partition_size``
    records; any other file, PubMed XML (``.xml.gz`` cannot be cut) included, is one partition.
    """
    absolute = str(path.resolve())
    if kind not in SPLITTABLE:
        return [Partition(absolute, kind, path.name)], None
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        starts = list(_record_starts(handle, kind, digest))
        size = handle.tell()
    if len(starts) <= partition_size:
        return [Partition(absolute, kind, path.name)], digest.hexdigest()
    partitions = []
    for first in range(0, len(starts), partition_size):
        last = min(first + partition_size, len(starts))
        (start, line), end = starts[first], starts[last][0] if last < len(starts) else size
        name = f"{path.name}.{first + 1:09d}-{last:09d}"
        partitions.append(Partition(absolute, kind, name, (start, end), first_line=line, first_record=first + 1))
    return partitions, digest.hexdigest()


def _record_starts(handle: io.BufferedReader, kind: str, digest: hashlib._Hash) -> Iterator[tuple[int, int]]:
    """The byte offset and line number of each record of a JSONL file (each non-blank line) or a PubTator
    file (a non-blank line after a blank one or at the start), hashing the bytes into ``digest``."""
    offset, after_blank = 0, True
    for number, line in enumerate(handle, 1):
        digest.update(line)
        blank = not line.strip()
        if not blank and (kind == "jsonl" or after_blank):
            yield offset, number
        after_blank = blank
        offset += len(line)


def read_partition(partition: Partition) -> Iterator[Document]:
    """The documents of a partition, as :func:`entitylink.io.readers.read_inputs` reads them from the whole file."""
    path = Path(partition.path)
    if partition.byte_range is None:
        yield from read_inputs([path], partition.kind)
        return
    start, end = partition.byte_range
    with open(path, "rb") as handle:
        handle.seek(start)
        part = io.BytesIO(handle.read(end - start))
    if partition.kind == "jsonl":
        yield from jsonl_documents(part, str(path), file_stem(path), first_line=partition.first_line)
    else:
        yield from pubtator_documents(part, str(path), file_stem(path), partition.first_record, partition.first_line)
