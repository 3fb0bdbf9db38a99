"""The NCBI Taxonomy from its full table, in two tiers: a curated OBO file and a compact table.

The source is the whole taxonomy as one gzipped TSV (``tax_id``, ``parent_id``,
``rank``, ``scientific_name``, ``common_name``). :func:`read_taxa` streams and
validates it; :func:`worth_naming` drops the names no text uses as a mention
(strain and isolate codes, "uncultured ...", metagenomes, placeholders);
:func:`split_tiers` puts the taxa biomedical text names often (the taxslim
subset, taxa with a common name, MeSH organisms, and their ancestors) in an OBO
file that pronto loads, and the rest in a table (:func:`write_taxon_table`) that
:func:`read_taxon_table` reads back for the knowledge base.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from entitylink.errors import OntologyFileError
from entitylink.kb.taxon_table import TABLE_COLUMNS, Taxon, check_header, open_lines, taxon_fields
from entitylink.ontology_build.obo import OboHeader, OboSynonym, OboTerm, write_deterministic

__all__ = [
    "CODE",
    "FORMER_NAME",
    "OPEN_NOMENCLATURE",
    "PLACEHOLDER",
    "SOURCE_COLUMNS",
    "VIRUSES",
    "SlimTaxon",
    "Taxonomy",
    "TaxonomyTiers",
    "read_taxa",
    "read_taxslim",
    "split_tiers",
    "taxa_to_obo",
    "taxonomy_header",
    "worth_naming",
    "write_taxon_table",
]

SOURCE_COLUMNS = ("tax_id", "parent_id", "rank", "scientific_name", "common_name")
#: The root of the viruses, whose species names carry numbers ("Human alphaherpesvirus 1").
VIRUSES = 10239
#: Names of placeholders and of samples rather than taxa.
PLACEHOLDER = re.compile(
    r"\b(?:uncultured|unidentified|unclassified|environmental samples?|metagenomes?|synthetic constructs?"
    r"|enrichment cultures?|incertae sedis)\b",
    re.IGNORECASE,
)
#: Open nomenclature with a qualifier: an unnamed species ("Bacillus sp. AD-G6", "Occidozyga cf. laevis KU 326478");
#: a bare "Fusarium sp." and a forma specialis ("Blumeria graminis f. sp. tritici") are not.
OPEN_NOMENCLATURE = re.compile(r"(?<!\bf\.)\s(?:sp|spp|cf|aff|nr)\.\s")
#: A specimen, strain or isolate code: any digit outside a virus ("BIOUG21200-C02", "archaeon CR_12").
CODE = re.compile(r"\d")
#: The synonym type of a taxslim scientific name that the taxonomy has since replaced.
FORMER_NAME = "former_scientific_name"
_NO_RANK = "no_rank"
_SPECIES_DEPTH = 4
_SLIM_SYNONYM = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (\w+)(?: (\w+))? \[')


def read_taxa(path: Path) -> Iterator[Taxon]:
    """Stream the full taxonomy TSV; a malformed row or a damaged gzip raises :class:`OntologyFileError`."""
    lines = open_lines(path)
    check_header(path, lines, SOURCE_COLUMNS)
    for number, line in lines:
        tax_id, parent, rank, name, common = taxon_fields(path, number, line, len(SOURCE_COLUMNS))
        yield Taxon(int(tax_id), int(parent), rank, name, common)


@dataclass
class SlimTaxon:
    """A taxon of the taxslim OBO file and its synonyms (with scope and type)."""

    taxon: Taxon
    synonyms: list[OboSynonym]


def read_taxslim(path: Path) -> dict[int, SlimTaxon]:
    """The taxa of the taxslim OBO file by id: name, first ``is_a`` parent, rank, synonyms (not the rank terms)."""
    found: dict[int, SlimTaxon] = {}
    current: dict[str, str] = {}
    synonyms: list[OboSynonym] = []

    def close() -> None:
        if current.get("id", "").isdigit():
            tax_id = int(current["id"])
            taxon = Taxon(tax_id, int(current.get("parent", tax_id)), current.get("rank", _NO_RANK), current.get("name", ""))
            found[tax_id] = SlimTaxon(taxon, synonyms)

    for number, line in open_lines(path):
        tag, _, value = line.partition(": ")
        if line.startswith("["):
            close()
            current, synonyms = {}, []
        elif tag == "id":
            current["id"] = value.removeprefix("NCBITaxon:")
        elif tag == "name":
            current["name"] = value
        elif tag == "is_a" and "parent" not in current:
            current["parent"] = value.split(" ")[0].removeprefix("NCBITaxon:")
        elif tag == "property_value" and value.startswith("has_rank NCBITaxon:"):
            current["rank"] = value.removeprefix("has_rank NCBITaxon:")
        elif tag == "synonym":
            match = _SLIM_SYNONYM.match(line)
            if match is None:
                raise OntologyFileError(path, "malformed synonym line", number)
            synonyms.append(OboSynonym(match.group(1).replace('\\"', '"').replace("\\\\", "\\"), match.group(2), match.group(3)))
    close()
    return found


def worth_naming(taxon: Taxon, taxonomy: Taxonomy) -> bool:
    """Whether text could name ``taxon``: not a placeholder, not an unnamed species with a qualifier
    ("Bacillus sp. AD-G6"), and no specimen code unless the name is a named species' plus a strain
    designation ("Escherichia coli K-12"); viruses keep their numbers but not their isolate names
    ("Influenza A virus (A/chicken/Guangdong/G1447/2014(H9N2))")."""
    name = taxon.name
    if PLACEHOLDER.search(name) or OPEN_NOMENCLATURE.search(name):
        return False
    if taxonomy.is_virus(taxon.id):
        return "/" not in name
    if not CODE.search(name):
        return True
    species = taxonomy.species_of(taxon.id)
    return species is not None and name.startswith(species.name + " ") and not CODE.search(species.name)


class Taxonomy:
    """The taxa of the full table by id, with lineage queries."""

    def __init__(self, taxa: Iterable[Taxon]) -> None:
        self.taxa: dict[int, Taxon] = {taxon.id: taxon for taxon in taxa}
        self._virus: dict[int, bool] = {VIRUSES: True}

    def fill(self, taxa: Iterable[Taxon]) -> int:
        """Add the ``taxa`` the table lacks (taxslim's homonyms, such as "Mus <genus>", which the source
        dropped); return how many were added."""
        before = len(self.taxa)
        for taxon in taxa:
            self.taxa.setdefault(taxon.id, taxon)
        return len(self.taxa) - before

    @property
    def orphans(self) -> int:
        """How many taxa name a parent the table does not hold (the 2024 source lacks some inner nodes)."""
        return sum(taxon.parent not in self.taxa for taxon in self.taxa.values())

    def species_of(self, tax_id: int) -> Taxon | None:
        """The nearest ancestor of rank species of a strain, subspecies or serotype, or None."""
        taxon = self.taxa[tax_id]
        for _ in range(_SPECIES_DEPTH):
            if taxon.parent == taxon.id or taxon.parent not in self.taxa:
                return None
            taxon = self.taxa[taxon.parent]
            if taxon.rank == "species":
                return taxon
        return None

    def is_virus(self, tax_id: int) -> bool:
        """Whether ``tax_id`` descends from the viruses' root."""
        path = []
        while tax_id not in self._virus:
            path.append(tax_id)
            parent = self.taxa[tax_id].parent
            if parent == tax_id or parent not in self.taxa:
                self._virus[tax_id] = False
                break
            tax_id = parent
        answer = self._virus[tax_id]
        self._virus.update(dict.fromkeys(path, answer))
        return answer

    def kept(self, keep: Callable[[Taxon, Taxonomy], bool] = worth_naming, always: Collection[int] = ()) -> set[int]:
        """Ids of the taxa ``keep`` accepts, and of ``always``."""
        return {i for i, t in self.taxa.items() if i in always or keep(t, self)}

    def kept_parent(self, tax_id: int, kept: Collection[int]) -> int | None:
        """The nearest ancestor of ``tax_id`` in ``kept`` (None for the root and below a missing parent)."""
        taxon = self.taxa[tax_id]
        while taxon.parent != taxon.id and taxon.parent in self.taxa:
            taxon = self.taxa[taxon.parent]
            if taxon.id in kept:
                return taxon.id
        return None


