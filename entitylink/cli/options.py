"""What the commands share: the ontology and cache options, and failing with a clear message."""

from __future__ import annotations

from typing import NoReturn

import typer

__all__ = ["CacheOption", "SourceOption", "fail", "parse_sources"]

SourceOption = typer.Option(
    None,
    "--ontology",
    "-O",
    metavar="NAME=PATH",
    help="Use another OBO file for a part (mondo, mesh, mesh-supplementary, ncbitaxon, or a new name); "
    "NAME=none leaves the part out. Repeatable.",
)
CacheOption = typer.Option(
    None, "--cache-dir", help="Where compiled indexes are kept [default: $ENTITYLINK_CACHE_DIR or the user cache]."
)


def parse_sources(values: list[str] | None) -> dict[str, str | None]:
    """``NAME=PATH`` options as :func:`entitylink.load_kb` sources (``NAME=none``: left out)."""
    sources: dict[str, str | None] = {}
    for value in values or []:
        name, sep, path = value.partition("=")
        if not sep or not name or not path:
            raise typer.BadParameter(f"{value!r} is not NAME=PATH", param_hint="--ontology")
        sources[name] = None if path.lower() == "none" else path
    return sources


def fail(error: Exception) -> NoReturn:
    """Print ``error`` on standard error and exit with status 1."""
    typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=1)
