"""``entitylink ontologies``: build, convert, index and describe the ontologies."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import typer

from entitylink.cli.options import CacheOption, SourceOption, fail, knowledge_base, logging_flags
from entitylink.errors import EntitylinkError
from entitylink.kb import KnowledgeBase
from entitylink.kb.index_cache import cache_path, cache_size, default_cache_dir
from entitylink.ontology_build.build import build_all, convert_mesh_xml

__all__ = ["ontologies_app"]

ontologies_app = typer.Typer(help="Build, index and describe the ontologies.", no_args_is_help=True, rich_markup_mode=None)


@ontologies_app.command("info")
@logging_flags
def info(
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
    as_json: bool = typer.Option(False, "--json", help="Print the table as JSON."),
) -> None:
    """Files, versions and counts of the loaded ontologies, and where their indexes are cached."""
    directory = cache_dir or default_cache_dir()
    kb = knowledge_base(ontology, directory)
    summary = _summary(kb, directory)
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
        return
    typer.echo(f"cache directory: {directory} ({summary['cache_bytes'] / 1e6:,.0f} MB)")
    for row in summary["parts"]:
        typer.echo(
            f"\n{row['name']}: {row['source']}\n"
            f"  ontology {row['ontology']}, version {row['version']}\n"
            f"  {row['concepts']:,} terms ({row['live_concepts']:,} live), {row['names']:,} names "
            f"under {row['keys']:,} keys, {row['xrefs']:,} xrefs\n"
            f"  cache {row['cache']}"
        )


def _summary(kb: KnowledgeBase, directory: Path) -> dict[str, Any]:
    """:meth:`KnowledgeBase.stats` with each part's cache file, and the cache directory and its size."""
    rows = kb.stats()
    for row in rows:
        row["cache"] = str(cache_path(Path(str(row["source"])), directory))
    return {"cache_dir": str(directory), "cache_bytes": cache_size(directory), "parts": rows}


@ontologies_app.command("index")
@logging_flags
def index(
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Compile (or check) the cached term index of every ontology file."""
    directory = cache_dir or default_cache_dir()
    start = time.perf_counter()
    kb = knowledge_base(ontology, directory)
    summary = {**_summary(kb, directory), "seconds": round(time.perf_counter() - start, 1)}
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
        return
    typer.echo(f"{len(summary['parts'])} ontology indexes ready in {summary['seconds']:.1f} s, "
               f"cached in {directory} ({summary['cache_bytes'] / 1e6:,.0f} MB):")  # fmt: skip
    for row in summary["parts"]:
        typer.echo(f"  {row['name']:<20} {row['version']:<28} {row['concepts']:>9,} terms {row['names']:>9,} names")


@ontologies_app.command("build")
@logging_flags
def build(
    source: Path = typer.Option(
        ..., "--source", metavar="DIR", exists=True, file_okay=False, help="Folder of raw sources (mondo/, mesh/, ncbitaxon/)."
    ),
    out: Path = typer.Option(
        Path("ontologies"), "--out", metavar="DIR", file_okay=False, help="Folder to write the OBO files into."
    ),
) -> None:
    """Build the bundled OBO files from the raw public sources (deterministic)."""
    try:
        counts = build_all(source, out)
    except (OSError, EOFError, KeyError, ValueError) as error:
        fail(EntitylinkError(f"{source}: cannot build the ontologies ({type(error).__name__}: {error})"))
    for name, count in counts.items():
        typer.echo(f"{out / name}: {count:,} terms")


@ontologies_app.command("convert-mesh")
@logging_flags
def convert_mesh(
    xml: Path = typer.Argument(
        ..., metavar="XML", exists=True, dir_okay=False, help="NLM descriptor file desc20XX.xml (or .xml.gz)."
    ),
    out: Path = typer.Option(..., "--out", "-o", metavar="FILE", dir_okay=False, help="OBO file to write (.obo or .obo.gz)."),
) -> None:
    """Convert a MeSH descriptor XML release into an OBO file of the bundled shape.

    Use it with ``--ontology mesh=OUT``.
    """
    try:
        count = convert_mesh_xml(xml, out)
    except (ValueError, SyntaxError, OSError, EOFError) as error:
        fail(EntitylinkError(f"{xml}: not a readable MeSH descriptor XML file ({type(error).__name__}: {error})"))
    typer.echo(f"{out}: {count:,} descriptors")
