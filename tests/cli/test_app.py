"""The ``entitylink`` command line: lookups, ontology commands, versions and the conventions every command follows."""

from __future__ import annotations

import importlib.metadata
import json
import logging
import re
import subprocess
import sys

import pytest
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


def test_quiet_and_verbose_after_the_command(kb):
    for flags in (["-q"], ["--quiet"], ["-v"], ["--verbose"]):
        result = runner.invoke(app, ["lookup", "cat", "-n", "1", *flags])
        assert result.exit_code == 0, result.output
        assert "NCBITaxon:9685" in result.output
    runner.invoke(app, ["lookup", "cat", "-q"])
    assert logging.getLogger().level == logging.WARNING
    runner.invoke(app, ["ontologies", "info", "--verbose"])
    assert logging.getLogger().level == logging.DEBUG
    runner.invoke(app, ["lookup", "cat"])
    assert logging.getLogger().level == logging.INFO


def test_version_option_and_command():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"entitylink {importlib.metadata.version('entitylink')}\n"
    result = runner.invoke(app, ["version", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert set(found["packages"]) == {"entitylink", "spacy", "scispacy", "pronto"}
    assert found["packages"]["spacy"] == importlib.metadata.version("spacy")
    assert found["ontologies"]["mondo"] == "mondo/releases/2026-05-05"
    assert found["ontologies"]["ncbitaxon"] == "ncbitaxon/2024-09-07"
    text = runner.invoke(app, ["version"]).output
    assert "scispacy" in text and "mesh-supplementary ontology" in text


@pytest.mark.parametrize(
    "command, choices",
    [
        (["annotate"], ["[jsonl|pubtator|markdown|tsv|csv|parquet]", "[DISEASE|SPECIES|THERAPY]", "[hybrid|dictionary|ner]",
                        "[txt|pubtator|bioc-xml|bioc-json|pubmed-xml|jsonl]"]),
        (["lookup"], ["[mondo|ncbitaxon|mesh]"]),
    ],
)  # fmt: skip
def test_help_lists_choices_and_reads_cleanly(command, choices):
    result = runner.invoke(app, [*command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    for listed in choices:
        assert listed in result.output
    options = result.output[result.output.index("Options:") :]
    assert "<" not in options  # a metavariable or the choices, never typer's <str>, <bool>, <int range>, <path>
    assert not re.search(r" \.(\s|$)", result.output)  # no space before a full stop
    assert "{inputs}" not in result.output and "{texts}" not in result.output
    assert "-q, --quiet" in result.output and "-v, --verbose" in result.output


def test_a_choice_outside_the_list_is_a_usage_error():
    result = runner.invoke(app, ["annotate", "x.txt", "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of jsonl, pubtator" in result.output
    result = runner.invoke(app, ["annotate", "x.txt", "--label", "gene"])
    assert result.exit_code == 2 and "DISEASE, SPECIES, THERAPY" in result.output


def test_index_prints_a_summary_not_a_repr(kb):
    result = runner.invoke(app, ["ontologies", "index"])
    assert result.exit_code == 0, result.output
    assert "<KnowledgeBase" not in result.output
    assert "5 ontology indexes ready in" in result.output and "MB" in result.output
    assert "mondo/releases/2026-05-05" in result.output and "31,958 terms" in result.output
    summary = json.loads(runner.invoke(app, ["ontologies", "index", "--json"]).output)
    assert summary["cache_bytes"] > 100_000_000 and len(summary["parts"]) == 5


def test_lookup_does_not_import_spacy(kb):
    """The command line imports spaCy only for the commands that annotate."""
    code = "import sys; from entitylink.cli import app; assert 'spacy' not in sys.modules, 'spacy imported'"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
