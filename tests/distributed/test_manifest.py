"""The manifest: a changed input is planned again and its old partitions removed; other options are refused."""

from __future__ import annotations

import json
import os

import pytest

from entitylink.distributed.manifest import MANIFEST, Manifest
from entitylink.distributed.partition_files import partition_path, partition_writer
from entitylink.errors import EntitylinkError


def test_a_changed_input_is_planned_again_and_its_old_rows_removed(tmp_path):
    source = tmp_path / "a.jsonl"
    source.write_text("".join(f'{{"id": "{n}", "text": "t"}}\n' for n in range(4)), encoding="utf-8")
    manifest = Manifest.open(tmp_path / "out", {"ner": False}, overwrite=False)
    todo, complete = manifest.plan([(source, "jsonl")], partition_size=2)
    assert complete == 0
    assert [p.name for p in todo] == ["a.jsonl.000000001-000000002", "a.jsonl.000000003-000000004"]
    for partition in todo:
        with partition_writer(manifest.out_dir, partition.name, source.name):
            pass
    assert manifest.plan([(source, "jsonl")], partition_size=2) == ([], 2)  # complete, unchanged: nothing to do
    source.write_text('{"id": "0", "text": "t"}\n', encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert [p.name for p in manifest.plan([(source, "jsonl")], partition_size=2)[0]] == ["a.jsonl"]
    assert not partition_path(manifest.out_dir, "documents", todo[0].name).exists()


def test_other_options_are_refused_and_overwrite_starts_anew(tmp_path):
    (tmp_path / "mentions").mkdir()
    (tmp_path / "mentions" / "x.parquet").write_bytes(b"")
    Manifest.open(tmp_path, {"ner": False}, overwrite=False).save()
    with pytest.raises(EntitylinkError, match="other options"):
        Manifest.open(tmp_path, {"ner": True}, overwrite=False)
    Manifest.open(tmp_path, {"ner": True}, overwrite=True).save()
    assert json.loads((tmp_path / MANIFEST).read_text())["options"] == {"ner": True}
    assert not (tmp_path / "mentions").exists()


def test_two_inputs_of_the_same_name_are_refused(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.jsonl").write_text('{"id": "0", "text": "t"}\n', encoding="utf-8")
    manifest = Manifest.open(tmp_path / "out", {}, overwrite=False)
    with pytest.raises(EntitylinkError, match="same file name"):
        manifest.plan([(tmp_path / "x" / "a.jsonl", "jsonl"), (tmp_path / "y" / "a.jsonl", "jsonl")], 10)
