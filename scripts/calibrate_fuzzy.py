"""Calibrate the fuzzy-match threshold on the train splits' gold mentions.

    python scripts/calibrate_fuzzy.py [--corpora ../shared/data/corpora]

Takes every gold mention (train splits only) whose text no ontology name matches
exactly, asks the character 3-gram candidate generator for its best candidate of the
mention's label, and reports, per similarity threshold, how many of these mentions get
a candidate (coverage) and how often that candidate carries a gold id (precision): the
table docs/benchmarks.md records for choosing ``fuzzy_threshold``
(``entitylink.load(fuzzy_threshold=...)``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from entitylink.curie import normalize_ids
from entitylink.io.readers import read_pubtator
from entitylink.labels import GOLD_LABELS
from entitylink.linking.grounder import shared_grounder

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    args = parser.parse_args()
    grounder = shared_grounder()
    seen: set[tuple[str, str]] = set()
    scored: list[tuple[float, bool]] = []
    for path in sorted(args.corpora.resolve().glob("*/train.pubtator")):
        for document in read_pubtator(path):
            for annotation in document.annotations:
                label = GOLD_LABELS.get(annotation.type)
                gold = normalize_ids(annotation.id, label) if label else frozenset()
                if not gold or (label, annotation.text) in seen:
                    continue
                seen.add((label, annotation.text))
                labels = frozenset({label})
                if grounder.ground(annotation.text, labels):
                    continue
                found = grounder.fuzzy_candidates(annotation.text, labels, threshold=min(THRESHOLDS))
                if found:
                    similarity = grounder.fuzzy(annotation.text, k=1)[0].similarity
                    scored.append((similarity, bool(gold & set(found[0].ids))))
    total = len(scored)
    print(f"{total} distinct gold mentions with no exact name and some candidate >= {min(THRESHOLDS)}\n")
    print("| threshold | mentions linked | precision |\n|---|---|---|")
    for threshold in THRESHOLDS:
        kept = [right for similarity, right in scored if similarity >= threshold]
        print(f"| {threshold:.2f} | {len(kept)} ({sum(kept)} right) | {sum(kept) / len(kept) if kept else 0.0:.3f} |")


if __name__ == "__main__":
    main()
