"""examples/explore.ipynb runs from top to bottom (executed with nbclient), so it never rots."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_explore_notebook_runs_and_draws_its_chart(kb):
    notebook = nbformat.read(EXAMPLES / "explore.ipynb", as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    ).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the bar chart
    assert any("MONDO:0018874" in o.get("data", {}).get("text/html", "") for o in outputs)  # a rendered document
