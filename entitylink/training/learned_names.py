"""Learning names from the corpora: mention texts the annotators tag nearly every time they occur.

Ontologies miss how papers name some disorders and chemicals ("toxicity", "agitation",
"myelosuppression" for the MeSH concepts the corpora give them). A mention text becomes a
learned name when the documents completely annotated for its label tag it, with one
identifier, in at least ``min_rate`` of its occurrences outside longer mentions, and at
least ``min_count`` times. Short forms ("AD", "A-T") are left out: each paper defines its own.
Genes are left out too (they are never output), and words for people ("women": the
``implicit_human`` setting decides those).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from entitylink.curie import normalize_ids
from entitylink.io.readers import Document
from entitylink.labels import LABELS
from entitylink.linking.grounder import HUMAN_WORDS
from entitylink.linking.learned_names import LearnedName
from entitylink.normalize import is_acronym_like, normalize
from entitylink.training.corpora import TRAIN_LABELS

__all__ = ["learn_names"]

#: Stands for a gold mention in the text searched for unannotated occurrences.
_MASK = " \x00 "


def learn_names(training: Iterable[tuple[frozenset[str], Document]], min_count: int = 3,
                min_rate: float = 0.5, min_share: float = 0.8) -> list[LearnedName]:  # fmt: skip
    """Learned names of ``training`` (pairs of the labels a document is complete for, and the document).

    ``min_share``: the part of a text's annotations that give its usual identifier (a text the
    annotators link several ways names no one concept).
    """
    documents = list(training)
    ids: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for complete, document in documents:
        for annotation in document.annotations:
            label = TRAIN_LABELS.get(annotation.type)
            if label in complete and label in LABELS and not is_acronym_like(annotation.text):
                found = normalize_ids(annotation.id, label)
                ids[label, normalize(annotation.text)][next(iter(found)) if len(found) == 1 else ""] += 1
    wanted = {key for key, counts in ids.items() if _worth_learning(key[1], counts, min_count, min_share)}
    unannotated = _unannotated_occurrences(documents, wanted)
    names = []
    for label, key in sorted(wanted):
        curie, count = ids[label, key].most_common(1)[0]
        annotated = sum(ids[label, key].values())
        missed = unannotated[label, key]
        if annotated >= min_rate * (annotated + missed):
            names.append(LearnedName(label, key, curie, count, missed))
    return names


def _worth_learning(key: str, counts: Counter[str], min_count: int, min_share: float) -> bool:
    """Whether a text annotated with these identifier counts ("" for none or several) may become a name:
    a word of three characters or more, some of them letters (a strain's number, "0533", names nothing
    elsewhere), that names no person, mostly given one identifier."""
    curie, count = counts.most_common(1)[0]
    clear = count >= min_count and count >= min_share * sum(counts.values())
    return bool(curie) and clear and len(key) > 2 and any(c.isalpha() for c in key) and key not in HUMAN_WORDS


def _unannotated_occurrences(documents: list[tuple[frozenset[str], Document]],
                             wanted: set[tuple[str, str]]) -> Counter[tuple[str, str]]:  # fmt: skip
    """How often each (label, key) of ``wanted`` occurs, as whole words, outside the gold mentions of
    its label in the documents complete for it."""
    by_label: dict[str, set[str]] = defaultdict(set)
    for label, key in wanted:
        by_label[label].add(key)
    longest = {label: max(key.count(" ") + 1 for key in keys) for label, keys in by_label.items()}
    counts: Counter[tuple[str, str]] = Counter()
    for complete, document in documents:
        for label in complete & by_label.keys():
            words = _masked(document, label).split()
            for n in range(1, longest[label] + 1):
                for i in range(len(words) - n + 1):
                    key = " ".join(words[i : i + n])
                    if key in by_label[label]:
                        counts[label, key] += 1
    return counts


def _masked(document: Document, label: str) -> str:
    """The normalized text of ``document`` with each gold mention of ``label`` replaced by a mark."""
    spans = sorted((a.start, a.end) for a in document.annotations if TRAIN_LABELS.get(a.type) == label)
    pieces, position = [], 0
    for start, end in spans:
        if start >= position:
            pieces.append(document.text[position:start])
            position = end
        else:
            position = max(position, end)
    pieces.append(document.text[position:])
    return _MASK.join(normalize.__wrapped__(piece) for piece in pieces)
