"""Learn the linking priors (mention text -> identifier counts) from the train splits.

    python scripts/learn_linking_priors.py [--corpora ../shared/data/corpora] [--out entitylink/resources/linking_priors.tsv]

Reads the training documents of entitylink/training/corpora.py (train splits, without
any document of a dev split, each document once) and writes, per label and normalized
mention text, how often each identifier was given (see entitylink/linking/priors.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from entitylink.resources import LINKING_PRIORS, resource_path
from entitylink.training.corpora import train_documents
from entitylink.training.linking_priors import learn_linking_priors

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    parser.add_argument("--out", type=Path, default=resource_path(LINKING_PRIORS))
    args = parser.parse_args()
    documents = [document for _, document in train_documents(args.corpora.resolve())]
    priors = learn_linking_priors(documents)
    priors.write(args.out, "Linking priors learned from the train splits by scripts/learn_linking_priors.py.")
    print(f"{len(priors)} mention texts from {len(documents)} documents -> {args.out}")


if __name__ == "__main__":
    main()
