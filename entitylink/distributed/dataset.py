"""Reading a dataset back (:func:`read_annotations`) and annotating the texts of a Dask DataFrame (:func:`annotate_dataframe`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads

from entitylink.annotate import annotate_documents
from entitylink.distributed import dask_missing
from entitylink.distributed.manifest import Manifest
from entitylink.distributed.partition_files import DOCUMENT_SCHEMA, DOCUMENTS, MENTION_SCHEMA, MENTIONS, partition_path
from entitylink.distributed.worker import PipelineOptions, pipeline
from entitylink.io.document import Document
from entitylink.io.writers.parquet import FILE_SCHEMA
from entitylink.io.writers.rows import file_rows

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["Annotations", "annotate_dataframe", "read_annotations"]


class Annotations(NamedTuple):
    """A dataset's two tables: one row per mention, one row per document."""

    mentions: Any  # pandas.DataFrame, or dask.dataframe.DataFrame
    documents: Any


def read_annotations(out_dir: str | Path, *, dask: bool = False) -> Annotations:
    """The ``mentions`` and ``documents`` of a dataset written by ``entitylink annotate --scheduler``, in input order,
    as pandas DataFrames or (``dask=True``) Dask DataFrames of one partition per file."""
    out = Path(out_dir)
    names = Manifest.read(out).done_partitions()
    tables = {}
    for table, schema in ((MENTIONS, MENTION_SCHEMA), (DOCUMENTS, DOCUMENT_SCHEMA)):
        files = [str(path) for name in names if (path := partition_path(out, table, name)).is_file()]
        tables[table] = _read(files, schema, dask)
    return Annotations(tables[MENTIONS], tables[DOCUMENTS])


def _read(files: list[str], schema: pa.Schema, dask: bool) -> Any:
    if dask:
        try:
            import dask.dataframe as dd
        except ModuleNotFoundError as error:
            raise dask_missing(error, "read_annotations(dask=True)") from error

        empty = schema.empty_table().to_pandas()
        return dd.from_map(pd.read_parquet, files, meta=empty) if files else dd.from_pandas(empty, npartitions=1)
    return pads.dataset(files, schema=schema, format="parquet").to_table().to_pandas()


def annotate_dataframe(
    ddf: dd.DataFrame, text: str = "text", id: str = "id", options: PipelineOptions | None = None
) -> dd.DataFrame:
    """The rows of ``entitylink annotate -f tsv`` (one per mention, one with the error or empty fields for a
    document without mention; ``kb_ids`` a list) for the texts of a Dask DataFrame, partition by partition."""
    meta = FILE_SCHEMA.empty_table().to_pandas()
    return ddf.map_partitions(_annotate_frame, text, id, options or PipelineOptions(), meta=meta)


def _annotate_frame(frame: pd.DataFrame, text: str, id: str, options: PipelineOptions) -> pd.DataFrame:
    documents = [Document(str(doc_id), body, error=None) if isinstance(body, str) and body.strip()
                 else Document(str(doc_id), "", error=f"no text in column {text!r}")
                 for doc_id, body in zip(frame[id], frame[text])]  # fmt: skip
    docs = annotate_documents(pipeline(options), documents, batch_size=options.batch_size)
    rows = [row for doc in docs for row in file_rows(doc, join_ids=False)]
    return pa.Table.from_pylist([dict(zip(FILE_SCHEMA.names, row)) for row in rows], schema=FILE_SCHEMA).to_pandas()
