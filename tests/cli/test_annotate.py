"""``entitylink annotate``: inputs, output formats, labels and errors."""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from filelock import FileLock
from typer.testing import CliRunner

from entitylink.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "abstracts"
PRCA = EXAMPLES / "PMC12171867.txt"
TINY = Path(__file__).resolve().parents[1] / "fixtures" / "eval_tiny.pubtator"


def annotate(*args):
    return runner.invoke(app, ["annotate", *map(str, args)])


def test_folder_to_jsonl_file(kb, tmp_path):
    out = tmp_path / "out.jsonl"
    result = annotate(EXAMPLES, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["19309241", "41689919", "PMC12171867"]
    for record, path in zip(records, sorted(EXAMPLES.glob("*.txt"))):
        assert "error" not in record
        assert record["text"] == path.read_text(encoding="utf-8")
        assert record["entities"] and all(record["text"][e["start"] : e["end"]] == e["text"] for e in record["entities"])
    prca = records[2]["linked_entities"]
    assert "MONDO:0018874" in [c["curie"] for c in prca["DISEASE"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary file left


def test_markdown_to_standard_output(kb):
    result = annotate(PRCA, "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# PMC12171867\n\n## Linked entities\n\n- **Diseases:** ")
    assert "acute myeloid leukemia (MONDO:0018874)" in result.stdout
    assert "## Full-text entities" in result.stdout
    assert "- **Species:** Homo sapiens (human, species) [taxon 9606]" in result.stdout


def test_pubtator_format_from_the_output_suffix(kb, tmp_path):
    out = tmp_path / "x.pubtator"
    result = annotate(PRCA, "-o", out)
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").split("\n")
    text = PRCA.read_text(encoding="utf-8")
    assert lines[0] == "PMC12171867|t|" + text.replace("\n", " ")
    assert lines[1] == "PMC12171867|a|"
    rows = [line.split("\t") for line in lines[2:] if line]
    assert len(rows) > 30 and all(len(row) == 6 and row[0] == "PMC12171867" for row in rows)
    assert ["PMC12171867", "799", "802", "AML", "DISEASE", "D015470"] in rows
    assert all(text[int(start) : int(end)] == mention for _, start, end, mention, _, _ in rows)


def test_input_format_pubtator(kb, tmp_path):
    gold = tmp_path / "gold.data"
    gold.write_text("\n" + TINY.read_text(encoding="utf-8"), encoding="utf-8")  # a blank first line: not detected
    result = annotate(gold, "--input-format", "pubtator")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["1001", "1002"]
    assert records[0]["text"] == ("Anemia and thrombocytopenia in cats treated with prednisolone. "
                                  "Cats with anemia were treated with prednisolone.")  # fmt: skip
    assert [(e["start"], e["end"], e["kb_id"]) for e in records[1]["entities"]][0] == (0, 22, "MONDO:0018874")


def test_label_restricts_the_labels(kb):
    result = annotate(PRCA, "--label", "DISEASE")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["entities"] and {e["label"] for e in record["entities"]} == {"DISEASE"}
    assert record["linked_entities"]["SPECIES"] == [] and record["linked_entities"]["THERAPY"] == []
    assert "MONDO:0001705" in [c["curie"] for c in record["linked_entities"]["DISEASE"]]


def test_missing_input_is_a_one_line_error(kb, tmp_path):
    missing = tmp_path / "no-such-abstracts"
    result = annotate(PRCA, missing)
    assert result.exit_code == 1
    assert f"error: {missing}: no such file or folder" in result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""  # nothing written for the good input either


def test_unwritable_output_is_a_one_line_error(kb, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    out = blocker / "out.jsonl"
    result = annotate(PRCA, "-o", out)
    assert result.exit_code == 1
    assert "error: " in result.output and str(out) in result.output
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_unreadable_file_is_reported_and_the_run_goes_on(kb, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"Caf\xe9 au lait spots \xff")
    (folder / "good.txt").write_text("Acute myeloid leukemia in a cat.", encoding="utf-8")
    (folder / "hollow.txt").write_text(" \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = annotate(folder, "-o", out)
    assert result.exit_code == 0, result.output
    bad, good, hollow = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert hollow["id"] == "hollow" and "empty" in hollow["error"]
    assert bad["id"] == "bad" and "UTF-8" in bad["error"] and bad["entities"] == []
    assert good["id"] == "good" and "error" not in good
    assert [e["kb_id"] for e in good["entities"]] == ["MONDO:0018874", "NCBITaxon:9685"]


def test_unknown_output_format_is_a_usage_error(tmp_path):
    result = annotate(PRCA, "-f", "xml")
    assert result.exit_code == 2
    assert "xml" in result.output and "jsonl" in result.output


def test_recognizer_dictionary_and_ner(kb, tmp_path):
    for recognizer in ("dictionary", "ner"):
        out = tmp_path / f"{recognizer}.jsonl"
        result = annotate(PRCA, "--recognizer", recognizer, "-o", out)
        assert result.exit_code == 0, result.output
        record = json.loads(out.read_text(encoding="utf-8"))
        assert "MONDO:0018874" in [c["curie"] for c in record["linked_entities"]["DISEASE"]]  # acute myeloid leukemia


def test_unknown_recognizer_is_a_usage_error(kb):
    result = annotate(PRCA, "--recognizer", "regex")
    assert result.exit_code == 2
    assert "'regex'" in result.output and "--recognizer" in result.output


def test_ner_model_that_is_not_a_model_is_a_one_line_error(kb, tmp_path):
    result = annotate(PRCA, "--ner-model", tmp_path)
    assert result.exit_code == 1
    assert result.output.strip().endswith("not a trained NER model (no config.cfg); train one with scripts/train_ner.py")


def test_mention_tables_tsv_csv_and_parquet(kb, tmp_path):
    import pandas as pd

    frames = {}
    for suffix in ("tsv", "csv", "parquet"):
        out = tmp_path / f"mentions.{suffix}"
        result = annotate(EXAMPLES, "--recognizer", "dictionary", "-o", out)
        assert result.exit_code == 0, result.output
        if suffix == "parquet":
            frames[suffix] = pd.read_parquet(out)
        else:
            frames[suffix] = pd.read_csv(out, sep="\t" if suffix == "tsv" else ",", keep_default_na=False, na_values=[""],
                                         dtype={"doc_id": str})  # fmt: skip
    tsv, csv, parquet = frames["tsv"], frames["csv"], frames["parquet"]
    assert list(tsv.columns) == list(csv.columns) == list(parquet.columns)
    assert len(tsv) == len(csv) == len(parquet) > 30
    assert set(tsv["doc_id"]) == {"19309241", "41689919", "PMC12171867"}
    assert tsv["kb_id"].tolist() == parquet["kb_id"].tolist()
    assert ["|".join(ids) for ids in parquet["kb_ids"]] == tsv["kb_ids"].fillna("").tolist()


def test_parquet_needs_an_output_file(kb):
    result = annotate(PRCA, "--format", "parquet")
    assert result.exit_code == 2
    assert "-o" in result.output


def test_pubmed_xml_and_standard_input(kb, tmp_path):
    out = tmp_path / "pubmed.jsonl"
    result = annotate(ROOT / "examples" / "pubmed_sample.xml", "--recognizer", "dictionary", "-o", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["16157917", "20973483", "9205462", "8686832"]
    assert all(r["entities"] for r in records)
    piped = runner.invoke(app, ["annotate", "-", "--recognizer", "dictionary"], input='{"id": "p1", "text": "Anemia in cats."}\n')
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.stdout)["id"] == "p1"


def _jsonl_inputs(tmp_path, count=12):
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    path = tmp_path / "inputs.jsonl"
    path.write_text("".join(json.dumps({"id": f"doc{i}", "text": texts[i % 3]}) + "\n" for i in range(count)), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", ["jsonl", "tsv"])
def test_resume_after_an_interruption_gives_the_uninterrupted_output(kb, tmp_path, monkeypatch, suffix):
    cli = importlib.import_module("entitylink.annotate")  # the command imports annotate_documents from there when it runs

    inputs = _jsonl_inputs(tmp_path)
    full = tmp_path / f"full.{suffix}"
    assert annotate(inputs, "-r", "dictionary", "--chunk-size", "3", "-o", full).exit_code == 0
    out = tmp_path / f"out.{suffix}"
    real = cli.annotate_documents

    def interrupted(*args, **kwargs):
        for number, doc in enumerate(real(*args, **kwargs)):
            if number == 7:
                raise KeyboardInterrupt  # the run is killed while its third chunk is being annotated
            yield doc

    monkeypatch.setattr(cli, "annotate_documents", interrupted)
    assert annotate(inputs, "-r", "dictionary", "--chunk-size", "3", "-o", out).exit_code == 130  # Click's exit on Ctrl-C
    monkeypatch.setattr(cli, "annotate_documents", real)
    partial, checkpoint = tmp_path / f"out.{suffix}.partial", tmp_path / f"out.{suffix}.checkpoint"
    assert not out.exists() and json.loads(checkpoint.read_text(encoding="utf-8"))["documents"] == 6
    with open(partial, "a", encoding="utf-8") as handle:
        handle.write('{"id": "doc6", "text": "half a chunk')  # a chunk cut off while it was being appended
    result = annotate(inputs, "-r", "dictionary", "--chunk-size", "3", "-o", out, "--resume")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == full.read_bytes()
    assert not partial.exists() and not checkpoint.exists()


def test_resume_refuses_another_run(kb, tmp_path, monkeypatch):
    inputs = _jsonl_inputs(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_text("", encoding="utf-8")
    (tmp_path / "out.jsonl.checkpoint").write_text(json.dumps({"documents": 0, "bytes": 0, "inputs": ["other.txt"],
                                                               "format": "jsonl"}), encoding="utf-8")  # fmt: skip
    result = annotate(inputs, "-o", out, "--resume")
    assert result.exit_code == 1
    assert "the interrupted run read ['other.txt']" in result.output


def test_workers_two_give_the_output_of_one(kb, tmp_path):
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        result = annotate(EXAMPLES, "--workers", workers, "-o", out)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_no_document_gives_the_header_alone(kb, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    result = annotate(empty, "-r", "dictionary", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("doc_id\tstart\tend") and out.read_text(encoding="utf-8").count("\n") == 1


# -- nothing lost: counts, locks and signals (issue 17) --------------------------------------------------------
def _entitylink(*args: object, **popen: object) -> subprocess.Popen:
    """``entitylink`` in a process of its own (a new session, so that signals can go to its whole group)."""
    return subprocess.Popen([sys.executable, "-m", "entitylink", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, **popen)  # type: ignore[call-overload]  # fmt: skip


def test_hostile_jsonl_lines_are_one_record_each(kb, tmp_path):
    lines = [json.dumps({"id": "a", "text": "Anemia in a cat."}), '{"id": "big", "text": ' + "1" * 5000 + "}",
             "[" * 100_000 + "]" * 100_000, json.dumps({"id": "surrogate", "text": "Bad \ud800 text."}),
             json.dumps({"id": "b", "text": "Mice with asthma."}), "not json", json.dumps({"id": "c", "text": "Leukemia."}),
             json.dumps({"id": "d", "text": "Cats."})]  # fmt: skip
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = annotate(inputs, "-r", "dictionary", "-o", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(lines) == 8
    assert [r["id"] for r in records] == ["a", "in#2", "in#3", "surrogate", "b", "in#6", "c", "d"]
    assert ["error" in r for r in records] == [False, True, True, True, False, True, False, False]


def test_output_that_is_an_input_is_refused(tmp_path):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": "Anemia."}) + "\n", encoding="utf-8")
    result = annotate(inputs, "-o", inputs)
    assert result.exit_code == 2 and "is an input" in " ".join(result.output.replace("│", " ").split())
    assert inputs.read_text(encoding="utf-8") == json.dumps({"id": "a", "text": "Anemia."}) + "\n"


def test_a_second_writer_of_the_same_output_is_refused(tmp_path):
    inputs = tmp_path / "in.txt"
    inputs.write_text("Anemia in a cat.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with FileLock(f"{out}.lock", timeout=0):  # another run holds the output
        process = _entitylink("annotate", inputs, "-o", out)
        _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    assert "another entitylink run is writing it" in stderr.decode()
    assert not out.exists() and not Path(f"{out}.partial").exists()


def _workers(pid: int) -> list[int]:
    """The worker processes of ``pid`` (its children that are Python, not multiprocessing's resource tracker)."""
    try:
        children = psutil.Process(pid).children()
    except psutil.NoSuchProcess:
        return []
    return [c.pid for c in children if "resource_tracker" not in " ".join(c.cmdline())]


def _wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


@pytest.fixture
def many_inputs(tmp_path):
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": texts[i % 3]}) + "\n" for i in range(3000)), encoding="utf-8")
    return path


def test_one_ctrl_c_with_two_workers_stops_cleanly_and_resumably(kb, tmp_path, many_inputs):
    out = tmp_path / "out.jsonl"
    args = ("annotate", many_inputs, "-r", "dictionary", "--workers", "2", "--batch-size", "4", "--chunk-size", "8", "-o", out)
    process = _entitylink(*args)
    checkpoint = Path(f"{out}.checkpoint")
    try:
        _wait_for(lambda: checkpoint.exists() and json.loads(checkpoint.read_text())["documents"] >= 8, 400)
        workers = _workers(process.pid)
        assert len(workers) == 2
        os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C: the whole process group
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, stderr.decode()[-2000:]
    assert "--resume" in stderr.decode()
    _wait_for(lambda: not any(psutil.pid_exists(w) and psutil.Process(w).status() != psutil.STATUS_ZOMBIE for w in workers), 30)
    done = json.loads(checkpoint.read_text())["documents"]
    assert done >= 8 and Path(f"{out}.partial").stat().st_size >= json.loads(checkpoint.read_text())["bytes"]
    resumed = _entitylink(*args, "--resume")  # goes on for a chunk, enough to see it (the whole run is minutes)
    try:
        _wait_for(lambda: json.loads(checkpoint.read_text())["documents"] >= done + 8, 400)
    finally:
        resumed.kill()
        resumed.communicate()
    ids = [json.loads(line)["id"] for line in Path(f"{out}.partial").read_text(encoding="utf-8").splitlines()[: done + 8]]
    assert ids == [f"d{i}" for i in range(done + 8)]  # nothing written twice, nothing skipped


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_their_parent(kb, tmp_path, many_inputs, stop):
    out = tmp_path / "out.jsonl"
    process = _entitylink("annotate", many_inputs, "-r", "dictionary", "--workers", "2", "-o", out)
    try:
        _wait_for(lambda: len(_workers(process.pid)) == 2, 400)
        workers = _workers(process.pid)
        process.send_signal(stop)  # the parent alone
        process.communicate(timeout=60)
    finally:
        process.kill()
    if stop == signal.SIGTERM:
        assert process.returncode == 128 + signal.SIGTERM
    _wait_for(lambda: not any(psutil.pid_exists(w) and psutil.Process(w).status() != psutil.STATUS_ZOMBIE for w in workers), 30)


def test_mesh_newest_gives_ids_of_an_earlier_mesh_release(kb, tmp_path):
    text = tmp_path / "1.txt"
    text.write_text("Hemorrhagic cystitis after cyclophosphamide.", encoding="utf-8")
    ids = {}
    for newest in (None, "D066126"):
        result = annotate(text, "-f", "pubtator", *(("--mesh-newest", newest) if newest else ()))
        assert result.exit_code == 0, result.output
        rows = [line.split("\t") for line in result.stdout.splitlines()[2:] if line]
        ids[newest] = {row[3]: row[5] for row in rows}
    assert ids[None]["Hemorrhagic cystitis"] == "D000096722"  # MeSH 2024: Cystitis, Hemorrhagic
    assert ids["D066126"]["Hemorrhagic cystitis"] == "D003556"  # as BC5CDR (MeSH 2014) gives it: Cystitis
    assert ids["D066126"]["cyclophosphamide"] == ids[None]["cyclophosphamide"] == "D003520"


def test_mesh_newest_that_is_no_descriptor_is_a_usage_error(tmp_path):
    result = annotate(PRCA, "--mesh-newest", "2015")
    assert result.exit_code == 2
    assert "--mesh-newest" in result.output and "not the newest MeSH records of a release" in result.output
