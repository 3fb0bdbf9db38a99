"""``entitylink version``: the versions of entitylink, the libraries it runs on and the bundled ontologies."""

from __future__ import annotations

import json
from importlib import metadata

import typer

from entitylink.kb.ontology_files import read_header
from entitylink.resources import BUNDLED_ONTOLOGIES, bundled_ontology

__all__ = ["version", "versions"]

_LIBRARIES = ("entitylink", "spacy", "scispacy", "pronto")


def versions() -> dict[str, dict[str, str]]:
    """``{"packages": {name: version}, "ontologies": {part: data-version}}``, read without loading anything."""
    packages = {}
    for name in _LIBRARIES:
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = "not installed"
    ontologies = {name: read_header(bundled_ontology(name)).get("data-version", "unknown") for name in BUNDLED_ONTOLOGIES}
    return {"packages": packages, "ontologies": ontologies}


def version(as_json: bool = typer.Option(False, "--json", help="Print the versions as JSON.")) -> None:
    """Show the versions of entitylink, spaCy, scispaCy, pronto and every bundled ontology."""
    found = versions()
    if as_json:
        typer.echo(json.dumps(found, indent=2))
        return
    for name, number in found["packages"].items():
        typer.echo(f"{name:<28} {number}")
    for name, number in found["ontologies"].items():
        typer.echo(f"{name + ' ontology':<28} {number}")