@dataclass(frozen=True)
class TaxonomyTiers:
    """What the two tiers are made of: kept taxa, the curated ones among them, each one's kept parent."""

    kept: set[int]
    curated: set[int]
    parents: dict[int, int | None]


def split_tiers(taxonomy: Taxonomy, kept: set[int], seeds: Iterable[int]) -> TaxonomyTiers:
    """The curated tier: ``seeds`` (taxslim, MeSH organisms) and every kept taxon with a common name,
    with their kept ancestors; the rest of ``kept`` forms the table."""
    parents = {i: taxonomy.kept_parent(i, kept) for i in sorted(kept)}
    curated: set[int] = set()
    wanted = [i for i in seeds if i in kept] + [i for i in kept if taxonomy.taxa[i].common_name]
    for tax_id in wanted:
        current: int | None = tax_id
        while current is not None and current not in curated:
            curated.add(current)
            current = parents[current]
    return TaxonomyTiers(kept, curated, parents)


def taxa_to_obo(taxonomy: Taxonomy, tiers: TaxonomyTiers, slim: Mapping[int, SlimTaxon]) -> Iterator[OboTerm]:
    """OBO terms of the curated tier: scientific name, GenBank common name, taxslim's synonyms and its
    scientific name when the taxonomy has renamed the taxon since ("Mycoplasma pneumoniae"), rank, kept parent."""
    for tax_id in sorted(tiers.curated):
        taxon = taxonomy.taxa[tax_id]
        synonyms = {OboSynonym(taxon.common_name, "EXACT", "genbank_common_name")} if taxon.common_name else set()
        former = slim[tax_id].taxon.name if tax_id in slim else taxon.name
        if former != taxon.name:
            synonyms.add(OboSynonym(former, "EXACT", FORMER_NAME))
        seen = {taxon.name, taxon.common_name, former}
        synonyms.update(s for s in (slim[tax_id].synonyms if tax_id in slim else ()) if s.text not in seen)
        parent = tiers.parents[tax_id]
        yield OboTerm(
            id=f"NCBITaxon:{tax_id}",
            name=taxon.name,
            synonyms=sorted(synonyms),
            is_a=[f"NCBITaxon:{parent}"] if parent is not None else [],
            properties=[("has_rank", f"NCBITaxon:{taxon.rank}", None)] if taxon.rank != _NO_RANK else [],
        )


