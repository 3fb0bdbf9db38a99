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

from entitylink.distributed.dataset import Annotations, annotate_dataframe, read_annotations
from entitylink.distributed.run import RunSummary, annotate_files, connect
from entitylink.distributed.worker import PipelineOptions

__all__ = ["Annotations", "PipelineOptions", "RunSummary", "annotate_dataframe", "annotate_files", "connect",
           "read_annotations"]  # fmt: skip
