"""Dev-set accuracy of the pipeline on the gold corpora (PubTator).

    python benchmarks/bench_accuracy.py [--mode hybrid|dictionary|ner] [--corpora ../shared/data/corpora]
                                        [--limit N] [--only CORPUS ...] [--config JSON] [--no-implicit-human]
                                        [--corpus-mesh]

Scores the dev split of every corpus (see entitylink/training/corpora.py: S800's
documents in S1000's dev split, every fifth LINNAEUS document) with strict mention
spans, spans with ids, and document-level concept sets, and prints a Markdown table
for docs/benchmarks.md. ``--mode``: the default pipeline (``hybrid``: NER and
dictionary merged), the dictionary alone, or the NER alone (both linked the same way).
``--config`` passes settings per component, as ``entitylink.load(config=...)`` does:
``'{"entitylink_linker": {"prior_min_count": 1}}'``. Two tables are printed: ids compared with their
MONDO/MeSH/OMIM equivalents, and ids compared literally (``entitylink evaluate --strict-ids``).

The shipped linking priors and learned names were learned from train + dev
(``scripts/learn_linking_priors.py --with-dev``), so the benchmark learns its own from the train
splits (a few seconds) and the dev splits stay held out; ``--config`` settings of ``priors`` or
``learned_names`` take precedence. The shipped NER also saw dev: pass a train-only one with
``--config '{"entitylink_ner": {"model": "..."}}'``.

``--corpus-mesh`` gives MeSH ids as the release each corpus was annotated with (the linker's
``mesh_newest``, set per corpus to the newest descriptor and supplementary concept its train split uses),
as a user comparing with that corpus would.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
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
from entitylink.io.readers import read_pubtator
from entitylink.kb.mesh_release import MeshRelease, descriptor_number, supplementary_number
from entitylink.pipeline import RECOGNIZERS
from entitylink.pipeline.extensions import doc_error
from entitylink.training.corpora import dev_splits, train_documents
from entitylink.training.linking_priors import write_linking_resources


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
    parser.add_argument(
        "--corpus-mesh",
        action="store_true",
        help="give MeSH ids as the release each corpus was annotated with: the linker's mesh_newest set to the "
        "newest descriptor and supplementary concept its train split uses",
    )
    args = parser.parse_args()
    if not args.corpora.is_dir():
        parser.error(f"--corpora {args.corpora}: no such folder")
    with tempfile.TemporaryDirectory() as folder:
        config = _held_out_config(args.corpora.resolve(), Path(folder), args.mode, args.config or {})
        nlp = entitylink.load(**RECOGNIZERS[args.mode], config=config, implicit_human=args.implicit_human)
    print(f"mode {args.mode}: {nlp.pipe_names}")
    rows, strict_rows, failed = [], [], 0
    for split in dev_splits(args.corpora.resolve()):
        if args.only and split.corpus not in args.only:
            continue
        name = str(split)
        documents = list(islice(split.documents(), args.limit))
        if args.corpus_mesh:
            nlp.get_pipe("entitylink_linker").mesh_release = _corpus_release(split.path.parent / "train.pubtator")
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


def _corpus_release(train: Path) -> MeshRelease:
    """The MeSH release of a corpus: the newest descriptor and supplementary concept its train split's gold ids
    use (BC5CDR: D066126; NCBI-disease: D061325 and C548028)."""
    ids = [curie for m in gold_mentions(read_pubtator(train)) for curie in m.ids]
    return MeshRelease(
        max(filter(None, map(descriptor_number, ids)), default=None),
        max(filter(None, map(supplementary_number, ids)), default=None),
    )


def _held_out_config(
    corpora: Path, folder: Path, mode: str, config: dict[str, dict[str, object]]
) -> dict[str, dict[str, object]]:
    """``config`` with linking priors and learned names learned into ``folder`` from the train splits only."""
    priors, names = folder / "linking_priors.tsv", folder / "learned_names.tsv"
    write_linking_resources(train_documents(corpora), priors, names, "the train splits")
    held_out: dict[str, dict[str, object]] = {"entitylink_linker": {"priors": str(priors)}}
    if RECOGNIZERS[mode]["dictionary"]:
        held_out["entitylink_dictionary"] = {"learned_names": str(names)}
    for component, settings in config.items():
        held_out[component] = {**held_out.get(component, {}), **settings}
    return held_out


if __name__ == "__main__":
    main()
