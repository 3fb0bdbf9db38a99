"""``entitylink annotate`` end to end: documents per second with 1 and 2 workers, and peak memory
as the input grows (it must stay flat: inputs are streamed, outputs appended in chunks).

    python benchmarks/bench_annotate.py [--corpora ../shared/data/corpora] [--docs 1000] [--sizes 5000 20000]

The inputs are JSONL files of the dev splits' abstracts, cycled with new ids. Each run is
a fresh ``entitylink -q annotate`` process on a warm index cache; its time includes loading
the pipeline, and its peak RSS is the largest of the process and its workers. Prints
Markdown tables for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from entitylink.training.corpora import dev_splits


def write_inputs(texts: list[str], count: int, path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for number, text in enumerate(islice(cycle(texts), count)):
            handle.write(json.dumps({"id": f"synthetic-{number}", "text": text}) + "\n")
    return path


#: runs a command and prints the peak RSS (KB) of it and its workers: each measurement in its own process tree
_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(inputs: Path, output: Path, *options: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one ``entitylink annotate`` process (and its workers)."""
    command = [sys.executable, "-m", "entitylink", "-q", "annotate", str(inputs), "-o", str(output), *options]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK, *command], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    return seconds, int(result.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path(__file__).resolve().parents[1] / "../shared/data/corpora")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000], help="input sizes of the memory rows")
    args = parser.parse_args()
    texts = [d.text for split in dev_splits(args.corpora.resolve()) if split.corpus != "linnaeus" for d in split.documents()]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        inputs = write_inputs(texts, args.docs, work / "inputs.jsonl")
        print("| pipeline | workers | documents | seconds (with loading) | documents/s |")
        print("|---|---|---|---|---|")
        for workers in ("1", "2"):
            seconds, _ = run(inputs, work / "out.jsonl", "--workers", workers)
            print(f"| hybrid | {workers} | {args.docs} | {seconds:.1f} | {args.docs / seconds:.0f} |", flush=True)
        print()
        print("| pipeline | documents | seconds | peak RSS (MB) |")
        print("|---|---|---|---|")
        for size in args.sizes:
            inputs = write_inputs(texts, size, work / f"inputs-{size}.jsonl")
            seconds, peak = run(inputs, work / f"out-{size}.tsv", "--recognizer", "dictionary")
            print(f"| dictionary | {size} | {seconds:.0f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()
