"""Ontology files: the bundled OBO builds, and loading any OBO file through pronto.

The bundled files are built from public sources by :mod:`entitylink.ontologies.build`
and ship inside the package (``entitylink.bundled``, the repository's ``ontologies/``).
"""

from __future__ import annotations

import gzip
import warnings
from importlib import resources
from pathlib import Path

import pronto

from ..errors import EntitylinkError, OntologyFileError

__all__ = ["BUNDLED", "DEFAULT_SOURCES", "bundled_path", "check_readable", "load_ontology", "read_header"]

#: Source name -> bundled file name.
BUNDLED: dict[str, str] = {
    "mondo": "mondo.obo.gz",
    "mesh": "mesh.obo.gz",
    "mesh-supplementary": "mesh-supplementary.obo.gz",
    "ncbitaxon": "ncbitaxon-slim.obo.gz",
    "ncbitaxon-curated": "ncbitaxon.obo.gz",
    "ncbitaxon-full": "ncbitaxon-full.tsv.gz",
}
#: The sources :func:`entitylink.load_kb` loads unless told otherwise (the 2024 taxonomy is not yet one).
DEFAULT_SOURCES = ("mondo", "mesh", "mesh-supplementary", "ncbitaxon")


def _bundled_dir() -> Path:
    """The installed data package, or the ``ontologies/`` folder of a source checkout run in place."""
    try:
        return Path(str(resources.files("entitylink.bundled")))
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[2] / "ontologies"
        if checkout.is_dir():
            return checkout
        raise EntitylinkError("the bundled ontologies are missing: reinstall entitylink (pip install entitylink)") from None


def bundled_path(name: str) -> Path:
    """Path of a bundled ontology file (``"mondo"``, ``"mesh"``, ``"mesh-supplementary"``, ``"ncbitaxon"``,
    ``"ncbitaxon-curated"``, ``"ncbitaxon-full"``)."""
    if name not in BUNDLED:
        raise KeyError(f"no bundled ontology named {name!r}; choose one of {', '.join(BUNDLED)}")
    return _bundled_dir() / BUNDLED[name]


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
