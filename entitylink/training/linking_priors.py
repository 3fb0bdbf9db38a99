"""Learning the linking priors: which identifier the annotators of the train splits gave each mention text."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from entitylink.curie import normalize_ids
from entitylink.io.readers import Document
from entitylink.labels import GOLD_LABELS
from entitylink.linking.priors import LinkingPriors
from entitylink.normalize import normalize

__all__ = ["learn_linking_priors"]


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
