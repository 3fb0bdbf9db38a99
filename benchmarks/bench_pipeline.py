"""Pipeline benchmark: load time, abstracts per second (1 process and n_process=2), peak memory.

    python benchmarks/bench_pipeline.py [--corpora ../shared/data/corpora] [--docs 1000] [--modes hybrid dictionary ner]

The abstracts are the dev splits' texts (title + abstract, as PubTator gives them).
Each measurement runs in a fresh Python process on a warm index cache, with one
warm-up batch first (the fuzzy matcher's vectors are built on first use), so the
rate is the steady state a batch job sees. Modes: the default pipeline (``hybrid``, NER
and dictionary), the dictionary alone, the NER alone. Prints a Markdown table for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import textwrap
from datetime import date
from itertools import islice
from pathlib import Path

from entitylink.io.readers import read_pubtator
from entitylink.pipeline.loader import RECOGNIZERS

MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time
    start = time.perf_counter()
    import entitylink
    nlp = entitylink.load(**json.loads(sys.argv[2]))
    load_seconds = time.perf_counter() - start
    texts = json.loads(sys.stdin.read())
    n_process = int(sys.argv[1])
    list(nlp.pipe(texts[:50]))  # warm-up: caches and the fuzzy matcher
    begin = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=n_process, batch_size=64))
    seconds = time.perf_counter() - begin
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"load_seconds": load_seconds, "docs_per_second": len(texts) / seconds,
                      "entities": entities, "peak_mb": peak / 1024}))
    """
)


def measure(texts: list[str], n_process: int, mode: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(n_process), json.dumps(RECOGNIZERS[mode])], input=json.dumps(texts),
                            capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path(__file__).resolve().parents[1] / "../shared/data/corpora")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--modes", nargs="+", choices=sorted(RECOGNIZERS), default=["hybrid", "dictionary"])
    args = parser.parse_args()
    documents = [d for path in sorted(args.corpora.resolve().glob("*/dev.pubtator")) for d in read_pubtator(path)]
    texts = [d.text for d in islice(documents, args.docs)]
    chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} abstracts, {chars:.0f} characters on average; {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {date.today()}\n")  # fmt: skip
    print("| pipeline | processes | load (s) | abstracts/s | abstracts/s per process | entities | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for mode in args.modes:
        for n_process in (1, 2):
            r = measure(texts, n_process, mode)
            print(f"| {mode} | {n_process} | {r['load_seconds']:.2f} | {r['docs_per_second']:.0f} | {r['docs_per_second'] / n_process:.0f} | "
                  f"{r['entities']} | {r['peak_mb']:.0f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
