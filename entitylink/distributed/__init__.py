"""Annotating a whole PubMed baseline on a Dask cluster, resumable, into one Parquet dataset
(``pip install entitylink[dask]``; Dask and distributed are imported only in this package).

- :mod:`.partitions`: one partition per input file, large JSONL and PubTator files cut at record boundaries;
- :mod:`.worker`: the task a worker runs on a partition, with the pipeline loaded once per worker process;
- :mod:`.partition_files`: a partition's ``mentions/`` and ``documents/`` Parquet files, renamed into place when complete;
- :mod:`.manifest`: ``_manifest.json``, inputs, partitions, counts and versions, and what a rerun still has to do;
- :mod:`.run`: :func:`annotate_files` (the client: plan, send, follow, summarize) and :func:`connect`;
- :mod:`.dataset`: :func:`read_annotations` (pandas or Dask DataFrames) and :func:`annotate_dataframe`.

Sits above :mod:`entitylink.annotate` (whose batch loop every worker runs) and below :mod:`entitylink.cli`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from entitylink.distributed.dataset import Annotations, annotate_dataframe, read_annotations
    from entitylink.distributed.run import RunSummary, annotate_files, connect
    from entitylink.distributed.worker import PipelineOptions

__all__ = ["Annotations", "PipelineOptions", "RunSummary", "annotate_dataframe", "annotate_files", "connect",
           "read_annotations", "dask_missing"]  # fmt: skip

#: Each public name -> its module, imported on first use: reading a dataset with pandas needs no Dask.
_SOURCES = {
    "Annotations": "dataset",
    "annotate_dataframe": "dataset",
    "read_annotations": "dataset",
    "RunSummary": "run",
    "annotate_files": "run",
    "connect": "run",
    "PipelineOptions": "worker",
}
_DASK_MODULES = ("dask", "distributed")


def dask_missing(error: ModuleNotFoundError, what: str) -> ModuleNotFoundError:
    """``error`` if some other module is missing, else one that says ``what`` needs the ``dask`` extra."""
    if (error.name or "").partition(".")[0] not in _DASK_MODULES:
        return error
    return ModuleNotFoundError(f"{what} needs Dask: pip install 'entitylink[dask]' (no module {error.name!r})", name=error.name)


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module 'entitylink.distributed' has no attribute {name!r}")
    try:
        value = getattr(importlib.import_module(f"entitylink.distributed.{_SOURCES[name]}"), name)
    except ModuleNotFoundError as error:
        raise dask_missing(error, f"entitylink.distributed.{name}") from error
    globals()[name] = value
    return value
