"""``entitylink annotate``: tag and link the documents of files, folders or standard input."""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import typer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch as batched
from tqdm import tqdm

from entitylink.annotate import annotate_documents
from entitylink.atomic_files import atomic_path
from entitylink.cli.distributed import OverwriteOption, PartitionSizeOption, SchedulerOption, annotate_on_dask
from entitylink.cli.options import CacheOption, SourceOption, fail, parse_sources
from entitylink.errors import EntitylinkError
from entitylink.io.chunked_output import ChunkedOutput
from entitylink.io.document import Document
from entitylink.io.readers import count_documents, read_inputs
from entitylink.io.writers import BINARY_FORMATS, write_docs, write_mentions_parquet
from entitylink.io.writers import FORMATS as WRITER_FORMATS
from entitylink.labels import LABELS
from entitylink.pipeline import RECOGNIZERS
from entitylink.pipeline import load as load_pipeline
from entitylink.pipeline.extensions import doc_error

__all__ = ["annotate"]

logger = logging.getLogger(__name__)
_SUFFIX_FORMATS = {".pubtator": "pubtator", ".md": "markdown", ".markdown": "markdown", ".tsv": "tsv", ".csv": "csv",
                   ".parquet": "parquet"}  # fmt: skip


@dataclass
class _Counts:
    documents: int = 0
    entities: int = 0
    failed: int = 0


