"""Scoring predictions against gold annotations, per label, as the field reports them.

May import :mod:`entitylink.io`, :mod:`entitylink.pipeline`, :mod:`entitylink.kb` and the shared base modules.
"""

from __future__ import annotations

from entitylink.evaluation import scoring
from entitylink.evaluation.scoring import *  # noqa: F403 (the package's names are scoring's)

__all__ = scoring.__all__
