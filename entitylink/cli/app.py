"""The ``entitylink`` command: one Typer app, with a module per command or command group."""

from __future__ import annotations

import logging

import typer

from entitylink.cli.annotate import annotate
from entitylink.cli.evaluate import evaluate
from entitylink.cli.lookup import lookup
from entitylink.cli.ontologies import ontologies_app

__all__ = ["app", "main"]

app = typer.Typer(help="Biomedical entity linking: diseases, species and therapies to MONDO, MeSH and NCBI Taxonomy.",
                  no_args_is_help=True, add_completion=False)  # fmt: skip


@app.callback()
def _configure(quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on standard error.")) -> None:
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="entitylink: %(message)s")


app.command("lookup")(lookup)
app.command("annotate")(annotate)
app.command("evaluate")(evaluate)
app.add_typer(ontologies_app, name="ontologies")


def main() -> None:
    app()
