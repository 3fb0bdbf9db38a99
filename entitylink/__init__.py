"""entitylink: biomedical entity linking of diseases, species and therapies to MONDO, MeSH and NCBI Taxonomy."""

from __future__ import annotations

from .errors import CacheWarning, EntitylinkError, OntologyFileError
from .knowledge_base import KnowledgeBase, load_kb
from .normalize import normalize
from .term import Concept, Match, NameKind, Xref

__version__ = "0.1.0"

__all__ = [
    "CacheWarning",
    "Concept",
    "EntitylinkError",
    "KnowledgeBase",
    "Match",
    "NameKind",
    "OntologyFileError",
    "Xref",
    "load_kb",
    "normalize",
    "__version__",
]
