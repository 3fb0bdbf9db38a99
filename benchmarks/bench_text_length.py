"""Annotation time and memory against the length of one document, for prose and pathological shapes.

    python benchmarks/bench_text_length.py [--shapes prose paren hyphens] [--sizes 10000 100000 ...]

Each text is annotated as one document through ``annotate_documents`` (so a text past
``MAX_TEXT_LENGTH`` gives its failed record), in one process, sizes ascending. Shapes:
``prose`` (a real abstract repeated), ``paren`` ("(" repeated: one word of parentheses) and
``hyphens`` ("a-a-a-...": one word of a million tokens). Time is wall time; memory is the
growth of the process's resident memory during the call, sampled every 20 ms. Prints a
Markdown table for docs/benchmarks.md; time per million characters shows whether growth is linear.
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

import psutil

import entitylink
from entitylink.annotate import annotate_documents
from entitylink.io.document import Document
from entitylink.pipeline.extensions import doc_error

ABSTRACT = Path(__file__).parents[1] / "examples" / "abstracts" / "PMC12171867.txt"


def text_of(shape: str, size: int) -> str:
    if shape == "prose":
        abstract = ABSTRACT.read_text(encoding="utf-8") + "\n\n"
        return (abstract * (size // len(abstract) + 1))[:size]
    unit = {"paren": "(", "hyphens": "a-"}[shape]
    return (unit * (size // len(unit) + 1))[:size]


def measure(nlp: entitylink.Language, text: str) -> tuple[float, float, int, str | None]:
    """Seconds, peak resident memory growth (MB), tokens and error of annotating ``text`` as one document."""
    process = psutil.Process()
    before = process.memory_info().rss
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], process.memory_info().rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    (doc,) = annotate_documents(nlp, [Document("bench", text)])
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    return seconds, (peak[0] - before) / 2**20, len(doc), doc_error(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", nargs="*", default=["prose", "paren", "hyphens"])
    parser.add_argument("--sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    nlp = entitylink.load()
    nlp(text_of("prose", 5_000))  # warm up
    print("| shape | characters | tokens | seconds | s per M chars | memory growth (MB) | result |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for shape in args.shapes:
        for size in sorted(args.sizes):
            seconds, memory, tokens, error = measure(nlp, text_of(shape, size))
            result = "failed: past the size limit" if error else "annotated"
            print(f"| {shape} | {size:,} | {tokens:,} | {seconds:.1f} | {seconds / size * 1e6:.0f} | {memory:.0f} | {result} |",
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
