"""Knowledge-base benchmark: cold build, warm load, peak memory and lookups per second.

    python benchmarks/bench_kb.py [--corpora ../shared/data/corpora] [--skip-cold]

Each measurement runs in a fresh Python process so that imports, caches and
memory are those a user would see. Peak memory is the maximum resident set size
of the process (and, for the cold build, of its worker processes).
Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import textwrap
from datetime import date
from pathlib import Path

MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time
    start = time.perf_counter()
    import entitylink
    sources = json.loads(sys.argv[1])
    kb = entitylink.load_kb(sources, cache_dir=sys.argv[2])
    seconds = time.perf_counter() - start
    names = json.loads(sys.stdin.read() or "[]")
    lookups = None
    if names:
        hits = 0
        begin = time.perf_counter()
        for name in names:
            hits += bool(kb.lookup(name))
        lookups = {"per_second": len(names) / (time.perf_counter() - begin), "hit_rate": hits / len(names), "n": len(names)}
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "lookups": lookups}))
    """
)
WITHOUT_SUPPLEMENTARY = {"mesh-supplementary": None}


def corpus_mentions(corpora: Path, limit: int = 20000) -> list[str]:
    """Mention texts of the dev/train PubTator files (gold annotation lines: PMID, start, end, text, type, id)."""
    names: list[str] = []
    for path in sorted(corpora.glob("*/dev.pubtator")) + sorted(corpora.glob("*/train.pubtator")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) >= 5 and fields[1].isdigit():
                names.append(fields[3])
    return names[:limit]


def run(sources: dict, cache_dir: str, names: list[str] | None = None) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, json.dumps(sources), cache_dir],
        input=json.dumps(names or []),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/corpora")
    parser.add_argument("--skip-cold", action="store_true", help="reuse the cache in --cache-dir instead of building one")
    parser.add_argument("--cache-dir", default=None)
    args = parser.parse_args()

    cache_dir = args.cache_dir or tempfile.mkdtemp(prefix="entitylink-bench-")
    rows = []
    if not args.skip_cold:
        cold = run({}, cache_dir)
        rows.append(("cold build, all four files (2 workers)", f"{cold['seconds']:.1f} s", f"{cold['peak_mb']:.0f} MB"))
    warm_small = min((run(WITHOUT_SUPPLEMENTARY, cache_dir) for _ in range(3)), key=lambda r: r["seconds"])
    rows.append(
        ("warm load, MONDO + MeSH descriptors + taxslim", f"{warm_small['seconds']:.2f} s", f"{warm_small['peak_mb']:.0f} MB")
    )
    warm_all = min((run({}, cache_dir) for _ in range(3)), key=lambda r: r["seconds"])
    rows.append(
        (
            "warm load, all four files (+ 323k supplementary concepts)",
            f"{warm_all['seconds']:.2f} s",
            f"{warm_all['peak_mb']:.0f} MB",
        )
    )
    names = corpus_mentions(args.corpora) if args.corpora.is_dir() else []
    if names:
        measured = run({}, cache_dir, names)
        lookups = measured["lookups"]
        rows.append(
            (
                f"lookups of {lookups['n']:,} gold mention texts of the corpora (first lookup of each)",
                f"{lookups['per_second']:,.0f} lookups/s",
                f"{lookups['hit_rate']:.1%} found",
            )
        )
    print(f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; date {date.today().isoformat()}\n")  # fmt: skip
    print("| measurement | time | memory / note |\n| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
