"""Human gene symbols (HGNC approved and alias symbols): words the pipeline reads as genes, not entities."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from entitylink.errors import OntologyFileError
from entitylink.kb.taxon_table import open_lines
from entitylink.resources import bundled_gene_symbols

__all__ = ["read_gene_symbols"]


@lru_cache(maxsize=4)
def read_gene_symbols(path: Path | None = None) -> frozenset[str]:
    """The symbols of a file written by :func:`entitylink.ontology_build.hgnc.write_gene_symbols`
    (None: the bundled one); a line that is no single symbol raises :class:`OntologyFileError`."""
    path = bundled_gene_symbols() if path is None else path
    symbols = set()
    for number, line in open_lines(path):
        if line.startswith("# "):
            continue
        if not line or len(line.split()) != 1:
            raise OntologyFileError(path, f"expected one gene symbol, found {line[:80]!r}", number)
        symbols.add(line)
    return frozenset(symbols)
