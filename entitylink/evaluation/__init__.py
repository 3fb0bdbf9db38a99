"""Scoring predictions against gold annotations, per label, as the field reports them.

May import :mod:`entitylink.io`, :mod:`entitylink.pipeline`, :mod:`entitylink.kb` and the shared base modules.
"""

from __future__ import annotations

from entitylink.curie import normalize_ids
from entitylink.evaluation.scoring import (
    Counts,
    LabelScores,
    Mention,
    equivalent_ids,
    evaluate_documents,
    file_predictions,
    format_table,
    gold_mentions,
    predicted_mentions,
    score,
)
from entitylink.labels import GOLD_LABELS

__all__ = [
    "GOLD_LABELS",
    "Counts",
    "LabelScores",
    "Mention",
    "equivalent_ids",
    "evaluate_documents",
    "file_predictions",
    "format_table",
    "gold_mentions",
    "normalize_ids",
    "predicted_mentions",
    "score",
]
