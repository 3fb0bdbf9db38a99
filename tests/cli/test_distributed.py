"""``entitylink annotate --scheduler``: the options' errors (the runs themselves are in tests/distributed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from entitylink.cli import app

pytest.importorskip("distributed")

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pubmed_sample.xml"


def annotate(*args):
    return CliRunner().invoke(app, ["annotate", str(SAMPLE), *map(str, args)])


def test_scheduler_needs_an_output_folder():
    result = annotate("--scheduler", "local:1")
    assert result.exit_code == 2 and "dataset folder" in result.output


@pytest.mark.parametrize("scheduler", ["local:0", "local:two"])
def test_a_bad_local_worker_count_is_a_one_line_error(tmp_path, scheduler):
    result = annotate("-o", tmp_path / "out", "--scheduler", scheduler)
    assert result.exit_code == 1 and f"--scheduler {scheduler}: local:N needs a number of workers N >= 1" in result.output


def test_standard_input_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["annotate", "-", "-o", str(tmp_path / "out"), "--scheduler", "local:1"])
    assert result.exit_code == 1 and "standard input (-) cannot be annotated on a cluster" in result.output


def test_a_folder_output_without_scheduler_is_refused(tmp_path):
    result = annotate("-o", tmp_path)
    assert result.exit_code == 2 and "is a folder" in result.output
