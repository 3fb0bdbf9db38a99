"""The gene symbols the pipeline reads as genes (entitylink/kb/gene_symbols.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from entitylink.errors import OntologyFileError
from entitylink.kb.gene_symbols import read_gene_symbols


def test_a_symbol_list_with_a_sentence_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "symbols.txt"
    path.write_text("# source: HGNC\nATRX\nnot a symbol\n", encoding="utf-8")
    with pytest.raises(OntologyFileError, match=r"symbols\.txt, line 3: expected one gene symbol"):
        read_gene_symbols(path)


def test_the_bundled_symbols() -> None:
    symbols = read_gene_symbols()
    assert len(symbols) > 80_000 and {"ATRX", "DAXX", "BRCA1"} <= symbols and "cat" not in symbols
