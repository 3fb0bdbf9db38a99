"""Fixtures of the training tests: small static vectors trained with the real floret."""

from __future__ import annotations

from pathlib import Path

import pytest

from entitylink.training.vectors import train_vectors

#: floret settings small enough for a test: a 1,000-row table of 8-float vectors, one pass.
TINY_FLORET = {"dim": 8, "bucket": 1000, "epoch": 1, "minCount": 1, "thread": 1}


@pytest.fixture(scope="session")
def tiny_vectors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spaCy folder of floret vectors trained on a few lines of text."""
    folder = tmp_path_factory.mktemp("vectors")
    text = folder / "text.txt"
    text.write_text("cats with anemia were treated with prednisolone .\nmice with asthma received dexamethasone .\n" * 20,
                    encoding="utf-8")  # fmt: skip
    return train_vectors(text, folder / "vectors", TINY_FLORET)
