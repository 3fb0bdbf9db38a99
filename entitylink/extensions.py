"""The attributes entitylink sets on spaCy objects.

Span (each entity of ``doc.ents``), set by the ``entitylink_linker`` component:

- ``kb_id``: the best identifier (MONDO for diseases, NCBI Taxonomy for species, MeSH for therapies), or None
- ``kb_ids``: that identifier and its equivalents (MONDO + MeSH + OMIM for a disease, taxon + MeSH for a species)
- ``kb_name``: the concept's preferred name
- ``score``: linking confidence, 0-1
- ``subtype``: for therapies, ``drug``, ``drug class``, ``procedure`` or ``cell therapy``
- ``alternatives``: the next candidates, as dicts (curie, name, score, ids, kind...)
- ``common_name``, ``rank``: for species, the taxon's common name ("human") and rank ("species")

Doc:

- ``doc_id``: the document's identifier (file name, PMID), when it has one
- ``linked_entities``: the document's concepts per label with their mentions (read-only)
- ``to_dict()``: a JSON-ready record of the document and its entities
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["SPAN_ATTRIBUTES", "register_extensions"]

SPAN_ATTRIBUTES = ("kb_id", "kb_ids", "kb_name", "score", "subtype", "alternatives", "common_name", "rank")


def register_extensions() -> None:
    """Register the attributes (idempotent; components call it when they are created)."""
    from .outputs import doc_to_dict, linked_entities

    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=[] if name in ("kb_ids", "alternatives") else None)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("linked_entities"):
        Doc.set_extension("linked_entities", getter=linked_entities)
    if not Doc.has_extension("to_dict"):
        Doc.set_extension("to_dict", method=doc_to_dict)
