"""The ``entitylink`` command line."""

from __future__ import annotations

import dataclasses
import json
import io
import logging
import os
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import typer
from spacy.tokens import Doc
from spacy.util import minibatch as batched
from tqdm import tqdm

from .annotate import annotate_documents, doc_error
from .batch import ChunkedOutput
from .cache import cache_path, default_cache_dir
from .errors import EntitylinkError
from .evaluation import evaluate_documents, format_table
from .files import atomic_path
from .knowledge_base import load_kb
from .labels import LABELS
from .ontologies.build import build_all, convert_mesh_xml
from .pipeline import RECOGNIZERS
from .pipeline import load as load_pipeline
from .readers import count_documents, read_inputs
from .term import Match
from .writers import FORMATS as WRITER_FORMATS
from .tables import write_mentions_parquet
from .writers import BINARY_FORMATS, write_docs

__all__ = ["app", "main"]

app = typer.Typer(help="Biomedical entity linking: diseases, species and therapies to MONDO, MeSH and NCBI Taxonomy.",
                  no_args_is_help=True, add_completion=False)  # fmt: skip


@app.callback()
def _configure(quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on standard error.")) -> None:
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="entitylink: %(message)s")
ontologies_app = typer.Typer(help="Build, index and describe the ontologies.", no_args_is_help=True)
app.add_typer(ontologies_app, name="ontologies")

SourceOption = typer.Option(
    None,
    "--ontology",
    "-O",
    metavar="NAME=PATH",
    help="Use another OBO file for a part (mondo, mesh, mesh-supplementary, ncbitaxon, or a new name); "
    "NAME=none leaves the part out. Repeatable.",
)
CacheOption = typer.Option(None, "--cache-dir", help="Where compiled indexes are kept [default: $ENTITYLINK_CACHE_DIR or the user cache].")


def _parse_sources(values: list[str] | None) -> dict[str, str | None]:
    sources: dict[str, str | None] = {}
    for value in values or []:
        name, sep, path = value.partition("=")
        if not sep or not name or not path:
            raise typer.BadParameter(f"{value!r} is not NAME=PATH", param_hint="--ontology")
        sources[name] = None if path.lower() == "none" else path
    return sources


def _fail(error: Exception) -> None:
    typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=1)


@app.command("lookup")
def lookup(
    texts: list[str] = typer.Argument(..., help="Names to look up, e.g. 'acute myeloid leukemia' cat."),
    limit: int = typer.Option(5, "--limit", "-n", min=1, help="Matches to show per name."),
    only: list[str] | None = typer.Option(None, "--only", help="Restrict to an ontology (mondo, mesh, ncbitaxon). Repeatable."),
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per name."),
) -> None:
    """Look names up in the knowledge base: best concepts first, with their cross-references."""
    try:
        kb = load_kb(_parse_sources(ontology), cache_dir=cache_dir)
    except EntitylinkError as error:
        _fail(error)
    for text in texts:
        matches = kb.lookup(text, ontologies=only, limit=limit)
        if as_json:
            typer.echo(json.dumps({"text": text, "matches": [_match_dict(m) for m in matches]}))
            continue
        typer.echo(f"{text}:" + ("" if matches else " no match"))
        for match in matches:
            xrefs = f"  xrefs {', '.join(match.xrefs[:4])}" if match.xrefs else ""
            replaced = f"  (replaces obsolete {match.replaced})" if match.replaced else ""
            typer.echo(f"  {match.score:.2f}  {match.curie:<16} {match.name}  [{match.kind.name.lower()} '{match.matched}']{xrefs}{replaced}")


def _match_dict(match: Match) -> dict[str, object]:
    return {**dataclasses.asdict(match), "kind": match.kind.name.lower()}


@ontologies_app.command("info")
def info(
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
    as_json: bool = typer.Option(False, "--json", help="Print the table as JSON."),
) -> None:
    """Files, versions and counts of the loaded ontologies, and where their indexes are cached."""
    directory = cache_dir or default_cache_dir()
    try:
        kb = load_kb(_parse_sources(ontology), cache_dir=directory)
    except EntitylinkError as error:
        _fail(error)
    rows = kb.stats()
    for row in rows:
        row["cache"] = str(cache_path(Path(str(row["source"])), directory))
    if as_json:
        typer.echo(json.dumps({"cache_dir": str(directory), "parts": rows}, indent=2))
        return
    typer.echo(f"cache directory: {directory}")
    for row in rows:
        typer.echo(
            f"\n{row['name']}: {row['source']}\n"
            f"  ontology {row['ontology']}, version {row['version']}\n"
            f"  {row['concepts']:,} terms ({row['live_concepts']:,} live), {row['names']:,} names "
            f"under {row['keys']:,} keys, {row['xrefs']:,} xrefs\n"
            f"  cache {row['cache']}"
        )


