"""Train the NER that entitylink ships (entitylink/resources/ner) from the gold corpora.

    python scripts/train_ner.py [--corpora ../shared/data/corpora] [--workdir build/ner]
                                [--out entitylink/resources/ner] [--max-steps N] [--limit N]
                                [--genes ontologies/hgnc-symbols.txt.gz]
                                [--vectors build/vectors/vectors]
                                [--reuse] [--resume-from MODEL] [--with-dev]
                                [--set SECTION.KEY=VALUE ...]

Reads the **train** splits (see entitylink/training/corpora.py) with the labels each
annotates, GENE included, leaves unknown the tokens the dictionary tags with the labels
a corpus does not annotate (or annotates only in part) and, where a corpus does not
annotate genes, the tokens spelled as HGNC gene symbols (--genes); keeps every dev
document out of training, and trains spaCy's NER with entitylink/training/ner.cfg
(fixed seed) on the CPU, with the static vectors of scripts/train_vectors.py (--vectors). The dev splits pick the best checkpoint. The spaCy config
used is saved with the model (config.cfg). --resume-from continues from a saved model
(e.g. WORKDIR/model/model-last of a run that was cut short) instead of random weights.
--with-dev trains the final model on train + dev once the recipe is fixed on dev: every step
runs and the last model is kept (the dev scores it prints are no longer held out).
--set overrides a setting of ner.cfg for one run (JSON values): ``--set system.seed=1``,
``--set 'components.tok2vec.model.embed.rows=[20000,10000,10000,2000]'``.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import entitylink
from entitylink.errors import EntitylinkError
from entitylink.kb.gene_symbols import read_gene_symbols
from entitylink.training import CONFIG
from entitylink.training.trainer import parse_setting, prepare_corpora, resumed_config, train_ner
from entitylink.training.vectors import check_vectors

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build/ner")
    parser.add_argument("--out", type=Path, default=ROOT / "entitylink/resources/ner")
    parser.add_argument(
        "--genes",
        type=Path,
        default=None,
        help="gene symbols left unknown where genes are not annotated (default: the bundled HGNC symbols)",
    )
    parser.add_argument(
        "--vectors",
        type=Path,
        default=ROOT / "build/vectors/vectors",
        help="the static vectors (a spaCy folder written by scripts/train_vectors.py)",
    )
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--limit", type=int, default=None, help="documents per split (a quick run)")
    parser.add_argument("--reuse", action="store_true", help="train on the DocBins already in --workdir")
    parser.add_argument("--resume-from", type=Path, default=None, help="start from this model's weights")
    parser.add_argument("--with-dev", action="store_true", help="train on train + dev (the final model), keep the last")
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="override a setting of ner.cfg (JSON value), e.g. system.seed=1; repeatable",
    )
    args = parser.parse_args()
    try:
        settings = dict(map(parse_setting, args.settings))
    except ValueError as error:
        parser.error(f"--set {error}")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:  # a bad checkpoint is named before the corpora are converted
        config = CONFIG if args.resume_from is None else resumed_config(args.resume_from, args.workdir)
    except EntitylinkError as error:
        parser.error(f"--resume-from: {error}")
    try:  # and missing vectors
        check_vectors(args.vectors)
    except EntitylinkError as error:
        parser.error(f"--vectors: {error}")
    if not args.reuse and not args.corpora.is_dir():
        parser.error(f"--corpora {args.corpora}: no such folder")
    if not args.reuse:
        try:
            genes = read_gene_symbols(args.genes.resolve() if args.genes else None)
        except EntitylinkError as error:
            parser.error(f"--genes: {error}")
        nlp = entitylink.load(ner=False)  # the dictionary marks the unknown tokens
        prepare_corpora(nlp, args.corpora.resolve(), args.workdir, args.limit, genes)
    overrides = settings if args.max_steps is None else {**settings, "training.max_steps": args.max_steps}
    print(train_ner(args.workdir, args.out, args.vectors.resolve(), overrides, config, with_dev=args.with_dev))


if __name__ == "__main__":
    main()
