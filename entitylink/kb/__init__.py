"""The knowledge base: concepts and names of MONDO, MeSH and NCBI Taxonomy, compiled into a cached index.

- :mod:`.concept`: the records handed out (:class:`Concept`, :class:`Match`, :class:`NameKind`, :class:`Xref`);
- :mod:`.ontology_files`: OBO files loaded through pronto;
- :mod:`.term_index`: an ontology compiled into arrays of normalized names and concepts;
- :mod:`.epithet`: species epithets as the index files them (their stems);
- :mod:`.index_cache`: the compiled indexes on disk, one per ontology file;
- :mod:`.knowledge_base`: :class:`KnowledgeBase` and :func:`load_kb`, lookups across ontologies;
- :mod:`.category`: which label (and therapy subtype) a concept belongs to;
- :mod:`.mesh_tree`: where a MeSH heading sits in the MeSH trees;
- :mod:`.mesh_release`: MeSH ids as an earlier MeSH release gives them;
- :mod:`.gene_symbols`: HGNC's gene symbols, words the pipeline reads as genes.

May import the shared base modules (:mod:`entitylink.errors`, :mod:`entitylink.curie`,
:mod:`entitylink.normalize`, :mod:`entitylink.labels`, :mod:`entitylink.resources`,
:mod:`entitylink.atomic_files`) and pronto; no spaCy, no pandas.
"""

from __future__ import annotations

from entitylink.kb.concept import Concept, Match, NameKind, Synonym, Xref
from entitylink.kb.knowledge_base import KnowledgeBase, load_kb

__all__ = ["Concept", "KnowledgeBase", "Match", "NameKind", "Synonym", "Xref", "load_kb"]