def annotate(
    inputs: list[Path] = typer.Argument(..., help="Text files (one abstract each), PubTator, PubMed XML (.xml, .xml.gz), BioC or JSONL files, folders of them, or - for standard input."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write [default: standard output]; with --scheduler, the dataset folder."),
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
    scheduler: str | None = SchedulerOption,
    overwrite: bool = OverwriteOption,
    partition_size: int = PartitionSizeOption,
) -> None:  # fmt: skip
    """Tag and link diseases, species and therapies in abstracts.

    Every input document gives one output record; a document that cannot be read is
    written with its error and counted, and the run goes on. An output file grows chunk
    by chunk in OUTPUT.partial and takes its name when the run ends; --resume continues
    a run that was interrupted. With --scheduler the documents are annotated on a Dask
    cluster into the Parquet dataset folder -o (mentions/, documents/, _manifest.json);
    running the command again completes what an interrupted run left.
    """
    if scheduler is not None:
        _check_choices("jsonl", None, False, recognizer)  # the recognizer's name; the output is a folder
        options = {"ontologies": tuple(parse_sources(ontology).items()), "cache_dir": cache_dir and str(cache_dir),
                   "labels": tuple(labels or LABELS), "implicit_human": implicit_human, "batch_size": batch_size,
                   "ner": RECOGNIZERS[recognizer]["ner"] and (str(ner_model) if ner_model else True),
                   "dictionary": RECOGNIZERS[recognizer]["dictionary"]}  # fmt: skip
        return annotate_on_dask(inputs, output, scheduler, input_format, options, partition_size, overwrite)
    fmt = _output_format(output, output_format)
    _check_choices(fmt, output, resume, recognizer)
    try:
        nlp = load_pipeline(ontologies=parse_sources(ontology), cache_dir=cache_dir, labels=labels or LABELS,
                            implicit_human=implicit_human, ner=RECOGNIZERS[recognizer]["ner"] and (ner_model or True),
                            dictionary=RECOGNIZERS[recognizer]["dictionary"])  # fmt: skip
        documents = read_inputs(inputs, input_format)
        chunked = ChunkedOutput(output, fmt, [str(p) for p in inputs], resume) if output and fmt not in BINARY_FORMATS else None
    except (EntitylinkError, ValueError) as error:
        fail(error)
    except OSError as error:
        fail(EntitylinkError(f"{output}: cannot write ({error.strerror or error})"))
    skipped = chunked.documents if chunked else 0
    counts = _Counts()
    docs = _counted(_annotated(nlp, documents, skipped, batch_size, workers), counts, skipped, inputs, input_format)
    _write(docs, fmt, output, chunked, chunk_size)
    if skipped:
        logger.info("%d documents resumed", skipped)
    logger.info("%d documents, %d entities, %d failed%s", counts.documents, counts.entities, counts.failed,
                f" -> {output}" if output else "")  # fmt: skip
    if counts.documents and counts.failed == counts.documents:
        raise typer.Exit(code=1)


def _output_format(output: Path | None, chosen: str | None) -> str:
    if chosen is not None:
        if chosen not in WRITER_FORMATS:
            raise typer.BadParameter(f"{chosen!r}: choose one of {', '.join(WRITER_FORMATS)}", param_hint="--format")
        return chosen
    suffix = output.suffix.lower() if output is not None else ""
    return _SUFFIX_FORMATS.get(suffix, "jsonl")


def _check_choices(fmt: str, output: Path | None, resume: bool, recognizer: str) -> None:
    if output is not None and output.is_dir():
        raise typer.BadParameter(
            f"{output} is a folder: give a file (a folder is written with --scheduler)", param_hint="--output"
        )
    if fmt in BINARY_FORMATS and output is None:
        raise typer.BadParameter(f"{fmt} is written to a file: give one with -o", param_hint="--format")
    if resume and (output is None or fmt in BINARY_FORMATS):
        raise typer.BadParameter("--resume continues a text output file: give one with -o (not parquet)", param_hint="--resume")
    if recognizer not in RECOGNIZERS:
        raise typer.BadParameter(f"{recognizer!r}: choose one of {', '.join(RECOGNIZERS)}", param_hint="--recognizer")


def _annotated(nlp: Language, documents: Iterable[Document], skipped: int, batch_size: int, workers: int) -> Iterator[Doc]:
    """The annotated Docs of ``documents`` after the ``skipped`` ones a resumed run already wrote."""
    return annotate_documents(nlp, islice(documents, skipped, None), batch_size=batch_size, n_process=workers)


def _counted(docs: Iterator[Doc], counts: _Counts, skipped: int, inputs: list[Path], input_format: str | None) -> Iterator[Doc]:
    """``docs``, counted, with a progress bar on a terminal (and an estimate when the inputs can be counted)."""
    shown = logging.getLogger().getEffectiveLevel() <= logging.INFO and sys.stderr.isatty()
    total = count_documents(inputs, input_format) if shown else None
    with tqdm(desc="annotating", unit=" docs", initial=skipped, total=total, disable=not shown, file=sys.stderr) as bar:
        for doc in docs:
            counts.documents += 1
            counts.entities += len(doc.ents)
            counts.failed += doc_error(doc) is not None
            bar.update()
            yield doc


def _write(docs: Iterator[Doc], fmt: str, output: Path | None, chunked: ChunkedOutput | None, chunk_size: int) -> None:
    """Write ``docs`` to the chunked output file, standard output or a Parquet file."""
    try:
        if chunked is not None:
            _write_chunks(docs, fmt, chunked, chunk_size)
        elif output is None:
            write_docs(docs, sys.stdout, fmt)
        else:
            with atomic_path(output) as path:
                write_mentions_parquet(docs, path)
    except BrokenPipeError:  # the reader of standard output left ("| head"): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(code=0) from None
    except OSError as error:
        where = f": {error.filename}" if error.filename and str(error.filename) != str(output) else ""
        fail(EntitylinkError(f"{output}: cannot write ({error.strerror or error}{where})"))


def _write_chunks(docs: Iterator[Doc], fmt: str, chunked: ChunkedOutput, chunk_size: int) -> None:
    for chunk in batched(docs, chunk_size):
        text = io.StringIO()
        write_docs(chunk, text, fmt, header=chunked.empty)
        chunked.append(text.getvalue(), len(chunk))
    if chunked.empty:  # no document at all: the column names alone (TSV, CSV)
        text = io.StringIO()
        write_docs([], text, fmt)
        chunked.append(text.getvalue(), 0)
    chunked.finish()
