"""The attributes entitylink sets on spaCy objects.

Span (each entity of ``doc.ents``), set by the ``entitylink_linker`` component:

- ``kb_id``: the best identifier (MONDO for diseases, NCBI Taxonomy for species, MeSH for therapies), or None
- ``kb_ids``: that identifier and its equivalents (MONDO + MeSH + OMIM for a disease, taxon + MeSH for a species)
- ``kb_name``: the concept's preferred name
- ``score``: linking confidence, 0-1
- ``subtype``: for therapies, ``drug``, ``biologic``, ``drug class``, ``procedure`` or ``cell therapy``
- ``alternatives``: the next candidates, as dicts (curie, name, score, ids, kind...)
- ``conjuncts``: for a coordinated mention ("breast and ovarian cancer"), the ``kb_ids`` of each concept it
  names, in the order of the text (``kb_id`` is the first's; ``kb_ids`` holds them all); else empty
- ``common_name``, ``rank``: for species, the taxon's common name ("human") and rank ("species")
- ``species_role``: for species, ``host`` (the study's patients, subjects or animals), ``pathogen``
  (a virus, bacterium or fungus) or ``other`` (a reagent's source, an unlinked name); see
  :mod:`entitylink.pipeline.species_roles`

Doc:

- ``doc_id``: the document's identifier (file name, PMID), when it has one
- ``linked_entities``: the document's concepts per label with their mentions (read-only)
- ``host_species``: the species the document is about, most mentioned first (read-only
  :class:`~entitylink.pipeline.outputs.LinkedConcept` list: "patients" -> human, "a cat" -> cat)
- ``to_dict()``: a JSON-ready record of the document and its entities

and, in ``doc.user_data``, why a document was not annotated (:func:`doc_error`) and where the
title of a PubTator document ends (:func:`title_end`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from entitylink.pipeline.outputs import LIST_ATTRIBUTES, SPAN_ATTRIBUTES, doc_to_dict, host_species, linked_entities

__all__ = ["doc_error", "register_extensions", "set_doc_error", "set_title_end", "title_end"]

_ERROR = "entitylink_error"
_TITLE_END = "entitylink_title_end"


def register_extensions() -> None:
    """Register the attributes (idempotent; components call it when they are created)."""
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=[] if name in LIST_ATTRIBUTES else None)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("linked_entities"):
        Doc.set_extension("linked_entities", getter=linked_entities)
    if not Doc.has_extension("host_species"):
        Doc.set_extension("host_species", getter=host_species)
    if not Doc.has_extension("to_dict"):
        Doc.set_extension("to_dict", method=doc_to_dict)


def doc_error(doc: Doc) -> str | None:
    """Why a document was not (fully) annotated, or None."""
    return doc.user_data.get(_ERROR)


def set_doc_error(doc: Doc, error: str) -> None:
    doc.user_data[_ERROR] = error


def title_end(doc: Doc) -> int | None:
    """Where the title ends in the text of a document read from PubTator, else None."""
    return doc.user_data.get(_TITLE_END)


def set_title_end(doc: Doc, end: int) -> None:
    doc.user_data[_TITLE_END] = end
