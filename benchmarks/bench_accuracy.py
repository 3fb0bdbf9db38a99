"""Dev-set accuracy of the pipeline on the gold corpora (PubTator).

    python benchmarks/bench_accuracy.py [--corpora ../shared/data/corpora] [--limit N]

Scores every ``*/dev.pubtator`` (and the train split of corpora that have no dev
split: S800, LINNAEUS) with strict mention spans, spans with ids, and document-level
concept sets, and prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import time
from itertools import islice
from pathlib import Path

import entitylink
from entitylink.annotate import annotate_documents
from entitylink.evaluation import format_table, gold_mentions, predicted_mentions, score
from entitylink.readers import read_pubtator


def splits(root: Path) -> list[tuple[str, Path]]:
    found = []
    for corpus in sorted(p for p in root.iterdir() if p.is_dir()):
        dev = corpus / "dev.pubtator"
        split = dev if dev.exists() else corpus / "train.pubtator"
        if split.exists():
            found.append((f"{corpus.name}/{split.stem}", split))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path(__file__).parents[1] / "../shared/data/corpora")
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--only", nargs="*", help="corpus names")
    args = parser.parse_args()
    nlp = entitylink.load()
    rows = []
    for name, path in splits(args.corpora.resolve()):
        if args.only and name.split("/")[0] not in args.only:
            continue
        documents = list(islice(read_pubtator(path), args.limit))
        started = time.perf_counter()
        docs = list(annotate_documents(nlp, documents))
        elapsed = time.perf_counter() - started
        rows.append((name, score(gold_mentions(documents), predicted_mentions(docs))))
        print(f"{name}: {len(documents)} documents in {elapsed:.1f} s", flush=True)
    print()
    print(format_table(rows))


if __name__ == "__main__":
    main()
