"""The taxon table of the bundled NCBI Taxonomy's grounding tier: reading it back, row by row, checked.

:mod:`entitylink.ontology_build.ncbitaxon` writes it; the knowledge base compiles it into a table
index (:mod:`entitylink.kb.term_index`). A malformed row or a damaged gzip raises
:class:`~entitylink.errors.OntologyFileError` naming the file and the line.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from entitylink.errors import OntologyFileError

__all__ = ["TABLE_COLUMNS", "Taxon", "check_header", "is_taxon_table", "open_lines", "read_taxon_table", "taxon_fields"]

TABLE_COLUMNS = ("tax_id", "parent_id", "rank", "scientific_name")


@dataclass(frozen=True, slots=True)
class Taxon:
    """One row of the taxonomy; ``common_name`` is ``""`` when the taxon has none."""

    id: int
    parent: int
    rank: str
    name: str
    common_name: str = ""


def open_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without its newline) of a text file, gzipped or not; read errors name the line."""
    number = 0
    try:
        with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                yield number, line.rstrip("\n")
    except FileNotFoundError:
        raise OntologyFileError(path, "no such file") from None
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise OntologyFileError(path, f"cannot be read ({type(error).__name__}: {error})", number + 1) from None


def taxon_fields(path: Path, number: int, line: str, width: int) -> list[str]:
    fields = line.split("\t")
    if len(fields) != width:
        raise OntologyFileError(path, f"expected {width} tab-separated fields, found {len(fields)}", number)
    if not (fields[0].isdigit() and fields[1].isdigit()):
        raise OntologyFileError(path, f"tax_id and parent_id must be numbers, found {fields[0]!r} and {fields[1]!r}", number)
    if not fields[2] or not fields[3].strip():
        raise OntologyFileError(path, "empty rank or scientific name", number)
    return fields


def check_header(path: Path, lines: Iterator[tuple[int, str]], columns: tuple[str, ...]) -> None:
    number, line = next(lines, (1, ""))
    if tuple(line.split("\t")) != columns:
        raise OntologyFileError(path, f"expected the header {' '.join(columns)!r}, found {line[:80]!r}", number)


def is_taxon_table(path: Path) -> bool:
    """Whether ``path`` names a taxon table (``.tsv`` or ``.tsv.gz``) rather than an OBO file."""
    return path.name.endswith((".tsv", ".tsv.gz"))


def read_taxon_table(path: Path) -> tuple[dict[str, str], Iterator[Taxon]]:
    """The ``#`` header of a table written by :func:`write_taxon_table`, and its rows as taxa
    (a root is its own parent, as in the source); a malformed row raises :class:`OntologyFileError`."""
    lines = open_lines(path)
    header: dict[str, str] = {}
    number, line = next(lines, (1, ""))
    while line.startswith("# "):
        key, _, value = line[2:].partition(": ")
        header[key] = value
        number, line = next(lines, (number + 1, ""))
    if tuple(line.split("\t")) != TABLE_COLUMNS:
        raise OntologyFileError(path, f"expected the header {' '.join(TABLE_COLUMNS)!r}, found {line[:80]!r}", number)

    def rows() -> Iterator[Taxon]:
        for number, line in lines:
            tax_id, parent, rank, name = taxon_fields(path, number, line, len(TABLE_COLUMNS))
            yield Taxon(int(tax_id), int(parent), rank, name)

    return header, rows()
