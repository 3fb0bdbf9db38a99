"""Golden outputs: ``entitylink annotate`` on the examples gives exactly the committed files.

The files in ``tests/golden`` were written by the command below. A change that is meant to alter
the annotations (a better model, a new linking rule) rewrites them with
``ENTITYLINK_REGOLD=1 python -m pytest tests/test_golden.py`` and the diff is reviewed in the
commit; any other change (a refactor, a faster path) must leave them byte-identical.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from entitylink.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
INPUTS = [ROOT / "examples" / "abstracts", ROOT / "examples" / "pubmed_sample.xml"]


@pytest.mark.parametrize("output_format", ["jsonl", "pubtator", "tsv", "markdown"])
def test_examples_give_the_golden_output(kb, tmp_path, output_format):
    out = tmp_path / f"examples.{output_format}"
    result = CliRunner().invoke(app, ["-q", "annotate", *map(str, INPUTS), "--format", output_format, "-o", str(out)])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / out.name
    if os.environ.get("ENTITYLINK_REGOLD"):
        golden.write_bytes(out.read_bytes())
    assert out.read_bytes() == golden.read_bytes()
