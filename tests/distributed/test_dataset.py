"""Reading a dataset back as Dask DataFrames, and annotating the texts of a Dask DataFrame."""

from __future__ import annotations

import dask.dataframe as dd
import pandas as pd

import entitylink
from entitylink.distributed import PipelineOptions, annotate_dataframe, annotate_files, read_annotations
from entitylink.io.writers.rows import FILE_COLUMNS

OPTIONS = PipelineOptions(ner=False)


def rows(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts, missing values None whatever the dtype (Dask reads strings as pyarrow strings)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def test_read_annotations_as_dask_equals_pandas(make_baseline, client, tmp_path):
    inputs = make_baseline(tmp_path / "inputs", files=2, per_file=2, jsonl_documents=4)
    annotate_files(inputs, tmp_path / "out", client, options=OPTIONS)
    as_pandas = entitylink.read_annotations(tmp_path / "out")
    as_dask = read_annotations(tmp_path / "out", dask=True)
    assert isinstance(as_dask.documents, dd.DataFrame) and as_dask.documents.npartitions == 3
    assert rows(as_dask.documents.compute()) == rows(as_pandas.documents)
    assert len(as_dask.mentions.compute()) == len(as_pandas.mentions) > 0
    top = as_pandas.mentions[as_pandas.mentions.label == "DISEASE"].merge(as_pandas.documents[["doc_id", "year"]], on="doc_id")
    assert top.groupby("year").kb_id.agg(lambda ids: ids.value_counts().index[0]).notna().all()


def test_annotate_dataframe_gives_the_rows_of_the_flat_files(client, nlp):
    frame = pd.DataFrame({"pmid": ["1", "2", "3"], "abstract": ["Patients with asthma.", "", "Cats with anemia."]})
    rows = annotate_dataframe(dd.from_pandas(frame, npartitions=2), text="abstract", id="pmid", options=OPTIONS).compute()
    assert list(rows.columns) == list(FILE_COLUMNS)
    assert rows.doc_id.drop_duplicates().tolist() == ["1", "2", "3"]
    assert rows[rows.doc_id == "2"].error.tolist() == ["no text in column 'abstract'"]
    assert (
        "MESH:D001249" in rows[rows.doc_id == "1"].kb_ids.explode().tolist() or "asthma" in rows[rows.doc_id == "1"].text.tolist()
    )
