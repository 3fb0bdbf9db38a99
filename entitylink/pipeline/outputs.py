"""What an annotated document yields: its linked concepts and a JSON-ready record."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from entitylink.curie import vocabulary_ids
from entitylink.labels import LABELS, SPECIES

__all__ = ["LIST_ATTRIBUTES", "SPAN_ATTRIBUTES", "LinkedConcept", "doc_to_dict", "entity_dict", "host_species", "linked_entities"]

#: The attributes the linker sets on each entity (``ent._.kb_id``...), as :mod:`entitylink.pipeline.extensions` lists them.
SPAN_ATTRIBUTES = ("kb_id", "kb_ids", "kb_name", "score", "subtype", "alternatives", "conjuncts", "common_name", "rank",
                   "species_role")  # fmt: skip
#: The attributes whose value is a list (empty by default).
LIST_ATTRIBUTES = ("kb_ids", "alternatives", "conjuncts")


@dataclass
class LinkedConcept:
    """One concept of a document, with every mention that was linked to it."""

    curie: str
    name: str
    label: str
    ids: list[str]
    subtype: str | None = None
    #: taxa: common name and rank
    common_name: str | None = None
    rank: str | None = None
    score: float = 0.0
    #: the mention texts, in document order (repeats included)
    mentions: list[str] = field(default_factory=list)
    #: character offsets of the mentions
    offsets: list[tuple[int, int]] = field(default_factory=list)

    def id_in(self, prefix: str) -> str | None:
        """The concept's id with a CURIE prefix (``"MESH"``, ``"MONDO"``, ``"NCBITaxon"``), if it has one."""
        return next((i for i in self.ids if i.startswith(prefix + ":")), None)

    @property
    def surface(self) -> str:
        """The mention text used most often (ties: the shortest, then the first)."""
        counts = Counter(self.mentions)
        order = {text: i for i, text in reversed(list(enumerate(self.mentions)))}
        return min(counts, key=lambda text: (-counts[text], len(text), order[text]))

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "offsets": [list(o) for o in self.offsets]}


def linked_entities(doc: Doc) -> dict[str, list[LinkedConcept]]:
    """The linked concepts of ``doc`` per label (DISEASE, SPECIES, THERAPY, then any other), in order of first mention."""
    concepts: dict[str, LinkedConcept] = {}
    for ent in doc.ents:
        curie = ent._.kb_id
        if curie is None:
            continue
        concept = concepts.get(curie)
        if concept is None:
            concept = concepts[curie] = LinkedConcept(
                curie, ent._.kb_name, ent.label_, list(ent._.kb_ids), ent._.subtype, ent._.common_name, ent._.rank
            )
        concept.score = max(concept.score, ent._.score or 0.0)
        concept.mentions.append(ent.text)
        concept.offsets.append((ent.start_char, ent.end_char))
    grouped: dict[str, list[LinkedConcept]] = {label: [] for label in LABELS}
    for concept in concepts.values():
        grouped.setdefault(concept.label, []).append(concept)
    return grouped


def host_species(doc: Doc) -> list[LinkedConcept]:
    """The taxa the document is about (its patients, subjects, animals): the species whose mentions
    have the role ``host``, most mentioned first (``doc._.host_species``)."""
    counts = Counter(ent._.kb_id for ent in doc.ents if ent._.species_role == "host" and ent._.kb_id)
    hosts = [concept for concept in linked_entities(doc)[SPECIES] if counts[concept.curie]]
    return sorted(hosts, key=lambda concept: -counts[concept.curie])


def entity_dict(ent: Any) -> dict[str, Any]:
    """One entity as a JSON-ready dict: offsets, text, label, every linking attribute, and the id of each
    vocabulary among its ids (``mondo_id``, ``mesh_id``, ``omim_id``, ``taxon_id``)."""
    linking = {name: _copied(getattr(ent._, name)) for name in SPAN_ATTRIBUTES}
    ids = vocabulary_ids(linking["kb_ids"])
    return {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "label": ent.label_, **linking, **ids}


def _copied(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def doc_to_dict(doc: Doc) -> dict[str, Any]:
    """The record of an annotated document: id, text, host species, entities and linked concepts (``doc._.to_dict()``)."""
    return {
        "id": doc._.doc_id,
        "text": doc.text,
        "host_species": [{"curie": c.curie, "name": c.name, "common_name": c.common_name} for c in host_species(doc)],
        "entities": [entity_dict(ent) for ent in doc.ents],
        "linked_entities": {label: [c.to_dict() for c in found] for label, found in linked_entities(doc).items()},
    }
