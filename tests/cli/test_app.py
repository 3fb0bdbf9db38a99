"""The ``entitylink`` command line: lookups and ontology commands."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from entitylink.cli import app

runner = CliRunner()


def test_lookup_prints_best_concepts(kb):
    result = runner.invoke(app, ["lookup", "acute myeloid leukemia", "cat", "-n", "1"])
    assert result.exit_code == 0, result.output
    assert "MONDO:0018874" in result.output and "MESH:D015470" in result.output
    assert "NCBITaxon:9685" in result.output


def test_lookup_json_and_ontology_filter(kb):
    result = runner.invoke(app, ["lookup", "--json", "--only", "mesh", "corticosteroids"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["matches"][0]["curie"] == "MESH:D000305"
    assert record["matches"][0]["kind"] == "exact"


def test_info_reports_counts_and_cache(kb):
    result = runner.invoke(app, ["ontologies", "info", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    parts = {part["name"]: part for part in info["parts"]}
    assert parts["mesh"]["concepts"] == 30764
    assert parts["mondo"]["version"] == "mondo/releases/2026-05-05"
    assert parts["ncbitaxon"]["version"] == "ncbitaxon/2024-09-07"
    assert all(part["cache"].startswith(info["cache_dir"]) for part in parts.values())


def test_own_ontology_file_replaces_a_bundled_one(tiny_obo, tmp_path):
    args = ["lookup", "AML", "-O", f"mondo={tiny_obo}", "-O", "mesh=none", "-O", "mesh-supplementary=none",
            "-O", "ncbitaxon=none", "--cache-dir", str(tmp_path)]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "MONDO:0000010" in result.output


def test_missing_file_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["ontologies", "index", "-O", f"mondo={tmp_path / 'gone.obo'}", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "gone.obo: no such file" in result.output
    assert "Traceback" not in result.output


def test_bad_source_option_is_a_usage_error():
    result = runner.invoke(app, ["lookup", "cat", "-O", "mondo"])
    assert result.exit_code == 2
    assert "NAME=PATH" in result.output
