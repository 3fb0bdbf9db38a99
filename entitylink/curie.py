"""Identifiers: CURIE prefixes, which ontology each names, their web pages, and id columns read as CURIEs.

The one table of prefixes in entitylink. Shared base layer: imports only :mod:`entitylink.labels`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from entitylink.labels import DISEASE, SPECIES

__all__ = [
    "MAPPING_PREDICATES",
    "PREFIXES",
    "VOCABULARY_FIELDS",
    "concept_url",
    "corpus_id",
    "normalize_ids",
    "ontology_of",
    "prefix_of",
    "spell_prefix",
    "vocabulary_ids",
]

#: Ontology name -> CURIE prefix, for the ontologies entitylink links to.
PREFIXES: dict[str, str] = {"mondo": "MONDO", "mesh": "MESH", "ncbitaxon": "NCBITaxon"}
#: Lower-cased prefix -> its usual spelling, for every prefix the sources cross-reference.
_SPELLINGS: dict[str, str] = {
    **{prefix.lower(): prefix for prefix in PREFIXES.values()},
    "omim": "OMIM", "doid": "DOID", "umls": "UMLS", "ncit": "NCIT", "orphanet": "Orphanet",
}  # fmt: skip
_ONTOLOGY_OF = {prefix: ontology for ontology, prefix in PREFIXES.items()}
#: SKOS mapping predicates (SSSOM and MONDO's ``property_value`` lines).
MAPPING_PREDICATES = frozenset({"skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch",
                                "skos:relatedMatch"})  # fmt: skip
_PAGES = {
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_{}",
    "MESH": "https://meshb.nlm.nih.gov/record/ui?ui={}",
    "NCBITaxon": "https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id={}",
}
_ID_SEPARATORS = re.compile(r"[|,;+]")
#: Field name -> CURIE prefix of each vocabulary a record gives its own field (``mesh_id``...).
VOCABULARY_FIELDS = {"mondo_id": "MONDO", "mesh_id": "MESH", "omim_id": "OMIM", "taxon_id": "NCBITaxon"}
#: The vocabularies corpora identify each label in, in order of preference (PubTator's convention).
_CORPUS_PREFIXES = {DISEASE: ("MESH", "OMIM", "MONDO"), SPECIES: ("NCBITaxon",)}


def ontology_of(curie: str) -> str:
    """``MONDO:0018874`` -> ``mondo``; unknown prefixes are lower-cased."""
    prefix = curie.partition(":")[0]
    return _ONTOLOGY_OF.get(prefix, prefix.lower())


def prefix_of(ontology: str) -> str:
    """``mondo`` -> ``MONDO``: the CURIE prefix of an ontology entitylink links to."""
    return PREFIXES[ontology]


def spell_prefix(prefix: str) -> str:
    """A prefix as the sources usually spell it: ``mesh`` -> ``MESH``, ``orphanet`` -> ``Orphanet``."""
    return _SPELLINGS.get(prefix.lower(), prefix)


def concept_url(curie: str) -> str | None:
    """The web page of an identifier (MONDO, MeSH or NCBI Taxonomy), or None for other prefixes."""
    prefix, _, local = curie.partition(":")
    template = _PAGES.get(prefix)
    return template.format(local) if template else None


def normalize_ids(raw: str, label: str) -> frozenset[str]:
    """An id column of a corpus or a prediction as CURIEs: ``D012010`` -> ``MESH:D012010``,
    ``9606`` -> ``NCBITaxon:9606`` (for SPECIES, else an OMIM number); composite ``D1|D2`` gives both,
    ``-`` and ``-1`` none."""
    ids = set()
    for part in _ID_SEPARATORS.split(raw or ""):
        part = part.strip()
        if not part or part in ("-", "-1"):
            continue
        if part.isdigit():
            ids.add(f"NCBITaxon:{part}" if label == SPECIES else f"OMIM:{part}")
        elif re.fullmatch(r"[CD]\d+", part):
            ids.add(f"MESH:{part}")
        else:
            ids.add(f"MESH:{part[5:]}" if part.lower().startswith("mesh:") else part)
    return frozenset(ids)


def vocabulary_ids(ids: Sequence[str]) -> dict[str, str | None]:
    """The first id of each vocabulary of :data:`VOCABULARY_FIELDS` among ``ids`` (None where there is none)."""
    return {field: next((i for i in ids if i.startswith(prefix + ":")), None) for field, prefix in VOCABULARY_FIELDS.items()}


def corpus_id(ids: Sequence[str], label: str) -> str | None:
    """The id a corpus (PubTator) expects for an entity with these ids: a disease's MeSH id, else its OMIM
    id, else its MONDO id; a species' taxon; a therapy's MeSH id; else the first id (None: no id)."""
    for prefix in _CORPUS_PREFIXES.get(label, ("MESH",)):
        found = next((i for i in ids if i.startswith(prefix + ":")), None)
        if found is not None:
            return found
    return ids[0] if ids and label != SPECIES else None
