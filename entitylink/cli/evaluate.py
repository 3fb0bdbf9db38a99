"""``entitylink evaluate``: predictions scored against gold annotations."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

from entitylink.cli.options import CacheOption, SourceOption, fail, parse_sources
from entitylink.errors import EntitylinkError
from entitylink.io.readers import read_inputs
from entitylink.kb import load_kb

__all__ = ["evaluate"]


def evaluate(
    gold: Path = typer.Argument(..., metavar="GOLD", help="Gold annotations: PubTator or BioC (XML or JSON)."),
    predicted: Path = typer.Argument(
        ..., metavar="PREDICTED", help="Predictions in the same formats, e.g. from 'entitylink annotate --format pubtator'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    strict_ids: bool = typer.Option(False, "--strict-ids", help="Compare ids literally, without MONDO/MeSH/OMIM equivalents."),
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
) -> None:
    """Score predictions against gold annotations, per label: strict mentions, mentions with the right id,
    and document-level concepts (the BioCreative V CDR measure)."""
    from entitylink.evaluation import evaluate_documents, format_table  # imports spaCy

    try:
        kb = load_kb(parse_sources(ontology), cache_dir=cache_dir)
        gold_docs, predicted_docs = list(read_inputs([gold])), list(read_inputs([predicted]))
    except EntitylinkError as error:
        fail(error)
    unreadable = [d.error for d in gold_docs + predicted_docs if d.error]
    if unreadable:
        fail(EntitylinkError(f"cannot score unreadable documents: {unreadable[0]}"))
    missing = {d.id for d in gold_docs} - {d.id for d in predicted_docs}
    if missing:
        logging.getLogger(__name__).warning("%d gold documents have no prediction (scored as empty), e.g. %s",
                                            len(missing), min(missing))  # fmt: skip
    scores = evaluate_documents(gold_docs, predicted_docs, kb, strict_ids)
    if as_json:
        typer.echo(json.dumps({label: s.to_dict() for label, s in scores.items()}, indent=2))
    else:
        typer.echo(format_table([(gold.name, scores)]))