@ontologies_app.command("index")
def index(ontology: list[str] | None = SourceOption, cache_dir: Path | None = CacheOption) -> None:
    """Compile (or check) the cached term index of every ontology file."""
    start = time.perf_counter()
    try:
        kb = load_kb(_parse_sources(ontology), cache_dir=cache_dir)
    except EntitylinkError as error:
        _fail(error)
    typer.echo(f"{kb!r} ready in {time.perf_counter() - start:.1f} s")


@ontologies_app.command("build")
def build(
    source: Path = typer.Option(..., "--source", exists=True, file_okay=False, help="Folder of raw sources (mondo/, mesh/, ncbitaxon/)."),
    out: Path = typer.Option(Path("ontologies"), "--out", file_okay=False, help="Folder to write the OBO files into."),
) -> None:
    """Build the bundled OBO files from the raw public sources (deterministic)."""
    try:
        counts = build_all(source, out)
    except (OSError, EOFError, KeyError, ValueError) as error:
        _fail(EntitylinkError(f"{source}: cannot build the ontologies ({type(error).__name__}: {error})"))
    for name, count in counts.items():
        typer.echo(f"{out / name}: {count:,} terms")


@ontologies_app.command("convert-mesh")
def convert_mesh(
    xml: Path = typer.Argument(..., exists=True, dir_okay=False, help="NLM descriptor file desc20XX.xml (or .xml.gz)."),
    out: Path = typer.Option(..., "--out", "-o", dir_okay=False, help="OBO file to write (.obo or .obo.gz)."),
) -> None:
    """Convert a MeSH descriptor XML release into an OBO file of the bundled shape.

    Use it with ``--ontology mesh=OUT``.
    """
    try:
        count = convert_mesh_xml(xml, out)
    except (ValueError, SyntaxError, OSError, EOFError) as error:
        _fail(EntitylinkError(f"{xml}: not a readable MeSH descriptor XML file ({type(error).__name__}: {error})"))
    typer.echo(f"{out}: {count:,} descriptors")


def _output_format(output: Path | None, chosen: str | None) -> str:
    if chosen is not None:
        if chosen not in WRITER_FORMATS:
            raise typer.BadParameter(f"{chosen!r}: choose one of {', '.join(WRITER_FORMATS)}", param_hint="--format")
        return chosen
    suffix = output.suffix.lower() if output is not None else ""
    return {".pubtator": "pubtator", ".md": "markdown", ".markdown": "markdown", ".tsv": "tsv", ".csv": "csv",
            ".parquet": "parquet"}.get(suffix, "jsonl")  # fmt: skip


