"""Ontology files: loading any OBO file (optionally gzipped) through pronto, and reading its header.

The bundled files are built from public sources by :mod:`entitylink.ontology_build` and
found through :mod:`entitylink.resources`.
"""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import pronto

from entitylink.errors import OntologyFileError

__all__ = ["check_readable", "load_ontology", "read_header"]


def check_readable(path: Path) -> None:
    """Raise :class:`OntologyFileError` unless ``path`` is an existing file."""
    if not path.exists():
        raise OntologyFileError(path, "no such file")
    if not path.is_file():
        raise OntologyFileError(path, "not a file")


def load_ontology(path: str | Path) -> pronto.Ontology:
    """Load an OBO file (optionally gzipped) with pronto, or raise :class:`OntologyFileError`
    naming the file and, for syntax errors, the line."""
    path = Path(path)
    check_readable(path)
    try:
        with warnings.catch_warnings():
            # pronto warns about every unresolved cross-file reference; they are expected here
            warnings.simplefilter("ignore")
            return pronto.Ontology(str(path), threads=2)
    except SyntaxError as error:
        raise OntologyFileError(path, f"malformed OBO: {error.msg}", error.lineno) from None
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as error:
        raise OntologyFileError(path, f"cannot be read as OBO ({type(error).__name__}: {error})") from None


def read_header(path: str | Path) -> dict[str, str]:
    """The header tags of an OBO file (``ontology``, ``data-version``...), read without parsing terms."""
    path = Path(path)
    check_readable(path)
    opener = gzip.open if path.suffix == ".gz" else open
    header: dict[str, str] = {}
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("["):
                    break
                tag, sep, value = line.partition(":")
                if sep and tag not in header:
                    header[tag.strip()] = value.strip()
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise OntologyFileError(path, f"cannot be read ({type(error).__name__}: {error})") from None
    return header
