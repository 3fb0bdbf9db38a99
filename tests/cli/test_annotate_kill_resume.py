"""``entitylink annotate --resume`` after a SIGKILL gives the uninterrupted run's output, byte for byte (issue 16).

Three rounds, each: ``python -m entitylink annotate`` (the default pipeline, NER and dictionary) on
60 train abstracts of the corpora in chunks of 6 is killed with SIGKILL as soon as a randomly chosen
number of chunks (1 to 8 of 10) is in ``OUTPUT.partial``, and the same command with ``--resume``
finishes it in a new process. The abstracts include S800's PMID 21097635, whose "peptidoglycan (PG)"
took one label or the other depending on the process before the fix. Slow: seven processes that
each load the pipeline, about 2 CPU-minutes.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DOCUMENTS = 60
CHUNK = 6
ROUNDS = 3


def command(inputs: Path, output: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "entitylink",
        "-q",
        "annotate",
        str(inputs),
        "--chunk-size",
        str(CHUNK),
        "-o",
        str(output),
        *extra,
    ]


def kill_after(chunks: int, inputs: Path, output: Path) -> None:
    """Start a run and SIGKILL it once ``chunks`` chunks are in its partial output."""
    partial = output.with_name(output.name + ".partial")
    process = subprocess.Popen(command(inputs, output), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while process.poll() is None:
            if partial.is_file() and partial.read_bytes().count(b"\n") >= chunks * CHUNK:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
        process.wait(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.stderr is not None
    assert process.returncode == -signal.SIGKILL, process.stderr.read().decode()


@pytest.mark.slow
def test_sigkill_at_a_random_chunk_then_resume_is_byte_identical(kb, corpus_abstracts, tmp_path):
    inputs = tmp_path / "abstracts.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text}) + "\n" for d in corpus_abstracts[:DOCUMENTS]]
    inputs.write_text("".join(lines), encoding="utf-8")
    full = tmp_path / "full.jsonl"
    subprocess.run(command(inputs, full), check=True, capture_output=True)
    assert full.read_bytes().count(b"\n") == DOCUMENTS
    chooser = random.Random()
    for round_ in range(ROUNDS):
        out = tmp_path / f"resumed{round_}.jsonl"
        chunks = chooser.randint(1, DOCUMENTS // CHUNK - 2)
        kill_after(chunks, inputs, out)
        assert not out.exists()
        resumed = subprocess.run(command(inputs, out, "--resume"), capture_output=True, text=True)
        assert resumed.returncode == 0, resumed.stderr
        assert out.read_bytes() == full.read_bytes(), f"round {round_}: killed after {chunks} chunks"
