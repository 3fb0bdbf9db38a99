"""Learning the linking priors: which identifier the annotators of the train splits gave each mention text;
and writing them with the learned names (:mod:`entitylink.training.learned_names`), the two files the
linker and the dictionary read."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from entitylink.curie import normalize_ids
from entitylink.io.readers import Document
from entitylink.labels import GOLD_LABELS
from entitylink.linking.learned_names import LearnedNames
from entitylink.linking.priors import LinkingPriors
from entitylink.normalize import normalize
from entitylink.training.learned_names import learn_names

__all__ = ["learn_linking_priors", "write_linking_resources"]


def learn_linking_priors(documents: Iterable[Document], labels: Iterable[str] | None = None) -> LinkingPriors:
    """Count the identifiers of the gold mentions of ``documents`` (of ``labels``, default all).

    A mention with several identifiers (a composite "breast and ovarian cancer")
    teaches nothing, nor one without an identifier.
    """
    wanted = None if labels is None else frozenset(labels)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for document in documents:
        for annotation in document.annotations:
            label = GOLD_LABELS.get(annotation.type)
            if label is None or (wanted is not None and label not in wanted):
                continue
            ids = normalize_ids(annotation.id, label)
            key = normalize(annotation.text)
            if len(ids) == 1 and key:
                counts[label, key][next(iter(ids))] += 1
    return LinkingPriors(dict(counts))


def write_linking_resources(training: Sequence[tuple[frozenset[str], Document]], priors: Path, names: Path,
                            origin: str) -> tuple[int, int]:  # fmt: skip
    """Learn the linking priors and the learned names from ``training`` (documents with the labels they
    are complete for) and write them to ``priors`` and ``names``, their header naming ``origin``;
    returns how many mention texts and names were written."""
    learned_priors = learn_linking_priors(document for _, document in training)
    learned_priors.write(priors, f"Linking priors learned from {origin} by scripts/learn_linking_priors.py.")
    learned_names = LearnedNames(learn_names(training))
    learned_names.write(names, f"Names learned from {origin} by scripts/learn_linking_priors.py.")
    return len(learned_priors), len(learned_names)
