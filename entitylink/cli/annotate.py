"""``entitylink annotate``: tag and link the documents of files, folders or standard input."""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from filelock import FileLock, Timeout

from entitylink.atomic_files import atomic_path
from entitylink.cli.distributed import OverwriteOption, PartitionSizeOption, SchedulerOption, annotate_on_dask
from entitylink.cli.options import CacheOption, SourceOption, choice, fail, parse_sources
from entitylink.errors import EntitylinkError
from entitylink.io.chunked_output import ChunkedOutput
from entitylink.io.document import Document
from entitylink.io.formats import BINARY_FORMATS, SUFFIX_FORMATS
from entitylink.io.formats import FORMATS as WRITER_FORMATS
from entitylink.io.readers import FORMATS as READER_FORMATS
from entitylink.io.readers import count_documents, input_files, read_inputs
from entitylink.kb.mesh_release import mesh_release
from entitylink.labels import LABELS
from entitylink.pipeline import RECOGNIZERS

if TYPE_CHECKING:  # spaCy is imported when a command annotates, not to show the help or to look names up
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["annotate"]

logger = logging.getLogger(__name__)


@dataclass
class _Counts:
    documents: int = 0
    entities: int = 0
    failed: int = 0


def _release(value: str | None) -> str | None:
    """``--mesh-newest``: a MeSH release's newest descriptor id, supplementary concept id or both, else a usage error."""
    if value is not None:
        try:
            mesh_release(value, "--mesh-newest")
        except EntitylinkError as error:
            raise typer.BadParameter(str(error), param_hint="--mesh-newest") from None
    return value


def annotate(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT", help="Text files (one abstract each), PubTator, PubMed XML (.xml, .xml.gz), BioC or JSONL files, folders of them, or - for standard input."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="PATH", help="File to write [default: standard output]; with --scheduler, the dataset folder."),
    output_format: str | None = typer.Option(None, "--format", "-f", **choice(WRITER_FORMATS), help="jsonl, pubtator, markdown, or one row per mention: tsv, csv, parquet [default: from the output's suffix, else jsonl]."),
    input_format: str | None = typer.Option(None, "--input-format", **choice(READER_FORMATS), help="The format of every input [default: detected per file]."),
    labels: list[str] | None = typer.Option(None, "--label", "-l", **choice(LABELS, case_sensitive=False), help="Only this label. Repeatable."),
    implicit_human: bool = typer.Option(True, "--implicit-human/--no-implicit-human", help="Link 'patients', 'women'... to Homo sapiens."),
    recognizer: str = typer.Option("hybrid", "--recognizer", "-r", **choice(tuple(RECOGNIZERS)), help="hybrid (trained NER + dictionary), dictionary or ner."),
    mesh_newest: str | None = typer.Option(None, "--mesh-newest", metavar="IDS", callback=_release, help="Give MeSH ids as the earlier MeSH release whose newest descriptor (BC5CDR: D066126), or newest descriptor and supplementary concept (NCBI-disease: D061325,C548028), these are: a descriptor created since gives way to the headings it refines, a supplementary concept to the disease's OMIM id."),
    ner_model: Path | None = typer.Option(None, "--ner-model", metavar="DIR", exists=True, file_okay=False, help="A NER trained with scripts/train_ner.py [default: the bundled one]."),
    workers: int = typer.Option(1, "--workers", "-w", metavar="N", min=1, help="Processes."),
    batch_size: int = typer.Option(64, "--batch-size", metavar="N", min=1, help="Documents per batch."),
    chunk_size: int = typer.Option(1000, "--chunk-size", metavar="N", min=1, help="Documents per chunk appended to the output file."),
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
        options = {"ontologies": tuple(parse_sources(ontology).items()), "cache_dir": cache_dir and str(cache_dir),
                   "labels": tuple(labels or LABELS), "implicit_human": implicit_human, "batch_size": batch_size,
                   "ner": RECOGNIZERS[recognizer]["ner"] and (str(ner_model) if ner_model else True),
                   "dictionary": RECOGNIZERS[recognizer]["dictionary"], "mesh_newest": mesh_newest}  # fmt: skip
        return annotate_on_dask(inputs, output, scheduler, input_format, options, partition_size, overwrite)
    from entitylink.pipeline import load as load_pipeline

    fmt = output_format or SUFFIX_FORMATS.get(output.suffix.lower() if output else "", "jsonl")
    _check_choices(fmt, output, resume)
    with _output_lock(output, inputs, input_format), _stopped_by_signals():
        try:
            nlp = load_pipeline(ontologies=parse_sources(ontology), cache_dir=cache_dir, labels=labels or LABELS,
                                implicit_human=implicit_human, ner=RECOGNIZERS[recognizer]["ner"] and (ner_model or True),
                                dictionary=RECOGNIZERS[recognizer]["dictionary"], mesh_newest=mesh_newest)  # fmt: skip
            documents = read_inputs(inputs, input_format)
            chunked = (
                ChunkedOutput(output, fmt, [str(p) for p in inputs], resume) if output and fmt not in BINARY_FORMATS else None
            )
        except (EntitylinkError, ValueError) as error:
            fail(error)
        except OSError as error:
            fail(EntitylinkError(f"{output}: cannot write ({error.strerror or error})"))
        skipped = chunked.documents if chunked else 0
        counts = _Counts()
        docs = _counted(_annotated(nlp, documents, skipped, batch_size, workers), counts, skipped, inputs, input_format)
        try:
            _write(docs, fmt, output, chunked, chunk_size)
        except KeyboardInterrupt:
            _interrupted(chunked)
    if skipped:
        logger.info("%d documents resumed", skipped)
    logger.info("%d documents, %d entities, %d failed%s", counts.documents, counts.entities, counts.failed,
                f" -> {output}" if output else "")  # fmt: skip
    if counts.documents and counts.failed == counts.documents:
        raise typer.Exit(code=1)


@contextmanager
def _output_lock(output: Path | None, inputs: list[Path], input_format: str | None) -> Iterator[None]:
    """Hold ``OUTPUT.lock`` while the run writes ``output`` (and ``OUTPUT.partial``, ``OUTPUT.checkpoint``):
    a second run writing the same file stops with a clear message. An output that is one of the inputs is refused."""
    if output is None:
        yield
        return
    try:
        read = input_files(inputs, input_format)
    except EntitylinkError as error:
        fail(error)
    written = {output, output.with_name(output.name + ".partial"), output.with_name(output.name + ".checkpoint")}
    for file in read:
        if file is not None and any(_same_file(file, path) for path in written):
            raise typer.BadParameter(f"{output} is an input: it would be overwritten; write to another file",
                                     param_hint="--output")  # fmt: skip
    lock = FileLock(f"{output}.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        fail(EntitylinkError(f"{output}: another entitylink run is writing it (it holds {lock.lock_file}); "
                             "wait for it to end, or write to another file"))  # fmt: skip
    except OSError:
        yield  # the folder is not writable: writing the output reports it
        return
    try:
        yield
    finally:
        Path(lock.lock_file).unlink(missing_ok=True)  # removed while still held: no other run can hold it now
        lock.release()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


