"""Learn the linking priors and the learned names from the train splits.

    python scripts/learn_linking_priors.py [--corpora ../shared/data/corpora]
        [--out entitylink/resources/linking_priors.tsv] [--names entitylink/resources/learned_names.tsv]

Reads the training documents of entitylink/training/corpora.py (train splits, without
any document of a dev split, each document once) and writes, per label and normalized
mention text, how often each identifier was given (see entitylink/linking/priors.py),
and the mention texts annotated nearly every time they occur (entitylink/linking/learned_names.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from entitylink.linking.learned_names import LearnedNames
from entitylink.resources import LEARNED_NAMES, LINKING_PRIORS, resource_path
from entitylink.training.corpora import train_documents
from entitylink.training.learned_names import learn_names
from entitylink.training.linking_priors import learn_linking_priors

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    parser.add_argument("--out", type=Path, default=resource_path(LINKING_PRIORS))
    parser.add_argument("--names", type=Path, default=resource_path(LEARNED_NAMES))
    args = parser.parse_args()
    training = train_documents(args.corpora.resolve())
    documents = [document for _, document in training]
    priors = learn_linking_priors(documents)
    priors.write(args.out, "Linking priors learned from the train splits by scripts/learn_linking_priors.py.")
    print(f"{len(priors)} mention texts from {len(documents)} documents -> {args.out}")
    names = LearnedNames(learn_names(training))
    names.write(args.names, "Names learned from the train splits by scripts/learn_linking_priors.py.")
    print(f"{len(names)} learned names -> {args.names}")


if __name__ == "__main__":
    main()
