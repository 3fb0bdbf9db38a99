"""Annotating files on a Dask cluster: plan the partitions, send one task each, follow them, keep the manifest."""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, as_completed
from filelock import FileLock, Timeout
from tqdm import tqdm

from entitylink.distributed.manifest import Manifest
from entitylink.distributed.partition_files import DOCUMENTS, MENTIONS
from entitylink.distributed.partitions import Partition
from entitylink.distributed.worker import PipelineOptions, annotate_partition
from entitylink.errors import EntitylinkError, InputError
from entitylink.io.readers import detect_format, input_files

__all__ = ["RunSummary", "annotate_files", "connect"]

logger = logging.getLogger(__name__)
_SAVE_EVERY = 5.0  # seconds between two saves of the manifest while partitions finish


@dataclass
class RunSummary:
    """What a run did: documents, failed documents and mentions of the partitions it annotated."""

    documents: int = 0
    failed: int = 0
    mentions: int = 0
    #: partitions annotated by this run, and those already complete from an earlier one
    partitions: int = 0
    skipped: int = 0
    #: the partitions whose task failed (not a document: the task itself), with the error
    errors: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def add(self, result: dict[str, Any]) -> None:
        self.partitions += 1
        self.documents += result["documents"]
        self.failed += result["failed"]
        self.mentions += result["mentions"]


def annotate_files(inputs: Iterable[str | Path], out_dir: str | Path, client: Client | str | None = None, *,
                   options: PipelineOptions | None = None, input_format: str | None = None, partition_size: int = 10_000,
                   overwrite: bool = False, progress: bool = False) -> RunSummary:  # fmt: skip
    """Annotate files and folders into the Parquet dataset ``out_dir`` (``mentions/``, ``documents/``, ``_manifest.json``).

    One task per partition (:mod:`.partitions`) on ``client``'s cluster, on the scheduler a string
    names (:func:`connect`) or on a local cluster of one worker process per core when it is None. Partitions already complete for unchanged inputs are
    skipped (``overwrite``: the dataset is made anew). A task that fails is recorded in the manifest
    and the run goes on; a worker that dies is replaced and its task run again by Dask.
    """
    out = Path(out_dir).absolute()  # the workers' working folder is not this one
    options = options or PipelineOptions()
    files = [(path, input_format or detect_format(path)) for path in _files(inputs, input_format)]
    out.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(out / ".lock", timeout=0):
            return _annotate(files, out, client, options, partition_size, overwrite, progress)
    except Timeout:
        raise EntitylinkError(f"{out}: another run is writing this dataset") from None


def _annotate(files: list[tuple[Path, str]], out: Path, client: Client | str | None, options: PipelineOptions,
              partition_size: int, overwrite: bool, progress: bool) -> RunSummary:  # fmt: skip
    for table in (MENTIONS, DOCUMENTS):  # what tasks of an interrupted run left half written
        for leftover in (out / table).glob(".*.tmp"):
            leftover.unlink(missing_ok=True)
    manifest = Manifest.open(out, options.to_dict(), overwrite)
    todo, complete = manifest.plan(files, partition_size)
    manifest.save()
    summary = RunSummary(skipped=complete)
    started = time.perf_counter()
    try:
        if todo:
            with _connected(client) as connected:
                _follow(connected, todo, options, manifest, summary, progress)
    finally:
        manifest.save()
        summary.seconds = time.perf_counter() - started
    return summary


def _files(inputs: Iterable[str | Path], input_format: str | None) -> list[Path]:
    files = input_files(inputs, input_format)
    if None in files:
        raise InputError("standard input (-) cannot be annotated on a cluster: give files")
    return [file for file in files if file is not None]


def _follow(client: Client, todo: list[Partition], options: PipelineOptions, manifest: Manifest, summary: RunSummary,
            progress: bool) -> None:  # fmt: skip
    """Send one task per partition and record each as it finishes, with a progress bar."""
    run = uuid.uuid4().hex[:8]
    futures = {client.submit(annotate_partition, p, options, str(manifest.out_dir), key=f"entitylink-{p.name}-{run}",
                             pure=False): p for p in todo}  # fmt: skip
    saved = time.monotonic()
    with tqdm(total=len(futures), unit=" partitions", desc="annotating", disable=not progress) as bar:
        for future in as_completed(list(futures)):
            name = futures.pop(future).name
            if future.status == "finished":
                result = future.result()
                summary.add(result)
                manifest.record(name, result)
            else:  # the task raised, or Dask gave it up (a worker died under it too often)
                error = future.exception() if future.status == "error" else f"task {future.status}"
                summary.errors[name] = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else str(error)
                logger.warning("%s failed: %s", name, summary.errors[name])
                manifest.record(name, None, summary.errors[name])
            future.release()
            bar.update()
            bar.set_postfix(documents=summary.documents, failed=summary.failed)
            if time.monotonic() - saved > _SAVE_EVERY:
                manifest.save()
                saved = time.monotonic()


@contextmanager
def _connected(client: Client | str | None) -> Iterator[Client]:
    """``client``, or a client of the scheduler it names (None: ``local``), its workers and dashboard logged."""
    if isinstance(client, Client):
        yield client
        return
    with connect(client or "local") as connected:
        info = connected.scheduler_info()
        dashboard = f", dashboard {connected.dashboard_link}" if "dashboard" in info.get("services", {}) else ""
        logger.info("Dask scheduler %s, %d workers%s", info["address"], len(info["workers"]), dashboard)
        yield connected


@contextmanager
def connect(scheduler: str) -> Iterator[Client]:
    """A client of ``scheduler``: ``local`` (a local cluster, one worker process per core), ``local:N``
    (N worker processes), a scheduler file (``dask scheduler --scheduler-file``) or an address (``tcp://host:8786``)."""
    if scheduler == "local" or scheduler.startswith("local:"):
        workers = _local_workers(scheduler)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler_file=scheduler) if Path(scheduler).is_file() else Client(scheduler, timeout="30s")
    except (OSError, TimeoutError, ValueError) as error:
        raise EntitylinkError(f"cannot reach the Dask scheduler {scheduler} ({error})") from None
    with client:
        yield client


def _local_workers(scheduler: str) -> int:
    count = scheduler.partition(":")[2]
    if not count:
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise EntitylinkError(f"--scheduler {scheduler}: local:N needs a number of workers N >= 1")
    return int(count)
