"""entitylink: biomedical entity linking of diseases, species and therapies to MONDO, MeSH and NCBI Taxonomy."""

from __future__ import annotations

from .errors import CacheWarning, EntitylinkError, OntologyFileError
from .knowledge_base import KnowledgeBase, load_kb
from .normalize import normalize
from .pipeline import load
from .records import AnnotatedDocument, annotate
from .render import render_html, render_markdown
from .tables import concept_table, documents_dataframe, to_dataframe
from .term import Concept, Match, NameKind, Xref

__version__ = "0.1.0"

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
    "render_html",
    "render_markdown",
    "to_dataframe",
]
