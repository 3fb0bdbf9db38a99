"""``annotate_files`` on a local cluster of two worker processes: the dataset equals the single-process output,
survives a killed worker and a killed client, and records a corrupt file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from entitylink.cli import app
from entitylink.distributed import PipelineOptions, annotate_files, read_annotations
from entitylink.distributed.manifest import MANIFEST
from entitylink.io.writers.rows import MENTION_COLUMNS

OPTIONS = PipelineOptions(ner=False)  # the dictionary recognizer: fast, and the same rows on every worker
CLI_OPTIONS = ["--recognizer", "dictionary"]


def single_process(inputs: list[Path], out: Path) -> pd.DataFrame:
    """The rows ``entitylink annotate`` writes for ``inputs`` in one process."""
    result = CliRunner().invoke(app, ["annotate", *map(str, inputs), "-o", str(out), *CLI_OPTIONS])
    assert result.exit_code == 0, result.output
    return pd.read_parquet(out)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts, missing values None and offsets ints (the single-process table has NaN in rows without a mention)."""
    frame = frame.astype(object).where(frame.notna(), None).astype({"start": int, "end": int})
    return [{k: list(v) if k == "kb_ids" else v for k, v in row.items()} for row in frame.to_dict("records")]


@pytest.fixture(scope="module")
def dataset(baseline: list[Path], client, tmp_path_factory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("dataset") / "annotations"
    summary = annotate_files(baseline, out, client, options=OPTIONS, partition_size=5)
    return out, summary


def test_rows_equal_the_single_process_output(baseline, dataset, tmp_path):
    out, summary = dataset
    single = single_process(baseline, tmp_path / "single.parquet")
    mentions, documents = read_annotations(out)
    assert records(mentions[list(MENTION_COLUMNS)]) == records(
        single[single.label.notna()][list(MENTION_COLUMNS)].reset_index(drop=True)
    )
    first_rows = single.drop_duplicates("doc_id")
    assert documents.doc_id.tolist() == first_rows.doc_id.tolist()
    assert [e if isinstance(e, str) else None for e in first_rows.error] == documents.error.tolist()
    mentioned = single[single.label.notna()].doc_id.value_counts()
    assert documents.entities.tolist() == [int(mentioned.get(doc_id, 0)) for doc_id in first_rows.doc_id]
    assert (summary.documents, summary.failed, summary.mentions) == (len(documents), documents.error.notna().sum(), len(mentions))
    assert summary.partitions == 4 + 3 and summary.errors == {}  # four XML files, the JSONL cut in three


def test_documents_carry_year_journal_and_counts(dataset):
    out, _ = dataset
    documents = read_annotations(out).documents
    first = documents[documents.doc_id == "1000"].iloc[0]
    assert (first.year, first.journal, first.input) == (
        2000 + 1000 % 7,
        "Nephrology Dialysis Transplantation",
        "pubmed26n0001.xml.gz",
    )
    assert first.entities == first.disease_mentions + first.species_mentions + first.therapy_mentions > 0
    assert documents[documents.input == "abstracts.jsonl"].year.isna().all()


def test_corrupt_file_is_recorded_and_the_rest_complete(dataset):
    out, _ = dataset
    manifest = json.loads((out / MANIFEST).read_text())
    entries = {Path(key).name: entry for key, entry in manifest["inputs"].items()}
    corrupt = entries["pubmed26n0004.xml.gz"]["partitions"][0]
    assert corrupt["status"] == "done" and corrupt["failed"] == 1 and "unreadable data" in corrupt["error"]
    assert all(p["status"] == "done" for e in entries.values() for p in e["partitions"])
    assert [p["failed"] for p in entries["abstracts.jsonl"]["partitions"]] == [1, 0, 0]  # the line that is not JSON
    assert all(entries[f"pubmed26n000{n}.xml.gz"]["partitions"][0]["failed"] == 0 for n in (1, 2, 3))
    documents = read_annotations(out).documents
    assert documents[documents.doc_id == "pubmed26n0004#2"].error.str.contains("unreadable data").all()
    assert manifest["versions"]["ontologies"]["mondo"]["version"] and manifest["options"]["ner"] is False


def test_rerun_of_a_complete_dataset_does_nothing(baseline, dataset, client):
    out, _ = dataset
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    summary = annotate_files(baseline, out, client, options=OPTIONS, partition_size=5)
    assert (summary.partitions, summary.skipped, summary.documents) == (0, 7, 0)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before


def test_a_killed_worker_still_gives_the_whole_dataset(client, dataset, make_baseline, tmp_path):
    inputs = make_baseline(tmp_path / "inputs", files=2, per_file=3, jsonl_documents=60)
    out = tmp_path / "annotations"
    outcome: dict[str, Any] = {}
    run = threading.Thread(
        target=lambda: outcome.update(summary=annotate_files(inputs, out, client, options=OPTIONS, partition_size=6))
    )
    run.start()
    pids = client.run(os.getpid)
    busy = _wait_for(lambda: [worker for worker, keys in client.processing().items() if keys])
    os.kill(pids[busy[0]], signal.SIGKILL)
    run.join(timeout=300)
    summary = outcome["summary"]
    mentions, documents = read_annotations(out)
    expected = single_process(inputs, tmp_path / "single.parquet")
    assert summary.errors == {} and summary.partitions == 2 + 10
    assert documents.doc_id.tolist() == expected.drop_duplicates("doc_id").doc_id.tolist()  # every document once
    assert len(mentions) == expected.label.notna().sum()


def test_rerun_after_a_killed_client_completes_only_the_missing_partitions(client, make_baseline, tmp_path):
    inputs = make_baseline(tmp_path / "inputs", files=2, per_file=3, jsonl_documents=120)
    out = tmp_path / "annotations"
    command = [sys.executable, "-m", "entitylink", "-q", "annotate", *map(str, inputs), "-o", str(out), *CLI_OPTIONS,
               "--scheduler", client.scheduler.address, "--partition-size", "10"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    _wait_for(lambda: list((out / "documents").glob("*.parquet")))
    process.kill()
    process.wait()
    time.sleep(1)  # the tasks the client left running end on their own
    written = {p.name: p.stat().st_ino for p in (out / "documents").glob("*.parquet")}
    summary = annotate_files(inputs, out, client, options=OPTIONS, partition_size=10)
    assert summary.skipped == len(written) and summary.partitions == 2 + 12 - len(written) > 0
    assert {p.name: p.stat().st_ino for p in (out / "documents").glob("*.parquet") if p.name in written} == written
    documents = read_annotations(out).documents
    expected = single_process(inputs, tmp_path / "single.parquet")
    assert documents.doc_id.tolist() == expected.drop_duplicates("doc_id").doc_id.tolist()  # every document once


def _wait_for(found, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while not (value := found()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
    return value
