"""``entitylink lookup``: names looked up in the knowledge base."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import typer

from entitylink.cli.options import CacheOption, SourceOption, choice, knowledge_base
from entitylink.kb import Match
from entitylink.kb.knowledge_base import ONTOLOGY_PRIORITY

__all__ = ["lookup"]


def lookup(
    texts: list[str] = typer.Argument(..., metavar="NAME", help="Names to look up, e.g. 'acute myeloid leukemia' cat."),
    limit: int = typer.Option(5, "--limit", "-n", metavar="N", min=1, help="Matches to show per name."),
    only: list[str] | None = typer.Option(
        None, "--only", **choice(tuple(ONTOLOGY_PRIORITY), case_sensitive=False), help="Restrict to an ontology. Repeatable."
    ),
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per name."),
) -> None:
    """Look names up in the knowledge base: best concepts first, with their cross-references."""
    kb = knowledge_base(ontology, cache_dir)
    for text in texts:
        matches = kb.lookup(text, ontologies=only, limit=limit)
        if as_json:
            typer.echo(json.dumps({"text": text, "matches": [_match_dict(m) for m in matches]}))
            continue
        typer.echo(f"{text}:" + ("" if matches else " no match"))
        for match in matches:
            xrefs = f"  xrefs {', '.join(match.xrefs[:4])}" if match.xrefs else ""
            replaced = f"  (replaces obsolete {match.replaced})" if match.replaced else ""
            typer.echo(
                f"  {match.score:.2f}  {match.curie:<16} {match.name}  [{match.kind.name.lower()} '{match.matched}']{xrefs}{replaced}"
            )


def _match_dict(match: Match) -> dict[str, object]:
    return {**dataclasses.asdict(match), "kind": match.kind.name.lower()}
