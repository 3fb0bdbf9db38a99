"""Learn the linking priors and the learned names from the train splits (with --with-dev, train + dev).

    python scripts/learn_linking_priors.py [--corpora ../shared/data/corpora] [--with-dev]
        [--out entitylink/resources/linking_priors.tsv] [--names entitylink/resources/learned_names.tsv]

Reads the training documents of entitylink/training/corpora.py (train splits, without
any document of a dev split, each document once) and writes, per label and normalized
mention text, how often each identifier was given (see entitylink/linking/priors.py),
and the mention texts annotated nearly every time they occur (entitylink/linking/learned_names.py).
--with-dev adds every dev split's documents: the shipped files, once the choices are made on dev
(benchmarks/bench_accuracy.py then learns train-only ones itself, so that dev stays held out).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from entitylink.resources import LEARNED_NAMES, LINKING_PRIORS, resource_path
from entitylink.training.corpora import dev_documents, train_documents
from entitylink.training.linking_priors import write_linking_resources

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    parser.add_argument("--out", type=Path, default=resource_path(LINKING_PRIORS))
    parser.add_argument("--names", type=Path, default=resource_path(LEARNED_NAMES))
    parser.add_argument("--with-dev", action="store_true", help="learn from the train and dev splits (the shipped files)")
    args = parser.parse_args()
    corpora = args.corpora.resolve()
    if not corpora.is_dir():
        parser.error(f"--corpora {args.corpora}: no such folder")
    training = train_documents(corpora) + (dev_documents(corpora) if args.with_dev else [])
    origin = "the train and dev splits" if args.with_dev else "the train splits"
    texts, names = write_linking_resources(training, args.out, args.names, origin)
    print(f"{texts} mention texts and {names} learned names from {len(training)} documents -> {args.out}, {args.names}")


if __name__ == "__main__":
    main()
