"""``entitylink annotate --scheduler``: the same command on a Dask cluster, into a Parquet dataset folder."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer

from entitylink.cli.options import fail
from entitylink.errors import EntitylinkError

__all__ = ["OverwriteOption", "PartitionSizeOption", "SchedulerOption", "annotate_on_dask"]

logger = logging.getLogger(__name__)

SchedulerOption = typer.Option(
    None, "--scheduler", metavar="ADDRESS",
    help="Annotate on Dask into the dataset folder -o: local (a worker process per core), local:N, "
         "a scheduler address (tcp://host:8786) or scheduler file. Needs entitylink[dask].",
)  # fmt: skip
OverwriteOption = typer.Option(False, "--overwrite", help="With --scheduler: make the dataset anew instead of resuming it.")
PartitionSizeOption = typer.Option(10_000, "--partition-size", metavar="N", min=1, help="With --scheduler: documents per task of a large JSONL or PubTator file.")  # fmt: skip


def annotate_on_dask(inputs: list[Path], out_dir: Path | None, scheduler: str, input_format: str | None,
                     options: dict, partition_size: int, overwrite: bool) -> None:  # fmt: skip
    """Run :func:`entitylink.distributed.annotate_files` on ``scheduler`` and print its summary; exit 1 if every document failed."""
    if out_dir is None:
        raise typer.BadParameter("--scheduler writes a dataset folder: give one with -o", param_hint="--scheduler")
    try:
        from entitylink.distributed import PipelineOptions, annotate_files
    except ImportError as error:
        fail(EntitylinkError(f"--scheduler: {error}"))
    shown = logging.getLogger().getEffectiveLevel() <= logging.INFO and sys.stderr.isatty()
    try:
        summary = annotate_files(inputs, out_dir, scheduler, options=PipelineOptions(**options), input_format=input_format,
                                 partition_size=partition_size, overwrite=overwrite, progress=shown)  # fmt: skip
    except (EntitylinkError, ValueError) as error:
        fail(error)
    logger.info("%d documents, %d failed, %d mentions in %d partitions (%d already done) in %.1f s: %.1f documents/s -> %s",
                summary.documents, summary.failed, summary.mentions, summary.partitions, summary.skipped, summary.seconds,
                summary.documents_per_second, out_dir)  # fmt: skip
    for name, problem in summary.errors.items():
        logger.warning("partition %s failed: %s", name, problem)
    if summary.errors or (summary.documents and summary.failed == summary.documents):
        raise typer.Exit(code=1)
