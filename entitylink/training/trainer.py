"""Training the NER: gold corpora -> spaCy DocBins -> ``spacy train`` -> the model entitylink ships."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.cli.train import train
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.util import load_config

from entitylink.pipeline.trained_recognizer import load_model
from entitylink.training import CONFIG
from entitylink.training.corpora import dev_documents, train_documents
from entitylink.training.examples import ConversionStats, training_docs
from entitylink.training.vectors import check_vectors

__all__ = ["parse_setting", "prepare_corpora", "resumed_config", "train_ner"]

logger = logging.getLogger(__name__)


def parse_setting(text: str) -> tuple[str, Any]:
    """A config override written ``section.key=value`` (``system.seed=1``,
    ``components.tok2vec.model.embed.rows=[20000,10000,10000,2000]``): the value is read as JSON, else kept
    as a string. A text without ``=`` or with no dotted key raises :class:`ValueError` naming it."""
    key, equals, value = text.partition("=")
    if not equals or "." not in key.strip(".") or " " in key:
        raise ValueError(f"{text!r}: expected section.key=value, e.g. system.seed=1")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def prepare_corpora(nlp: Language, corpora: Path, workdir: Path, limit: int | None = None,
                    genes: frozenset[str] = frozenset()) -> dict[str, ConversionStats]:  # fmt: skip
    """Write ``train.spacy`` and ``dev.spacy`` into ``workdir`` from the corpora under ``corpora``.

    ``nlp`` is the dictionary pipeline that marks the unknown tokens; ``genes`` (gene symbols, see
    :func:`entitylink.kb.gene_symbols.read_gene_symbols`) are the tokens left unknown where genes are not
    annotated; ``limit`` takes that many documents of each (for a quick run).
    """
    workdir.mkdir(parents=True, exist_ok=True)
    stats = {}
    for name, documents in (("train", train_documents(corpora)), ("dev", dev_documents(corpora))):
        stats[name] = ConversionStats()
        docs = DocBin(docs=training_docs(nlp, islice(documents, limit), stats[name], gene_symbols=genes), store_user_data=False)
        docs.to_disk(workdir / f"{name}.spacy")
        logger.info("%s: %s", name, stats[name])
    return stats


def _train_and_dev(workdir: Path) -> Path:
    """Write ``workdir/train-dev.spacy``: the train documents, then the dev ones."""
    documents = DocBin(store_user_data=False).from_disk(workdir / "train.spacy")
    documents.merge(DocBin(store_user_data=False).from_disk(workdir / "dev.spacy"))
    merged = workdir / "train-dev.spacy"
    documents.to_disk(merged)
    return merged


def resumed_config(model: Path, workdir: Path, config: Path = CONFIG) -> Path:
    """Write ``workdir/resume.cfg``: ``config`` whose components start from ``model``'s weights.

    spaCy sources each trained component (tok2vec, ner) from ``model`` instead of initializing it,
    so training continues from a checkpoint (e.g. ``model-last`` of a run cut short). The learning
    rate of ``ner.cfg`` is constant, so only Adam's moments and the batch-size schedule restart.
    A ``model`` that is no trained NER raises :class:`~entitylink.errors.ModelError` naming it.
    """
    load_model(model)  # a ModelError naming ``model`` if it is no trained NER, before training starts
    settings = load_config(config)
    for name in settings["nlp"]["pipeline"]:
        settings["components"][name] = {"source": str(model.resolve())}
    workdir.mkdir(parents=True, exist_ok=True)
    resumed = workdir / "resume.cfg"
    settings.to_disk(resumed)
    return resumed


def train_ner(workdir: Path, output: Path, vectors: Path, overrides: Mapping[str, Any] | None = None,
              config: Path = CONFIG, with_dev: bool = False) -> Path:  # fmt: skip
    """Train the NER on ``workdir``'s DocBins with ``config`` and the static ``vectors`` (a spaCy folder,
    see :mod:`entitylink.training.vectors`), and copy the best model to ``output`` (the last one if
    training stopped before its first evaluation).

    ``with_dev`` trains on the train and dev documents together (the final model, once the recipe is
    fixed on dev): the dev scores no longer choose, so every step runs (no patience) and the last
    model is copied.
    """
    check_vectors(vectors)
    train_path = workdir / "train.spacy"
    settings: dict[str, Any] = {"paths.dev": str(workdir / "dev.spacy"), "paths.vectors": str(vectors)}
    if with_dev:
        train_path = _train_and_dev(workdir)
        settings["training.patience"] = 0
    settings.update({"paths.train": str(train_path), **(overrides or {})})
    train(config, workdir / "model", use_gpu=-1, overrides=settings)
    best = workdir / "model" / "model-best"
    if with_dev or not best.exists():
        best = workdir / "model" / "model-last"
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    return output
