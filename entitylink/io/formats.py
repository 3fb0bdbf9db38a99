"""The names of the output formats, and the output suffixes that choose them.

Kept apart from :mod:`entitylink.io.writers` (which imports spaCy) so that the command line
lists and checks the choices without loading spaCy.
"""

from __future__ import annotations

__all__ = ["BINARY_FORMATS", "FORMATS", "SUFFIX_FORMATS"]

FORMATS = ("jsonl", "pubtator", "markdown", "tsv", "csv", "parquet")
#: Formats written to a file path rather than a text stream (Parquet).
BINARY_FORMATS = ("parquet",)
#: Output file suffix -> the format it implies (any other suffix: JSONL).
SUFFIX_FORMATS = {".pubtator": "pubtator", ".md": "markdown", ".markdown": "markdown", ".tsv": "tsv", ".csv": "csv",
                  ".parquet": "parquet"}  # fmt: skip
