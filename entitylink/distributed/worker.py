"""What runs on a worker: the pipeline, loaded once per worker process and kept for every later task with
the same options, and the task that annotates one partition into its Parquet files.

Nothing here imports Dask: the task is a plain function that Dask (or anything else) calls.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from entitylink.annotate import annotate_documents
from entitylink.distributed.partition_files import partition_counts, partition_writer
from entitylink.distributed.partitions import Partition, read_partition
from entitylink.io.document import Document
from entitylink.kb.index_cache import file_digest
from entitylink.labels import LABELS
from entitylink.pipeline import load
from entitylink.pipeline.linker import EntityLinker
from entitylink.pipeline.trained_recognizer import TrainedRecognizer

__all__ = ["PipelineOptions", "annotate_partition", "pipeline", "pipeline_versions"]


@dataclass(frozen=True)
class PipelineOptions:
    """The arguments of :func:`entitylink.load` a run annotates with, hashable so each worker loads its pipeline once."""

    ontologies: tuple[tuple[str, str | None], ...] = ()
    cache_dir: str | None = None
    labels: tuple[str, ...] = LABELS
    implicit_human: bool = True
    #: True: the bundled NER; a path: a model trained with ``scripts/train_ner.py``; False: none
    ner: bool | str = True
    dictionary: bool = True
    batch_size: int = 64
    #: the newest records of the MeSH release ids follow (the linker's ``mesh_newest``); None: MeSH 2024
    mesh_newest: str | None = None

    def load(self) -> Language:
        return load(ontologies=dict(self.ontologies) or None, cache_dir=self.cache_dir, labels=self.labels,
                    implicit_human=self.implicit_human, ner=self.ner, dictionary=self.dictionary,
                    mesh_newest=self.mesh_newest)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return json.loads(json.dumps(asdict(self)))  # as the manifest holds it: lists, not tuples


_loading = threading.Lock()


@lru_cache(maxsize=1)  # a worker serves one run's options at a time
def _loaded(options: PipelineOptions) -> Language:
    return options.load()


def pipeline(options: PipelineOptions) -> Language:
    """The pipeline of ``options``, loaded on this process's first call and reused by every later one."""
    with _loading:  # one load, even when a worker runs tasks in several threads
        return _loaded(options)


@lru_cache(maxsize=1)
def _versions(options: PipelineOptions) -> dict[str, Any]:
    return pipeline_versions(pipeline(options))


def pipeline_versions(nlp: Language) -> dict[str, Any]:
    """What made the annotations: entitylink's version, each ontology's file and data-version, the NER model."""
    versions: dict[str, Any] = {"entitylink": metadata.version("entitylink")}
    if "entitylink_linker" in nlp.pipe_names:
        kb = cast(EntityLinker, nlp.get_pipe("entitylink_linker")).grounder.kb
        versions["ontologies"] = {row["name"]: {"ontology": row["ontology"], "version": row["version"],
                                                "file": Path(str(row["source"])).name} for row in kb.stats()}  # fmt: skip
    if "entitylink_ner" in nlp.pipe_names:
        model = cast(TrainedRecognizer, nlp.get_pipe("entitylink_ner")).model
        versions["model"] = {"name": model.meta.get("name"), "version": model.meta.get("version"),
                             "sha256": file_digest(Path(model.path) / "ner" / "model")}  # fmt: skip
    return versions


def annotate_partition(partition: Partition, options: PipelineOptions, out_dir: str) -> dict[str, Any]:
    """Annotate one partition into its two Parquet files; its counts, first error, input checksum and versions.

    Every document of the partition gets its row in ``documents``, failed ones with their error.
    """
    started = time.perf_counter()
    nlp = pipeline(options)
    with partition_writer(Path(out_dir), partition.name, Path(partition.path).name) as writer:
        for doc, document in _with_documents(nlp, read_partition(partition), options.batch_size):
            writer.add(doc, document)
    result = partition_counts(Path(out_dir), partition.name) or {}
    whole_file = partition.byte_range is None
    return {**result, "sha256": file_digest(Path(partition.path)) if whole_file else None,
            "versions": _versions(options), "seconds": round(time.perf_counter() - started, 3)}  # fmt: skip


def _with_documents(nlp: Language, documents: Iterable[Document], batch_size: int) -> Iterator[tuple[Doc, Document]]:
    """Each annotated Doc with the document it came from (:func:`annotate_documents` yields one Doc per document, in order)."""
    read: deque[Document] = deque()

    def kept() -> Iterator[Document]:
        for document in documents:
            read.append(document)
            yield document

    for doc in annotate_documents(nlp, kept(), batch_size=batch_size):
        yield doc, read.popleft()
