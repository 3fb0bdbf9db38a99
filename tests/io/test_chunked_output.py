"""Chunked, resumable output files (entitylink.batch)."""

from __future__ import annotations

import json

import pytest

from entitylink.errors import EntitylinkError
from entitylink.io.chunked_output import ChunkedOutput


def test_chunks_then_finish(tmp_path):
    out = tmp_path / "sub" / "out.jsonl"
    chunked = ChunkedOutput(out, "jsonl", ["a.txt"])
    assert chunked.empty and chunked.documents == 0
    chunked.append("one\n", 1)
    chunked.append("two\nthree\n", 2)
    assert json.loads((tmp_path / "sub" / "out.jsonl.checkpoint").read_text(encoding="utf-8")) == {
        "documents": 3, "bytes": 14, "inputs": ["a.txt"], "format": "jsonl"}  # fmt: skip
    assert not out.exists()
    chunked.finish()
    assert out.read_text(encoding="utf-8") == "one\ntwo\nthree\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["out.jsonl"]


def test_resume_cuts_a_half_written_chunk(tmp_path):
    out = tmp_path / "out.jsonl"
    ChunkedOutput(out, "jsonl", ["a.txt"]).append("one\n", 1)
    with open(tmp_path / "out.jsonl.partial", "a", encoding="utf-8") as handle:
        handle.write("tw")
    resumed = ChunkedOutput(out, "jsonl", ["a.txt"], resume=True)
    assert resumed.documents == 1 and not resumed.empty
    resumed.append("two\n", 1)
    resumed.finish()
    assert out.read_text(encoding="utf-8") == "one\ntwo\n"


def test_resume_without_a_checkpoint_starts_over(tmp_path):
    chunked = ChunkedOutput(tmp_path / "out.jsonl", "jsonl", ["a.txt"], resume=True)
    assert chunked.documents == 0


@pytest.mark.parametrize(("checkpoint", "partial", "message"), [
    ("not json", "", "not a checkpoint"),
    ('{"documents": 2, "bytes": 9, "inputs": ["a.txt"], "format": "jsonl"}', "short", "shorter than its checkpoint"),
    ('{"documents": 0, "bytes": 0, "inputs": ["a.txt"], "format": "tsv"}', "", "into tsv"),
])  # fmt: skip
def test_a_checkpoint_that_does_not_fit_is_named(tmp_path, checkpoint, partial, message):
    (tmp_path / "out.jsonl.checkpoint").write_text(checkpoint, encoding="utf-8")
    (tmp_path / "out.jsonl.partial").write_text(partial, encoding="utf-8")
    with pytest.raises(EntitylinkError, match=message):
        ChunkedOutput(tmp_path / "out.jsonl", "jsonl", ["a.txt"], resume=True)
