"""The spaCy side of entitylink: every component factory, the tokenizer, the Doc/Span extensions and :func:`load`.

=================================  ===================================================================
module                             what it registers or sets
=================================  ===================================================================
:mod:`.tokenizer`                  ``entitylink.BiomedicalTokenizer.v1`` (scispaCy's rules, hyphen splits)
:mod:`.abbreviations`              ``entitylink_abbreviations``: ``doc._.abbreviations`` (scispaCy's)
:mod:`.trained_recognizer`         ``entitylink_ner``: ``doc.ents`` from the trained NER
:mod:`.cached_vectors`             ``entitylink.CachedVectors.v1``: the NER's floret vectors, each word's built once
:mod:`.dictionary_recognizer`      ``entitylink_dictionary``: ``doc.ents`` from ontology names
:mod:`.merge_policies`             the hybrid policies, registered callables (``entitylink.merge.*``)
:mod:`.linker`                     ``entitylink_linker``: ``ent._.kb_id`` and the other span attributes
:mod:`.therapy_context`            whether a cell or tissue is given as a treatment (the linker's therapy sense)
:mod:`.residue_context`            whether an amino acid is a residue of a sequence (the linker drops it)
:mod:`.protein_context`            whether a chemical begins a protein's name, "zinc finger" (the linker drops it)
:mod:`.person_context`             whether "depressed" is said of a person (else the linker drops it)
:mod:`.species_roles`              ``ent._.species_role``: host, pathogen or other
:mod:`.strain_designations`        strain codes ("strain 0533", "=DSM 45357") as their species (the linker adds them)
:mod:`.extensions`, :mod:`.outputs`  the attributes, ``doc._.linked_entities``, ``doc._.host_species``, ``doc._.to_dict()``
:mod:`.loader`                     :func:`load`, the whole pipeline in one call
=================================  ===================================================================

May import :mod:`entitylink.linking`, :mod:`entitylink.kb` and the shared base modules; never
pandas, pyarrow, the readers or writers, or anything above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from entitylink.pipeline.loader import load

__all__ = ["RECOGNIZERS", "load"]

#: The recognizers a pipeline can have, by name, as :func:`load` arguments.
RECOGNIZERS: dict[str, dict[str, bool]] = {
    "hybrid": {"ner": True, "dictionary": True},
    "dictionary": {"ner": False, "dictionary": True},
    "ner": {"ner": True, "dictionary": False},
}


def __getattr__(name: str) -> Any:
    """:func:`load`, imported with spaCy on first use (the command line reads :data:`RECOGNIZERS` without spaCy)."""
    if name == "load":
        from entitylink.pipeline.loader import load

        return load
    raise AttributeError(f"module 'entitylink.pipeline' has no attribute {name!r}")
