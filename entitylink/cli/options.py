"""What the commands share: the logging flags every command takes, the ontology and cache options,
choices listed in the help, and failing with a clear message."""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from entitylink.errors import EntitylinkError

if TYPE_CHECKING:
    from entitylink.kb import KnowledgeBase

__all__ = [
    "CacheOption",
    "SourceOption",
    "choice",
    "configure_logging",
    "fail",
    "knowledge_base",
    "logging_flags",
    "parse_sources",
]

SourceOption = typer.Option(
    None,
    "--ontology",
    "-O",
    metavar="NAME=PATH",
    help="Use another OBO file for a part (mondo, mesh, mesh-supplementary, ncbitaxon, or a new name); "
    "NAME=none leaves the part out. Repeatable.",
)
CacheOption = typer.Option(
    None,
    "--cache-dir",
    metavar="DIR",
    help="Where compiled indexes are kept [default: $ENTITYLINK_CACHE_DIR or the user cache].",
)


def configure_logging(level: int) -> None:
    """Messages of ``level`` and above on standard error, as ``entitylink: ...``."""
    logging.basicConfig(format="entitylink: %(message)s")
    logging.getLogger().setLevel(level)


def _set_level(level: int) -> Callable[[bool], None]:
    def given(value: bool) -> None:
        if value:
            configure_logging(level)

    return given


_FLAGS = (
    ("quiet", typer.Option(False, "--quiet", "-q", callback=_set_level(logging.WARNING),
                           help="Only warnings and errors on standard error.")),
    ("verbose", typer.Option(False, "--verbose", "-v", callback=_set_level(logging.DEBUG),
                             help="Debugging messages too.")),
)  # fmt: skip


def logging_flags(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` taking ``-q/--quiet`` and ``-v/--verbose`` after its name too (``entitylink annotate ... -q``)."""

    @functools.wraps(command)
    def with_flags(*args: Any, quiet: bool = False, verbose: bool = False, **kwargs: Any) -> None:
        command(*args, **kwargs)  # the flags took effect as they were parsed

    signature = inspect.signature(command)
    flags = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=bool) for name, option in _FLAGS]
    with_flags.__signature__ = signature.replace(parameters=[*signature.parameters.values(), *flags])  # type: ignore[attr-defined]
    with_flags.__annotations__ = {**command.__annotations__, "quiet": "bool", "verbose": "bool"}
    return with_flags


def choice(values: Sequence[str], *, case_sensitive: bool = True) -> dict[str, Any]:
    """Keyword arguments of ``typer.Option`` that list ``values`` in the help and accept nothing else
    (the value, or each value of a repeatable option, comes back spelled as in ``values``)."""

    def check(value: Any) -> Any:
        if value is None or isinstance(value, list):
            return None if value is None else [check(item) for item in value]
        for allowed in values:
            if value == allowed or (not case_sensitive and value.casefold() == allowed.casefold()):
                return allowed
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(values)}")

    return {"metavar": "[" + "|".join(values) + "]", "callback": check, "autocompletion": lambda: list(values)}


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


def knowledge_base(ontology: list[str] | None, cache_dir: Path | None) -> KnowledgeBase:
    """The knowledge base of the ``--ontology`` options; a bad source ends the command with its error."""
    from entitylink.kb import load_kb

    try:
        return load_kb(parse_sources(ontology), cache_dir=cache_dir)
    except EntitylinkError as error:
        fail(error)
