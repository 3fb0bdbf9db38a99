"""Share of linked DISEASE entities that carry a MONDO id, on every dev split.

    python benchmarks/bench_mondo_coverage.py [--corpora ../shared/data/corpora] [--limit N]
                                              [--only CORPUS ...] [--misses 25]

Annotates the dev split of every corpus (see entitylink/training/corpora.py) with the
default pipeline and counts, per split, the DISEASE entities with a ``kb_id`` and how
many of them have a MONDO id among their ``kb_ids`` (what the "Linked entities" section
of the Markdown lists). Prints a Markdown table for docs/benchmarks.md and the most
frequent mention texts linked without a MONDO id, with the id they were linked to.
"""

from __future__ import annotations

import argparse
from collections import Counter
from itertools import islice
from pathlib import Path

import entitylink
from entitylink.annotate import annotate_documents
from entitylink.labels import DISEASE
from entitylink.training.corpora import dev_splits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path(__file__).parents[1] / "../shared/data/corpora")
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--only", nargs="*", help="corpus names")
    parser.add_argument("--misses", type=int, default=25, help="how many of the most frequent misses to list")
    args = parser.parse_args()
    nlp = entitylink.load()
    misses: Counter[tuple[str, str]] = Counter()
    rows = ["| split | linked DISEASE entities | with a MONDO id | share |", "|---|---|---|---|"]
    total = with_mondo = 0
    for split in dev_splits(args.corpora.resolve()):
        if args.only and split.corpus not in args.only:
            continue
        linked = mondo = 0
        for doc in annotate_documents(nlp, islice(split.documents(), args.limit)):
            for ent in doc.ents:
                if ent.label_ != DISEASE or ent._.kb_id is None:
                    continue
                linked += 1
                if any(i.startswith("MONDO:") for i in ent._.kb_ids):
                    mondo += 1
                else:
                    misses[(ent.text.lower(), ent._.kb_id)] += 1
        total, with_mondo = total + linked, with_mondo + mondo
        rows.append(f"| {split} | {linked} | {mondo} | {mondo / linked if linked else 0:.1%} |")
        print(f"{split}: {mondo}/{linked}", flush=True)
    rows.append(f"| all | {total} | {with_mondo} | {with_mondo / total if total else 0:.1%} |")
    print("\n" + "\n".join(rows) + "\n")
    print("| mention | linked to | count |\n|---|---|---|")
    for (text, curie), count in misses.most_common(args.misses):
        print(f"| {text} | {curie} | {count} |")


if __name__ == "__main__":
    main()
