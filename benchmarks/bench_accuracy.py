"""Dev-set accuracy of the pipeline on the gold corpora (PubTator).

    python benchmarks/bench_accuracy.py [--mode hybrid|dictionary|ner] [--corpora ../shared/data/corpora]
                                        [--limit N] [--only CORPUS ...] [--config JSON] [--no-implicit-human]

Scores the dev split of every corpus (see entitylink/training/corpora.py: S800's
documents in S1000's dev split, every fifth LINNAEUS document) with strict mention
spans, spans with ids, and document-level concept sets, and prints a Markdown table
for docs/benchmarks.md. ``--mode``: the default pipeline (``hybrid``: NER and
dictionary merged), the dictionary alone, or the NER alone (both linked the same way).
``--config`` passes settings per component, as ``entitylink.load(config=...)`` does:
``'{"entitylink_linker": {"prior_min_count": 1}}'``. Two tables are printed: ids compared with their
MONDO/MeSH/OMIM equivalents, and ids compared literally (``entitylink evaluate --strict-ids``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import islice
from pathlib import Path

import entitylink
from entitylink.annotate import annotate_documents
from entitylink.evaluation.scoring import (
    format_table,
    gold_mentions,
    predicted_mentions,
    score,
)
from entitylink.pipeline import RECOGNIZERS
from entitylink.pipeline.extensions import doc_error
from entitylink.training.corpora import dev_splits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path(__file__).parents[1] / "../shared/data/corpora")
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--only", nargs="*", help="corpus names")
    parser.add_argument("--mode", choices=sorted(RECOGNIZERS), default="hybrid")
    parser.add_argument("--config", type=json.loads, default=None, help="settings per component, as JSON")
    parser.add_argument(
        "--no-implicit-human",
        dest="implicit_human",
        action="store_false",
        help="do not link 'patients'... to human (S800, S1000, LINNAEUS do not annotate them)",
    )
    args = parser.parse_args()
    nlp = entitylink.load(**RECOGNIZERS[args.mode], config=args.config, implicit_human=args.implicit_human)
    print(f"mode {args.mode}: {nlp.pipe_names}")
    rows, strict_rows, failed = [], [], 0
    for split in dev_splits(args.corpora.resolve()):
        if args.only and split.corpus not in args.only:
            continue
        name = str(split)
        documents = list(islice(split.documents(), args.limit))
        started = time.perf_counter()
        docs = list(annotate_documents(nlp, documents))
        elapsed = time.perf_counter() - started
        rows.append((name, score(gold_mentions(documents), predicted_mentions(docs))))
        strict_rows.append((name, score(gold_mentions(documents), predicted_mentions(docs, strict_ids=True))))
        errors = [error for doc in docs if (error := doc_error(doc)) is not None]
        failed += len(errors)
        failures = f", {len(errors)} FAILED ({errors[0]})" if errors else ""
        print(f"{name}: {len(documents)} documents in {elapsed:.1f} s{failures}", flush=True)
    print("\nids with their equivalents:\n")
    print(format_table(rows))
    print("\nids compared literally (--strict-ids):\n")
    print(format_table(strict_rows))
    if failed:  # a failed document scores as one with no entities: these are not the pipeline's figures
        sys.exit(f"\n{failed} documents failed to annotate (see above): the scores above count them as empty")


if __name__ == "__main__":
    main()
