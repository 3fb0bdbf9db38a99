"""HGNC's human gene symbols, as the list of words the pipeline reads as genes, not entities.

:func:`read_hgnc_symbols` takes the approved and alias symbols of the approved genes of an
HGNC ``entries.tsv.gz`` release; :func:`write_gene_symbols` writes them as the bundled
``hgnc-symbols.txt.gz`` that :func:`entitylink.kb.gene_symbols.read_gene_symbols` reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from entitylink.errors import OntologyFileError
from entitylink.kb.taxon_table import open_lines
from entitylink.ontology_build.obo import write_deterministic

__all__ = ["HGNC_COLUMNS", "read_hgnc_symbols", "write_gene_symbols"]

#: The columns of the HGNC release this reader uses.
HGNC_COLUMNS = ("Approved symbol", "Status", "Alias symbols")


def read_hgnc_symbols(path: Path) -> frozenset[str]:
    """The approved and alias symbols of the approved genes of an HGNC ``entries.tsv.gz`` file.

    Symbols of one character or all in lower case are left out: they spell ordinary words.
    A file without the columns of :data:`HGNC_COLUMNS` raises :class:`OntologyFileError`.
    """
    lines = open_lines(path)
    number, header = next(lines, (1, ""))
    columns = header.split("\t")
    missing = [name for name in HGNC_COLUMNS if name not in columns]
    if missing:
        raise OntologyFileError(path, f"no column {', '.join(map(repr, missing))} in the header", number)
    symbol, status, aliases = (columns.index(name) for name in HGNC_COLUMNS)
    symbols = set()
    for number, line in lines:
        fields = line.split("\t")
        if len(fields) <= max(symbol, status, aliases):
            raise OntologyFileError(path, f"expected {len(columns)} tab-separated fields, found {len(fields)}", number)
        if fields[status] == "Approved":
            symbols.add(fields[symbol].strip())
            symbols.update(alias.strip() for alias in fields[aliases].split(","))
    return frozenset(s for s in symbols if len(s) > 1 and not s.islower())


def write_gene_symbols(path: Path, symbols: Iterable[str], header: Mapping[str, str]) -> int:
    """Write ``symbols`` sorted, one a line after ``#`` header lines, deterministically; return their number."""
    ordered = sorted(set(symbols))
    lines = [f"# {key}: {value}\n" for key, value in header.items()] + [f"{s}\n" for s in ordered]
    write_deterministic(path, "".join(lines).encode("utf-8"))
    return len(ordered)
