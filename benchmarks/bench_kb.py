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
    imported = time.perf_counter() - start
    cpu_start = time.process_time()
    sources = json.loads(sys.argv[1])
    kb = entitylink.load_kb(sources, cache_dir=sys.argv[2])
    seconds = time.perf_counter() - start
    load_cpu = time.process_time() - cpu_start
    names = json.loads(sys.stdin.read() or "[]")
    lookups = None
    if names:
        hits = 0
        begin, cpu_begin = time.perf_counter(), time.process_time()
        for name in names:
            hits += bool(kb.lookup(name))
        lookups = {"per_second": len(names) / (time.perf_counter() - begin), "hit_rate": hits / len(names), "n": len(names),
                   "cpu_per_second": len(names) / (time.process_time() - cpu_begin)}
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "import_seconds": imported, "load_cpu_seconds": load_cpu, "peak_mb": peak / 1024,
                      "lookups": lookups}))
    """
)
WITHOUT_SUPPLEMENTARY = {"mesh-supplementary": None}
CHECKOUT = Path(__file__).resolve().parents[1] / "ontologies"
#: The taxonomy before 0.2: the 2022 taxslim subset alone (the default is now the 2024 taxonomy in two tiers).
TAXSLIM_2022 = {"ncbitaxon": str(CHECKOUT / "ncbitaxon-slim.obo.gz"), "ncbitaxon-full": None}


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
        rows.append(("cold build, the default five parts (2 workers)", f"{cold['seconds']:.1f} s", f"{cold['peak_mb']:.0f} MB"))
    for label, sources in (
        ("warm load, the default parts: MONDO + MeSH + supplementary + 2024 taxonomy (curated OBO + table)", {}),
        ("warm load, without the supplementary concepts", WITHOUT_SUPPLEMENTARY),
        ("warm load, the taxonomy before 0.2 (taxslim 2022 alone)", TAXSLIM_2022),
    ):
        warm = min((run(sources, cache_dir) for _ in range(3)), key=lambda r: r["seconds"])
        rows.append((label, f"{warm['seconds']:.2f} s (import {warm['import_seconds']:.2f} s; load_kb {warm['load_cpu_seconds']:.2f} s CPU)",
                     f"{warm['peak_mb']:.0f} MB"))  # fmt: skip
    names = corpus_mentions(args.corpora) if args.corpora.is_dir() else []
    for label, sources in ((", 2024 taxonomy", {}), (", taxslim 2022", TAXSLIM_2022)):
        if names:
            lookups = run(sources, cache_dir, names)["lookups"]
            rows.append(
                (
                    f"lookups of {lookups['n']:,} gold mention texts of the corpora (first lookup of each){label}",
                    f"{lookups['per_second']:,.0f} lookups/s ({lookups['cpu_per_second']:,.0f} per CPU second)",
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
