"""Train the NER that entitylink ships (entitylink/resources/ner) from the gold corpora.

    python scripts/train_ner.py [--corpora ../shared/data/corpora] [--workdir build/ner]
                                [--out entitylink/resources/ner] [--max-steps N] [--limit N]

Reads the **train** splits (NCBI-disease, BC5CDR, BioRED, S800, S1000, LINNAEUS) with
the labels each annotates, leaves unknown the tokens the dictionary tags with the
labels a corpus does not annotate, keeps every dev document out of training (see
entitylink/training/corpora.py), and trains spaCy's NER with
entitylink/training/ner.cfg (fixed seed) on the CPU. The dev splits pick the best
checkpoint. The spaCy config used is saved with the model (config.cfg).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import entitylink
from entitylink.training.trainer import prepare_corpora, train_ner

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build/ner")
    parser.add_argument("--out", type=Path, default=ROOT / "entitylink/resources/ner")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--limit", type=int, default=None, help="documents per split (a quick run)")
    parser.add_argument("--reuse", action="store_true", help="train on the DocBins already in --workdir")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.reuse:
        nlp = entitylink.load(ner=False)  # the dictionary marks the unknown tokens
        prepare_corpora(nlp, args.corpora.resolve(), args.workdir, args.limit)
    overrides = {} if args.max_steps is None else {"training.max_steps": args.max_steps}
    print(train_ner(args.workdir, args.out, overrides))


if __name__ == "__main__":
    main()
