"""HGNC's gene symbols from the raw release (entitylink/ontology_build/hgnc.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from entitylink.errors import OntologyFileError
from entitylink.kb.gene_symbols import read_gene_symbols
from entitylink.ontology_build.hgnc import read_hgnc_symbols, write_gene_symbols

HEADER = "HGNC ID\tApproved symbol\tStatus\tAlias symbols"


def _hgnc(path: Path, rows: list[str], header: str = HEADER) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join([header, *rows]) + "\n")
    return path


def test_approved_and_alias_symbols_of_approved_genes(tmp_path: Path) -> None:
    rows = ["HGNC:886\tATRX\tApproved\tRAD54, XH2", "HGNC:1\tCAT\tApproved\tcat, K", "HGNC:2\tOLD1\tSymbol Withdrawn\tOLDX"]
    symbols = read_hgnc_symbols(_hgnc(tmp_path / "hgnc.tsv.gz", rows))
    assert symbols == {"ATRX", "RAD54", "XH2", "CAT"}  # "cat": lower case; "K": one letter; OLD1: withdrawn


def test_written_symbols_read_back(tmp_path: Path) -> None:
    path = tmp_path / "hgnc-symbols.txt.gz"
    assert write_gene_symbols(path, ["XH2", "ATRX", "ATRX"], {"source": "HGNC"}) == 2
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        assert lines.read() == "# source: HGNC\nATRX\nXH2\n"
    assert read_gene_symbols(path) == {"ATRX", "XH2"}


def test_a_release_without_the_symbol_columns_names_the_file(tmp_path: Path) -> None:
    path = _hgnc(tmp_path / "hgnc.tsv.gz", ["HGNC:886\tATRX"], header="HGNC ID\tSymbol")
    with pytest.raises(OntologyFileError, match=r"hgnc\.tsv\.gz, line 1: no column 'Approved symbol', 'Status'"):
        read_hgnc_symbols(path)


def test_a_truncated_row_names_its_line(tmp_path: Path) -> None:
    path = _hgnc(tmp_path / "hgnc.tsv.gz", ["HGNC:886\tATRX\tApproved\tXH2", "HGNC:887\tDAXX"])
    with pytest.raises(OntologyFileError, match=r"line 3: expected 4 tab-separated fields, found 2"):
        read_hgnc_symbols(path)
