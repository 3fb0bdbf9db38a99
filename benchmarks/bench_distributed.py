"""``entitylink annotate --scheduler local:N`` against one process, on a synthetic baseline of PubMed XML.gz files.

    python benchmarks/bench_distributed.py [--corpora ../shared/data/corpora] [--docs 5000] [--files 10] [--workers 1 2]

The abstracts are the dev splits' (as in bench_annotate.py), cycled with new PMIDs into ``--files``
gzip-compressed PubMed XML files. The single-process row is a fresh ``entitylink -q annotate FILES -o
OUT.parquet`` process (its time includes import and loading, its peak RSS is the process's). Each Dask row
starts a LocalCluster of N worker processes in this process (timed apart), then times ``annotate_files``
from the first task sent to the last written (each worker loads the pipeline in its first task: that time
is included), and reads each worker's peak RSS and CPU seconds. Documents per CPU-second is the per-core
rate, which holds on a machine shared with other work, where wall-clock rates do not. Prints Markdown rows
for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path
from xml.sax.saxutils import escape

from entitylink.distributed import annotate_files, connect
from entitylink.training.corpora import dev_splits

#: runs a command and prints its peak RSS (KB) and its CPU seconds (user + system)
_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "r = resource.getrusage(resource.RUSAGE_CHILDREN); print(r.ru_maxrss, r.ru_utime + r.ru_stime)"
)


def write_baseline(texts: list[str], docs: int, files: int, folder: Path) -> list[Path]:
    """``files`` PubMed XML.gz files holding ``docs`` articles of the ``texts`` between them."""
    source = cycle(texts)
    paths = []
    for number in range(files):
        count = docs // files + (number < docs % files)
        records = "".join(
            f"<PubmedArticle><MedlineCitation><PMID>{number * 1_000_000 + i}</PMID><Article><ArticleTitle></ArticleTitle>"
            f"<Abstract><AbstractText>{escape(next(source))}</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n"
            for i in range(count)
        )
        path = folder / f"pubmed26n{number + 1:04d}.xml.gz"
        path.write_bytes(gzip.compress(f"<PubmedArticleSet>\n{records}</PubmedArticleSet>\n".encode()))
        paths.append(path)
    return paths


def single_process(files: list[Path], out: Path) -> tuple[float, float, float]:
    """Seconds, CPU seconds and peak RSS (MB) of one ``entitylink annotate`` process."""
    command = [sys.executable, "-m", "entitylink", "-q", "annotate", *map(str, files), "-o", str(out)]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK, *command], check=True, capture_output=True, text=True)
    peak, cpu = result.stdout.split()[-2:]
    return time.perf_counter() - started, float(cpu), int(peak) / 1024


def _usage() -> tuple[float, float]:
    """This process's CPU seconds and peak RSS (MB): run on each worker."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def on_dask(files: list[Path], out: Path, workers: int) -> tuple[float, float, float, list[tuple[float, float]]]:
    """Seconds to start the cluster, seconds of the run, documents/s of the run, and each worker's CPU seconds and
    peak RSS (MB)."""
    started = time.perf_counter()
    with connect(f"local:{workers}") as client:
        ready = time.perf_counter()
        summary = annotate_files(files, out, client)
        usage = client.run(_usage)
    assert summary.failed == 0 and not summary.errors, summary
    return ready - started, summary.seconds, summary.documents_per_second, sorted(usage.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path(__file__).resolve().parents[1] / "../shared/data/corpora")
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[2])
    parser.add_argument("--no-single", action="store_true", help="skip the single-process row")
    args = parser.parse_args()
    texts = [d.text for split in dev_splits(args.corpora.resolve()) if split.corpus != "linnaeus" for d in split.documents()]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        files = write_baseline(texts, args.docs, args.files, work)
        print(
            "| run | documents | cluster start (s) | seconds | documents/s | CPU seconds | documents per CPU-second | peak RSS per process (MB) |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for workers in args.workers:
            start, seconds, rate, usage = on_dask(files, work / f"dask-{workers}", workers)
            cpu = sum(u[0] for u in usage)
            memory = ", ".join(f"{u[1]:.0f}" for u in usage)
            print(
                f"| `--scheduler local:{workers}` | {args.docs} | {start:.1f} | {seconds:.1f} | {rate:.1f} | {cpu:.0f} | {args.docs / cpu:.1f} | {memory} |",
                flush=True,
            )
        if not args.no_single:
            seconds, cpu, peak = single_process(files, work / "single.parquet")
            print(
                f"| one process (`entitylink annotate`) | {args.docs} | – | {seconds:.1f} | {args.docs / seconds:.1f} | {cpu:.0f} | {args.docs / cpu:.1f} | {peak:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
