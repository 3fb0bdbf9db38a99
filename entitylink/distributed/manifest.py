"""``OUT_DIR/_manifest.json``: what a dataset holds and how it was made, and what a rerun still has to do.

It records every input (size, mtime, SHA-256, format) with its partitions (byte range, status, counts,
first error), the pipeline's options, and the versions of entitylink, of each ontology and of the
model. A rerun with the same options skips the partitions of unchanged inputs (same size and mtime)
whose ``documents`` file exists, and redoes the others; an input that changed is planned again and its
old partition files removed. Inputs of earlier runs stay in the dataset (a baseline, then its updates).
"""

from __future__ import annotations

import json
import logging
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from entitylink.atomic_files import atomic_text_file
from entitylink.distributed.partition_files import DOCUMENTS, MENTIONS, partition_counts, partition_path
from entitylink.distributed.partitions import SPLITTABLE, Partition, plan_file
from entitylink.errors import EntitylinkError

__all__ = ["MANIFEST", "Manifest"]

MANIFEST = "_manifest.json"
_FORMAT = "entitylink-dataset/1"
logger = logging.getLogger(__name__)


class Manifest:
    """The manifest of an output folder, read, planned, updated as partitions finish, and saved atomically."""

    def __init__(self, out_dir: Path, data: dict[str, Any]) -> None:
        self.out_dir = out_dir
        self.data = data
        self._where: dict[str, tuple[str, int]] = {}
        self._index()

    def _index(self) -> None:
        """Where each partition's record is: its input and its place."""
        inputs = self.data["inputs"]
        self._where = {p["name"]: (key, i) for key, entry in inputs.items() for i, p in enumerate(entry["partitions"])}

    @classmethod
    def read(cls, out_dir: Path) -> Manifest:
        """The manifest of a dataset folder; :class:`EntitylinkError` when there is none."""
        try:
            data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise EntitylinkError(f"{out_dir}: not an entitylink dataset (no readable {MANIFEST}: {error})") from None
        if data.get("format") != _FORMAT:
            raise EntitylinkError(f"{out_dir / MANIFEST}: not an entitylink dataset manifest ({_FORMAT})")
        return cls(out_dir, data)

    @classmethod
    def open(cls, out_dir: Path, options: dict[str, Any], overwrite: bool) -> Manifest:
        """The manifest to continue, or a new one (``overwrite``: the old dataset is removed first).

        Continuing a dataset made with other pipeline options is refused: its rows would not be comparable.
        """
        if overwrite:
            for table in (MENTIONS, DOCUMENTS):
                shutil.rmtree(out_dir / table, ignore_errors=True)
            (out_dir / MANIFEST).unlink(missing_ok=True)
        if not (out_dir / MANIFEST).exists():
            return cls(out_dir, {"format": _FORMAT, "created": _now(), "options": options, "versions": None, "inputs": {}})
        manifest = cls.read(out_dir)
        if manifest.data["options"] != options:
            raise EntitylinkError(f"{out_dir} was annotated with other options ({manifest.data['options']}); "
                                  "give the same options, --overwrite, or another output folder")  # fmt: skip
        return manifest

    def plan(self, files: list[tuple[Path, str]], partition_size: int) -> tuple[list[Partition], int]:
        """The partitions of ``files`` (path, format) still to annotate, and how many are complete; each input is
        planned, or its plan taken from the manifest when it has not changed."""
        _check_names(files, self.data["inputs"])
        todo, complete, seen = [], 0, set()
        for path, kind in files:
            key = str(path.resolve())
            if key in seen:
                continue
            seen.add(key)
            entry = self.data["inputs"].get(key)
            if entry is None or not _unchanged(entry, path, kind, partition_size):
                entry = self._replan(key, path, kind, partition_size, entry)
            for record in entry["partitions"]:
                partition = _partition(key, entry["format"], record)
                counts = partition_counts(self.out_dir, partition.name)
                if counts is None:
                    record.update(status="pending")
                    todo.append(partition)
                    continue
                complete += 1
                if record.get("status") != "done":  # written by a run that ended before it could record it
                    record.update(status="done", **counts)
        self._index()
        return todo, complete

    def _replan(self, key: str, path: Path, kind: str, partition_size: int, old: dict[str, Any] | None) -> dict[str, Any]:
        for record in (old or {}).get("partitions", []):  # the input changed: its old rows go
            for table in (MENTIONS, DOCUMENTS):
                partition_path(self.out_dir, table, record["name"]).unlink(missing_ok=True)
        partitions, digest = plan_file(path, kind, partition_size)
        stat = path.stat()
        entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest, "format": kind,
                 "partition_size": partition_size, "partitions": [_record(p) for p in partitions]}  # fmt: skip
        self.data["inputs"][key] = entry
        return entry

    def record(self, name: str, result: dict[str, Any] | None, error: str | None = None) -> None:
        """Note a finished partition: the counts of :func:`~entitylink.distributed.worker.annotate_partition`, or the error of its task."""
        key, index = self._where[name]
        entry = self.data["inputs"][key]
        record = entry["partitions"][index]
        if result is None:
            record.update(status="error", error=error)
            return
        versions = result.get("versions")
        if self.data["versions"] is None:
            self.data["versions"] = versions
        elif versions != self.data["versions"]:
            logger.warning("%s was annotated with other versions than the dataset (%s)", name, versions)
            record["versions"] = versions
        if result.get("sha256"):
            entry["sha256"] = result["sha256"]
        record.update(status="done", **{k: result[k] for k in ("documents", "failed", "mentions", "error", "seconds")})

    def done_partitions(self) -> list[str]:
        """The names of the complete partitions, in input order."""
        return [p["name"] for entry in self.data["inputs"].values() for p in entry["partitions"] if p.get("status") == "done"]

    def save(self) -> None:
        self.data["updated"] = _now()
        with atomic_text_file(self.out_dir / MANIFEST) as handle:
            json.dump(self.data, handle, indent=1)


def _check_names(files: list[tuple[Path, str]], known: dict[str, Any]) -> None:
    """Refuse two different inputs with the same file name: their partition files would have the same names."""
    names = {Path(key).name: key for key in known}
    for path, _ in files:
        key = str(path.resolve())
        if names.setdefault(path.name, key) != key:
            raise EntitylinkError(f"{path} and {names[path.name]} have the same file name; "
                                  "rename one or annotate them into different output folders")  # fmt: skip


def _unchanged(entry: dict[str, Any], path: Path, kind: str, partition_size: int) -> bool:
    stat = path.stat()
    same_cut = kind not in SPLITTABLE or entry["partition_size"] == partition_size
    return entry["size"] == stat.st_size and entry["mtime_ns"] == stat.st_mtime_ns and entry["format"] == kind and same_cut


def _record(partition: Partition) -> dict[str, Any]:
    return {"name": partition.name, "byte_range": partition.byte_range, "first_line": partition.first_line,
            "first_record": partition.first_record, "status": "pending"}  # fmt: skip


def _partition(key: str, kind: str, record: dict[str, Any]) -> Partition:
    byte_range = tuple(record["byte_range"]) if record["byte_range"] is not None else None
    return Partition(key, kind, record["name"], byte_range, record["first_line"], record["first_record"])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