def taxonomy_header(release: str, slim_release: str, synonym_types: Mapping[str, str]) -> OboHeader:
    return OboHeader(
        ontology="ncbitaxon",
        data_version=f"ncbitaxon/{release}",
        remarks=[
            (
                f"Built by entitylink from the NCBI Taxonomy of {release} (names worth matching: the taxslim "
                "subset, taxa with a common name, MeSH organisms and their ancestors) with the synonyms of "
                f"taxslim {slim_release}; the other named taxa are in ncbitaxon-full.tsv.gz."
            ),
            "NCBI Taxonomy (Schoch et al., 2020, Database baaa062) is in the public domain.",
        ],
        synonym_types=dict(synonym_types),
    )


def write_taxon_table(path: Path, taxonomy: Taxonomy, tiers: TaxonomyTiers, header: Mapping[str, str]) -> int:
    """Write the kept taxa outside the curated tier as a gzipped TSV (``#`` header lines, then
    :data:`TABLE_COLUMNS`), sorted by id, deterministically; return the number of rows."""
    lines = [f"# {key}: {value}\n" for key, value in header.items()] + ["\t".join(TABLE_COLUMNS) + "\n"]
    count = 0
    for tax_id in sorted(tiers.kept - tiers.curated):
        taxon = taxonomy.taxa[tax_id]
        parent = tiers.parents[tax_id]
        lines.append(f"{tax_id}\t{tax_id if parent is None else parent}\t{taxon.rank}\t{taxon.name}\n")
        count += 1
    write_deterministic(path, "".join(lines).encode("utf-8"))
    return count
