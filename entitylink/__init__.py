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

Every public name is imported on first use (``import entitylink`` loads neither spaCy nor pronto nor pandas):
``entitylink.load_kb()`` imports the knowledge base only, ``entitylink.load()`` spaCy as well,
:func:`read_annotations` Dask (from ``entitylink[dask]``).
"""

from __future__ import annotations

import importlib
import sys
from importlib import metadata
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from entitylink.annotate import AnnotatedDocument, annotate
    from entitylink.distributed.dataset import read_annotations
    from entitylink.errors import CacheWarning, EntitylinkError, OntologyFileError
    from entitylink.kb import Concept, KnowledgeBase, Match, NameKind, Xref, load_kb
    from entitylink.normalize import normalize
    from entitylink.pipeline import load
    from entitylink.render import render_html, render_markdown
    from entitylink.tables import concept_table, documents_dataframe, to_dataframe

__version__ = metadata.version("entitylink")

#: Each public name -> the module it comes from, imported when the name is first used.
_SOURCES = {
    "AnnotatedDocument": "entitylink.annotate",
    "annotate": "entitylink.annotate",
    "CacheWarning": "entitylink.errors",
    "EntitylinkError": "entitylink.errors",
    "OntologyFileError": "entitylink.errors",
    "Concept": "entitylink.kb",
    "KnowledgeBase": "entitylink.kb",
    "Match": "entitylink.kb",
    "NameKind": "entitylink.kb",
    "Xref": "entitylink.kb",
    "load_kb": "entitylink.kb",
    "normalize": "entitylink.normalize",
    "load": "entitylink.pipeline",
    "render_html": "entitylink.render",
    "render_markdown": "entitylink.render",
    "concept_table": "entitylink.tables",
    "documents_dataframe": "entitylink.tables",
    "to_dataframe": "entitylink.tables",
    "read_annotations": "entitylink.distributed.dataset",
}

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


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (spaCy, pronto and pandas load only when needed)."""
    if name not in _SOURCES:
        raise AttributeError(f"module 'entitylink' has no attribute {name!r}")
    value = getattr(importlib.import_module(_SOURCES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(ModuleType):
    """The package module; keeps ``entitylink.annotate`` the function when the submodule of that name is imported."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SOURCES and isinstance(value, ModuleType):
            return  # the import system binding a submodule (entitylink/annotate.py) over a public function
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
