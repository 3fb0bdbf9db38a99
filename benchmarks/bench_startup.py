"""Start-up benchmark: ``import entitylink``, ``entitylink.load()``, the first ``nlp(text)``, and the
``entitylink lookup`` and ``entitylink ontologies info`` commands, each in fresh processes.

    python benchmarks/bench_startup.py [--runs 5]

Run from the repository root on a warm index cache (``entitylink ontologies index`` first). Each row
is the median of ``--runs`` fresh processes, as wall-clock seconds and as CPU seconds (user + system)
of the process; the CPU time is the figure to compare when other jobs share the machine.
Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

EXAMPLE = "examples/abstracts/PMC12171867.txt"
#: Row name -> Python code printing the seconds of what it measures (in-process rows), or command-line arguments.
IN_PROCESS = {
    "import entitylink": "import time; t = time.perf_counter(); import entitylink; print(time.perf_counter() - t)",
    "entitylink.load(), after the import": "import time, entitylink; t = time.perf_counter(); entitylink.load(); print(time.perf_counter() - t)",
    "first nlp(text), after load()": f"import time, entitylink; nlp = entitylink.load(); text = open({EXAMPLE!r}).read(); "
    "t = time.perf_counter(); nlp(text); print(time.perf_counter() - t)",
}
COMMANDS = {
    "python -c 'import entitylink' (whole process)": ["-c", "import entitylink"],
    "entitylink lookup 'breast cancer' (whole process)": ["-m", "entitylink", "lookup", "breast cancer"],
    "entitylink ontologies info (whole process)": ["-m", "entitylink", "ontologies", "info"],
}


def _run(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds and standard output of ``python ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| measurement | median wall (s) | median CPU of the process (s) |")
    print("| --- | --- | --- |")
    for name, code in IN_PROCESS.items():
        runs = [_run(["-c", code]) for _ in range(args.runs)]
        inner = statistics.median(float(out.split()[-1]) for _, _, out in runs)
        print(f"| {name} (in the process) | {inner:.2f} | {statistics.median(cpu for _, cpu, _ in runs):.2f} (whole process) |")
    for name, command in COMMANDS.items():
        runs = [_run(command) for _ in range(args.runs)]
        print(f"| {name} | {statistics.median(w for w, _, _ in runs):.2f} | {statistics.median(c for _, c, _ in runs):.2f} |")


if __name__ == "__main__":
    main()