#: The exit status of a run stopped by a signal: 128 + the signal's number (130 for Ctrl-C).
_SIGNAL_EXIT = 128


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM stop the run the same way: the worker processes are ended at once, a
    KeyboardInterrupt unwinds the run (the chunks written stay, with their checkpoint) and the command exits
    with 128 + the signal's number, at once: the queues spaCy filled for the ended workers would make
    Python's exit wait for them forever."""
    received: list[int] = []

    def stop(signum: int, frame: object) -> None:
        received.append(signum)
        for child in multiprocessing.active_children():
            child.kill()  # spaCy's workers: they hold nothing that the output needs
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except KeyboardInterrupt:
        code = _SIGNAL_EXIT + (received[0] if received else signal.SIGINT)
        if not received:
            raise typer.Exit(code=code) from None
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupted(chunked: ChunkedOutput | None) -> NoReturn:
    """Say how far an interrupted run got and how to go on, then stop it (see :func:`_stopped_by_signals`)."""
    if chunked is not None:
        typer.secho(f"interrupted: {chunked.documents} documents are written in {chunked.partial}; the same command "
                    "with --resume goes on from there", err=True, fg=typer.colors.YELLOW)  # fmt: skip
    else:
        typer.secho("interrupted", err=True, fg=typer.colors.YELLOW)
    raise KeyboardInterrupt


def _check_choices(fmt: str, output: Path | None, resume: bool) -> None:
    if output is not None and output.is_dir():
        raise typer.BadParameter(
            f"{output} is a folder: give a file (a folder is written with --scheduler)", param_hint="--output"
        )
    if fmt in BINARY_FORMATS and output is None:
        raise typer.BadParameter(f"{fmt} is written to a file: give one with -o", param_hint="--format")
    if resume and (output is None or fmt in BINARY_FORMATS):
        raise typer.BadParameter("--resume continues a text output file: give one with -o (not parquet)", param_hint="--resume")


def _annotated(nlp: Language, documents: Iterable[Document], skipped: int, batch_size: int, workers: int) -> Iterator[Doc]:
    """The annotated Docs of ``documents`` after the ``skipped`` ones a resumed run already wrote."""
    from entitylink.annotate import annotate_documents

    return annotate_documents(nlp, islice(documents, skipped, None), batch_size=batch_size, n_process=workers)


def _counted(docs: Iterator[Doc], counts: _Counts, skipped: int, inputs: list[Path], input_format: str | None) -> Iterator[Doc]:
    """``docs``, counted, with a progress bar on a terminal (and an estimate when the inputs can be counted)."""
    from tqdm import tqdm

    from entitylink.pipeline.extensions import doc_error

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
    from entitylink.io.writers import write_docs, write_mentions_parquet

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
    from spacy.util import minibatch as batched

    from entitylink.io.writers import write_docs

    for chunk in batched(docs, chunk_size):
        text = io.StringIO()
        write_docs(chunk, text, fmt, header=chunked.empty)
        chunked.append(text.getvalue(), len(chunk))
    if chunked.empty:  # no document at all: the column names alone (TSV, CSV)
        text = io.StringIO()
        write_docs([], text, fmt)
        chunked.append(text.getvalue(), 0)
    chunked.finish()
