"""How far two gold corpora agree where they annotate the same abstracts: the ceiling of one convention.

    python benchmarks/bench_corpus_agreement.py [--corpora ../shared/data/corpora]

S1000 re-annotates S800's abstracts, and BioRED re-annotates BC5CDR's. For every two corpora that share
documents (by PubMed id, over their train and dev splits), and every label both annotate completely,
one corpus's gold mentions are scored as predictions against the other's, with the scorer
``bench_accuracy.py`` uses (ids compared literally, as ``--strict-ids`` does): F1 is the same either
way round. A pipeline that annotated exactly as one corpus does could score no better on the other.
The corpora's texts may differ in white space, so each mention is moved to where its text stands in
the other corpus's copy of the document (within a few characters); mentions that cannot be placed are
counted.
"""

from __future__ import annotations

import argparse
import dataclasses
from itertools import combinations
from pathlib import Path

from entitylink.evaluation.scoring import Mention, format_table, gold_mentions, score
from entitylink.io.readers import Document
from entitylink.training.corpora import ANNOTATED_LABELS, Split

#: How many characters a mention may move between two copies of a document.
_SHIFT = 40


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path(__file__).parents[1] / "../shared/data/corpora")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        parser.error(f"--corpora {args.corpora}: no such folder")
    splits = {name: _splits(args.corpora / name) for name in sorted(ANNOTATED_LABELS)}
    corpora = {name: {d.id: d for split in found for d in split.documents()} for name, found in splits.items()}
    rows, unplaced = [], []
    for first, second in combinations(sorted(name for name, found in splits.items() if found), 2):
        shared = sorted(corpora[first].keys() & corpora[second].keys())
        for label in sorted(splits[first][0].complete_labels & splits[second][0].complete_labels):
            reference = [corpora[first][doc_id] for doc_id in shared]
            mentions = gold_mentions(corpora[second][doc_id] for doc_id in shared)
            placed, missing = _placed(mentions, corpora[second], corpora[first])
            name = f"{second} as {first} ({len(shared)} documents)"
            scores = score([m for m in gold_mentions(reference) if m.label == label], placed)
            if label in scores:
                rows.append((name, {label: scores[label]}))
                unplaced.append(f"{name}, {label}: {missing} mentions of {second} not found in {first}'s text")
    print(format_table(rows))
    print("\n".join(["", *unplaced]))


def _splits(folder: Path) -> list[Split]:
    """A corpus's train and dev splits (those it has)."""
    return [Split(folder.name, name, path) for name in ("train", "dev") if (path := folder / f"{name}.pubtator").exists()]


def _placed(mentions: list[Mention], source: dict[str, Document], target: dict[str, Document]) -> tuple[list[Mention], int]:
    """``mentions`` of ``source``'s documents moved to where their text stands in ``target``'s copies, and
    how many could not be."""
    placed, missing = [], 0
    for mention in mentions:
        text = source[mention.doc_id].text[mention.start : mention.end]
        start = _nearest(target[mention.doc_id].text, text, mention.start)
        if start is None:
            missing += 1
        else:
            placed.append(dataclasses.replace(mention, start=start, end=start + len(text)))
    return placed, missing


def _nearest(text: str, wanted: str, start: int) -> int | None:
    """Where ``wanted`` stands in ``text`` nearest to ``start`` (at most :data:`_SHIFT` characters away)."""
    for shift in sorted(range(-_SHIFT, _SHIFT + 1), key=abs):
        if start + shift >= 0 and text.startswith(wanted, start + shift):
            return start + shift
    return None


if __name__ == "__main__":
    main()
