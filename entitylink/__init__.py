"""entitylink: biomedical entity linking of diseases, species and therapies to MONDO, MeSH and NCBI Taxonomy.

The package's folders are its layers, each importing only those below it (``lint-imports`` checks it):

=====================================================  ================================================
``cli``                                                the ``entitylink`` command
``distributed``                                        annotating on a Dask cluster into a Parquet dataset
``annotate``, ``tables``, ``evaluation``, ``training``,  annotating from Python, DataFrames, scoring,
``ontology_build``                                     training, building the bundled ontologies
``io``                                                 readers and writers of documents
``render``                                             Markdown and HTML of an annotated Doc
``pipeline``                                           the spaCy components and :func:`load`
``linking``                                            grounding rules, fuzzy candidates, priors
``kb``                                                 concepts, OBO loading, the cached index
``errors``, ``curie``, ``normalize``, ``labels``,      what everything shares
``resources``, ``atomic_files``
=====================================================  ================================================

pandas (:func:`to_dataframe` and the other tables) is imported on first use, not with the package, and so is
Dask (:func:`read_annotations`, from ``entitylink[dask]``).
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any

from entitylink.annotate import AnnotatedDocument, annotate
from entitylink.errors import CacheWarning, EntitylinkError, OntologyFileError
from entitylink.kb import Concept, KnowledgeBase, Match, NameKind, Xref, load_kb
from entitylink.normalize import normalize
from entitylink.pipeline import load
from entitylink.render import render_html, render_markdown

if TYPE_CHECKING:
    from entitylink.distributed import read_annotations
    from entitylink.tables import concept_table, documents_dataframe, to_dataframe

__version__ = metadata.version("entitylink")

__all__ = [
    "AnnotatedDocument",
    "CacheWarning",
    "Concept",
    "EntitylinkError",
    "KnowledgeBase",
    "Match",
    "NameKind",
    "OntologyFileError",
    "Xref",
    "__version__",
    "annotate",
    "concept_table",
    "documents_dataframe",
    "load",
    "load_kb",
    "normalize",
    "read_annotations",
    "render_html",
    "render_markdown",
    "to_dataframe",
]

_TABLES = ("concept_table", "documents_dataframe", "to_dataframe")


def __getattr__(name: str) -> Any:
    """The table functions and :func:`read_annotations`, imported with pandas (and Dask) when first asked for."""
    if name in _TABLES:
        from entitylink import tables

        return getattr(tables, name)
    if name == "read_annotations":
        from entitylink.distributed import read_annotations

        return read_annotations
    raise AttributeError(f"module 'entitylink' has no attribute {name!r}")
