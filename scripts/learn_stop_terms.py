"""Learn the names the dictionary should not tag: names the gold corpora almost never annotate.

    python scripts/learn_stop_terms.py [--corpora ../shared/data/corpora] [--out entitylink/resources/stop_terms.tsv]

Runs the pipeline (without the stop list) over the training documents of
entitylink/training/corpora.py (train splits, without any document of a dev split,
each document once) and counts, for every normalized mention text of a label the
document is completely annotated for (not BioNLP-ST 2013 CG's diseases: it annotates
cancers only), how often a prediction overlaps a gold mention of its label (a name the corpora
annotate with other bounds, "trout" in "rainbow trout", is a name worth tagging). Texts predicted at least
``--min-count`` times with precision below ``--max-precision`` are written, with
their label and counts, to the stop list that ``entitylink_dictionary`` loads.
The corpora annotate less than entitylink's labels cover, so some names are kept
whatever their counts: words for human subjects ("patients", left to the
``implicit_human`` setting), disease names that are a MONDO label ("thalassemia"),
genus names ("Streptococcus"), and therapies with a pharmacological action or that
name a drug class ("insulin", "antibiotics": the corpora annotate chemicals only). Drugs and
biologics are counted (a corpus chemical never overlaps "GFP" or "IgG", which have no action of their own).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import entitylink
from entitylink.annotate import annotate_documents
from entitylink.evaluation import gold_mentions, predicted_mentions
from entitylink.labels import BIOLOGIC, DISEASE, DRUG, SPECIES
from entitylink.linking.grounder import HUMAN_WORDS, Grounder, shared_grounder
from entitylink.normalize import normalize
from entitylink.resources import STOP_TERMS, resource_path
from entitylink.training.corpora import train_documents

ROOT = Path(__file__).resolve().parents[1]


def kept_anyway(grounder: Grounder, label: str, key: str) -> bool:
    """Names the corpora do not annotate but entitylink's labels include (see the module docstring)."""
    if key in HUMAN_WORDS:
        return True
    best = next(iter(grounder.exact(key, frozenset({label}))), None)
    if best is None:
        return False
    concept = grounder.kb[best.curie]
    if label == DISEASE:
        return best.kind == "label" and best.curie.startswith("MONDO:")
    if label == SPECIES:
        return best.rank == "genus" and normalize(concept.label) == key
    return bool(concept.pharmacological_actions) or best.subtype not in (DRUG, BIOLOGIC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT / "../shared/data/corpora")
    parser.add_argument("--out", type=Path, default=resource_path(STOP_TERMS))
    parser.add_argument("--min-count", type=int, default=4)
    parser.add_argument("--max-precision", type=float, default=0.2)
    args = parser.parse_args()
    nlp = entitylink.load(config={"entitylink_dictionary": {"stop_terms": []}})
    predicted: Counter[tuple[str, str]] = Counter()
    correct: Counter[tuple[str, str]] = Counter()
    training = train_documents(args.corpora.resolve())
    labels = {document.id: complete for complete, document in training}
    documents = [document for _, document in training]
    texts = {d.id: d.text for d in documents}
    gold_characters = {(m.doc_id, m.label, i) for m in gold_mentions(documents) for i in range(m.start, m.end)}
    for mention in predicted_mentions(annotate_documents(nlp, documents), therapy_subtypes=(DRUG, BIOLOGIC)):
        if mention.label not in labels[mention.doc_id]:
            continue
        key = (mention.label, normalize(texts[mention.doc_id][mention.start : mention.end]))
        predicted[key] += 1
        correct[key] += any((mention.doc_id, mention.label, i) in gold_characters for i in range(mention.start, mention.end))
    print(f"{len(documents)} documents", flush=True)
    grounder = shared_grounder()
    rows = sorted((label, key, predicted[label, key], correct[label, key]) for label, key in predicted
                  if predicted[label, key] >= args.min_count and correct[label, key] / predicted[label, key] < args.max_precision
                  and not kept_anyway(grounder, label, key))  # fmt: skip
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Names the dictionary does not tag, learned from the train splits by scripts/learn_stop_terms.py.\n")
        out.write("# label\tnormalized name\tpredicted\tgold\n")
        for label, key, count, hits in rows:
            out.write(f"{label}\t{key}\t{count}\t{hits}\n")
    print(f"{len(rows)} stop terms -> {args.out}")


if __name__ == "__main__":
    main()
