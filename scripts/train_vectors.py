"""Train the static vectors the NER reads (``ner.cfg``'s ``[initialize] vectors``).

    python scripts/train_vectors.py [--corpora ../shared/data/corpora] [--workdir build/vectors]

Writes WORKDIR/text.txt (the training documents of the corpora, never a dev document, and the
names, synonyms and definitions of the bundled MONDO and MeSH, tokenized and lower-cased) and
WORKDIR/vectors, a spaCy pipeline folder of floret vectors trained on it
(entitylink/training/vectors.py); scripts/train_ner.py --vectors WORKDIR/vectors then trains with them.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from entitylink.errors import EntitylinkError
from entitylink.resources import bundled_ontology
from entitylink.training.vectors import train_vectors, vector_texts

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build/vectors")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        parser.error(f"--corpora {args.corpora}: no such folder")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args.workdir.mkdir(parents=True, exist_ok=True)
    text = args.workdir / "text.txt"
    ontologies = [bundled_ontology("mondo"), bundled_ontology("mesh")]
    with text.open("w", encoding="utf-8") as handle:
        handle.writelines(line + "\n" for line in vector_texts(args.corpora.resolve(), ontologies))
    try:
        print(train_vectors(text, args.workdir / "vectors"))
    except EntitylinkError as error:
        parser.error(str(error))


if __name__ == "__main__":
    main()
