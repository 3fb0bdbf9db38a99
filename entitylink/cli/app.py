"""The ``entitylink`` command: one Typer app, with a module per command or command group.

Every command takes ``-q/--quiet`` and ``-v/--verbose`` before or after its name
(:func:`~entitylink.cli.options.logging_flags`); help is plain text, wrapped by Click.
"""

from __future__ import annotations

import logging
from importlib import metadata

import typer

from entitylink.cli.annotate import annotate
from entitylink.cli.evaluate import evaluate
from entitylink.cli.lookup import lookup
from entitylink.cli.ontologies import ontologies_app
from entitylink.cli.options import configure_logging, logging_flags
from entitylink.cli.version import version

__all__ = ["app", "main"]

app = typer.Typer(help="Biomedical entity linking: diseases, species and therapies to MONDO, MeSH and NCBI Taxonomy.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)  # fmt: skip


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"entitylink {metadata.version('entitylink')}")
        raise typer.Exit()


@app.callback()
def _configure(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only warnings and errors on standard error."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debugging messages too."),
    _version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                  help="Print the version and exit ('entitylink version': every component's)."),
) -> None:  # fmt: skip
    configure_logging(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)


app.command("lookup")(logging_flags(lookup))
app.command("annotate")(logging_flags(annotate))
app.command("evaluate")(logging_flags(evaluate))
app.command("version")(logging_flags(version))
app.add_typer(ontologies_app, name="ontologies")


def main() -> None:
    app()