@app.command("annotate")
def annotate(
    inputs: list[Path] = typer.Argument(..., help="Text files (one abstract each), PubTator, PubMed XML (.xml, .xml.gz), BioC or JSONL files, folders of them, or - for standard input."),
    output: Path | None = typer.Option(None, "--output", "-o", dir_okay=False, help="File to write [default: standard output]."),
    output_format: str | None = typer.Option(None, "--format", "-f", help="jsonl, pubtator, markdown, or one row per mention: tsv, csv, parquet [default: from the output's suffix, else jsonl]."),
    input_format: str | None = typer.Option(None, "--input-format", help="txt, pubtator, pubmed-xml, bioc-xml, bioc-json or jsonl [default: detected per file]."),
    labels: list[str] | None = typer.Option(None, "--label", "-l", help="Only this label (DISEASE, SPECIES, THERAPY). Repeatable."),
    implicit_human: bool = typer.Option(True, "--implicit-human/--no-implicit-human", help="Link 'patients', 'women'... to Homo sapiens."),
    recognizer: str = typer.Option("hybrid", "--recognizer", "-r", help="hybrid (trained NER + dictionary), dictionary or ner."),
    ner_model: Path | None = typer.Option(None, "--ner-model", exists=True, file_okay=False, help="A NER trained with scripts/train_ner.py [default: the bundled one]."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per batch."),
    chunk_size: int = typer.Option(1000, "--chunk-size", min=1, help="Documents per chunk appended to the output file."),
    resume: bool = typer.Option(False, "--resume", help="Continue the interrupted run that wrote the same output file."),
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
) -> None:
    """Tag and link diseases, species and therapies in abstracts.

    Every input document gives one output record; a document that cannot be read is
    written with its error and counted, and the run goes on. An output file grows chunk
    by chunk in OUTPUT.partial and takes its name when the run ends; --resume continues
    a run that was interrupted.
    """
    fmt = _output_format(output, output_format)
    if fmt in BINARY_FORMATS and output is None:
        raise typer.BadParameter(f"{fmt} is written to a file: give one with -o", param_hint="--format")
    if resume and (output is None or fmt in BINARY_FORMATS):
        raise typer.BadParameter("--resume continues a text output file: give one with -o (not parquet)", param_hint="--resume")
    if recognizer not in RECOGNIZERS:
        raise typer.BadParameter(f"{recognizer!r}: choose one of {', '.join(RECOGNIZERS)}", param_hint="--recognizer")
    try:
        nlp = load_pipeline(ontologies=_parse_sources(ontology), cache_dir=cache_dir, labels=labels or LABELS,
                            implicit_human=implicit_human, ner=RECOGNIZERS[recognizer]["ner"] and (ner_model or True),
                            dictionary=RECOGNIZERS[recognizer]["dictionary"])  # fmt: skip
        documents = read_inputs(inputs, input_format)
        chunked = ChunkedOutput(output, fmt, [str(p) for p in inputs], resume) if output and fmt not in BINARY_FORMATS else None
    except (EntitylinkError, ValueError) as error:
        _fail(error)
    except OSError as error:
        _fail(EntitylinkError(f"{output}: cannot write ({error.strerror or error})"))
    skipped = chunked.documents if chunked else 0
    docs = annotate_documents(nlp, islice(documents, skipped, None), batch_size=batch_size, n_process=workers)
    counts = {"documents": 0, "entities": 0, "failed": 0}
    # a progress bar on a terminal, with an estimate when the inputs can be counted beforehand
    shown = logging.getLogger().getEffectiveLevel() <= logging.INFO and sys.stderr.isatty()
    total = count_documents(inputs, input_format) if shown else None

    def counted() -> Iterator[Doc]:
        with tqdm(desc="annotating", unit=" docs", initial=skipped, total=total, disable=not shown, file=sys.stderr) as bar:
            for doc in docs:
                counts["documents"] += 1
                counts["entities"] += len(doc.ents)
                counts["failed"] += doc_error(doc) is not None
                bar.update()
                yield doc

    try:
        if chunked is not None:
            for chunk in batched(counted(), chunk_size):
                text = io.StringIO()
                write_docs(chunk, text, fmt, header=chunked.empty)
                chunked.append(text.getvalue(), len(chunk))
            if chunked.empty:  # no document at all: the column names alone (TSV, CSV)
                text = io.StringIO()
                write_docs([], text, fmt)
                chunked.append(text.getvalue(), 0)
            chunked.finish()
        elif output is None:
            write_docs(counted(), sys.stdout, fmt)
        else:
            with atomic_path(output) as path:
                write_mentions_parquet(counted(), path)
    except BrokenPipeError:  # the reader of standard output left ("| head"): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(code=0) from None
    except OSError as error:
        where = f": {error.filename}" if error.filename and str(error.filename) != str(output) else ""
        _fail(EntitylinkError(f"{output}: cannot write ({error.strerror or error}{where})"))
    if skipped:
        logging.getLogger(__name__).info("%d documents resumed", skipped)
    logging.getLogger(__name__).info("%d documents, %d entities, %d failed%s", counts["documents"], counts["entities"],
                                     counts["failed"], f" -> {output}" if output else "")  # fmt: skip
    if counts["documents"] and counts["failed"] == counts["documents"]:
        raise typer.Exit(code=1)


@app.command("evaluate")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold annotations: PubTator or BioC (XML or JSON)."),
    predicted: Path = typer.Argument(..., help="Predictions in the same formats, e.g. from 'entitylink annotate --format pubtator'."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    ontology: list[str] | None = SourceOption,
    cache_dir: Path | None = CacheOption,
) -> None:
    """Score predictions against gold annotations, per label: strict mentions, mentions with the right id,
    and document-level concepts (the BioCreative V CDR measure)."""
    try:
        kb = load_kb(_parse_sources(ontology), cache_dir=cache_dir)
        gold_docs, predicted_docs = list(read_inputs([gold])), list(read_inputs([predicted]))
    except EntitylinkError as error:
        _fail(error)
    unreadable = [d.error for d in gold_docs + predicted_docs if d.error]
    if unreadable:
        _fail(EntitylinkError(f"cannot score unreadable documents: {unreadable[0]}"))
    missing = {d.id for d in gold_docs} - {d.id for d in predicted_docs}
    if missing:
        logging.getLogger(__name__).warning("%d gold documents have no prediction (scored as empty), e.g. %s",
                                            len(missing), min(missing))  # fmt: skip
    scores = evaluate_documents(gold_docs, predicted_docs, kb)
    if as_json:
        typer.echo(json.dumps({label: s.to_dict() for label, s in scores.items()}, indent=2))
    else:
        typer.echo(format_table([(gold.name, scores)]))


def main() -> None:
    app()
