"""Scoring predicted mentions against gold annotations (PubTator or BioC files, or annotated Docs).

Three measures per label, as the field reports them:

- ``mentions``: exact (strict) spans with the right label;
- ``mentions+id``: strict spans whose identifiers also agree;
- ``concepts``: document-level concept sets, the set of (document, identifier) pairs
  (the BioCreative V CDR measure).

Corpus types map to entitylink labels (:data:`GOLD_LABELS`): NCBI-disease classes and
Disease → DISEASE, Chemical → THERAPY (only predicted therapies of subtype ``drug``
are compared with chemicals), Species/Genus/Strain/OrganismTaxon → SPECIES. Gold ids
may be composite (``D1|D2``, ``D1,D2``), missing (``-1``, ``-``) or OMIM ids.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from entitylink.curie import normalize_ids
from entitylink.io.readers import Document
from entitylink.io.writers import pubtator_id
from entitylink.kb.category import categorize
from entitylink.kb.knowledge_base import KnowledgeBase
from entitylink.labels import DISEASE, DRUG, GOLD_LABELS, SPECIES, THERAPY

__all__ = [
    "Counts",
    "LabelScores",
    "Mention",
    "equivalent_ids",
    "evaluate_documents",
    "file_predictions",
    "format_table",
    "gold_mentions",
    "predicted_mentions",
    "score",
]

#: Types of a file: the corpora's, and entitylink's own labels (a file ``entitylink annotate`` wrote).
_FILE_LABELS = {**GOLD_LABELS, DISEASE: DISEASE, SPECIES: SPECIES, THERAPY: THERAPY}


@dataclass(frozen=True)
class Mention:
    doc_id: str
    start: int
    end: int
    label: str
    ids: frozenset[str]


def gold_mentions(documents: Iterable[Document]) -> list[Mention]:
    """The annotations of documents read from a file, as mentions: those whose type is a corpus type
    of :data:`GOLD_LABELS` or one of entitylink's labels (a predicted file)."""
    found = []
    for document in documents:
        for annotation in document.annotations:
            label = _FILE_LABELS.get(annotation.type)
            if label is not None:
                found.append(Mention(document.id, annotation.start, annotation.end, label, normalize_ids(annotation.id, label)))
    return found


def file_predictions(documents: Iterable[Document], kb: KnowledgeBase, strict_ids: bool = False) -> list[Mention]:
    """The mentions of a predicted file, scored as :func:`predicted_mentions` scores Docs.

    entitylink's THERAPY mentions count only when their id is a drug (the corpora
    annotate chemicals), and every id brings its equivalents (MONDO, MeSH, OMIM), as
    ``ent._.kb_ids`` would, unless ``strict_ids``: then ids are compared as written.
    """
    found = []
    for mention in gold_mentions(documents):
        ids = mention.ids if strict_ids else frozenset(i for curie in mention.ids for i in equivalent_ids(kb, curie))
        if mention.label == THERAPY and not any(_is_drug(kb, curie) for curie in mention.ids):
            continue
        found.append(dataclasses.replace(mention, ids=ids))
    return found


def equivalent_ids(kb: KnowledgeBase, curie: str) -> set[str]:
    """``curie``, its cross-references in the loaded ontologies, and the exact OMIM ids of those in MONDO."""
    found = {curie, *kb.xrefs(curie)}
    for member in tuple(found):
        concept = kb.get(member) if member.startswith("MONDO:") else None
        if concept is not None:
            found.update(concept.xref_ids("OMIM", exact=True))
    return found


def _is_drug(kb: KnowledgeBase, curie: str) -> bool:
    concept = kb.get(curie)
    category = categorize(concept, kb.get) if concept is not None else None
    return category is not None and category.subtype == DRUG


def predicted_mentions(docs: Iterable[Doc], strict_ids: bool = False,
                       therapy_subtypes: Collection[str] = (DRUG,)) -> list[Mention]:  # fmt: skip
    """The entities of annotated documents, identified as PubTator output identifies them, with all their
    equivalent ids (``ent._.kb_ids``) unless ``strict_ids``: then only by the PubTator id.

    Therapies of other subtypes than ``therapy_subtypes`` are left out: by default all but drugs
    (biologics, drug classes, procedures, cell therapies), as the corpora annotate chemicals only.
    """
    found = []
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == THERAPY and ent._.subtype not in therapy_subtypes:
                continue
            ids = normalize_ids(pubtator_id(ent), ent.label_) | (set() if strict_ids else set(ent._.kb_ids))
            found.append(Mention(doc._.doc_id, ent.start_char, ent.end_char, ent.label_, frozenset(ids)))
    return found


@dataclass
class Counts:
    """True positives, false positives and false negatives.

    ``tp_gold`` (concept sets) is the number of gold items found, when it differs from
    the number of correct predictions (one predicted concept carries several equivalent ids).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_gold: int | None = None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        found = self.tp if self.tp_gold is None else self.tp_gold
        return found / (found + self.fn) if found + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class LabelScores:
    mentions: Counts = field(default_factory=Counts)
    mentions_with_id: Counts = field(default_factory=Counts)
    concepts: Counts = field(default_factory=Counts)

    def to_dict(self) -> dict[str, dict[str, float]]:
        """Precision, recall, F1 and counts of each measure."""
        return {name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                       "tp": c.tp, "fp": c.fp, "fn": c.fn}
                for name, c in (("mentions", self.mentions), ("mentions+id", self.mentions_with_id),
                                ("concepts", self.concepts))}  # fmt: skip


def _count(gold: set, predicted: set) -> Counts:
    return Counts(len(gold & predicted), len(predicted - gold), len(gold - predicted))


def score(gold: Iterable[Mention], predicted: Iterable[Mention]) -> dict[str, LabelScores]:
    """Scores per label present in ``gold`` (predictions of other labels are ignored)."""
    gold, predicted = list(gold), list(predicted)
    results = {}
    for label in sorted({m.label for m in gold}):
        g = [m for m in gold if m.label == label]
        p = [m for m in predicted if m.label == label]
        spans = _count({(m.doc_id, m.start, m.end) for m in g}, {(m.doc_id, m.start, m.end) for m in p})
        gold_ids = {(m.doc_id, m.start, m.end): m.ids for m in g}
        linked = Counts()
        for m in p:
            if m.ids & gold_ids.get((m.doc_id, m.start, m.end), frozenset()):
                linked.tp += 1
            else:
                linked.fp += 1
        linked.fn = len(g) - linked.tp
        results[label] = LabelScores(spans, linked, _concept_counts(g, p))
    return results


def evaluate_documents(gold: list[Document], predicted: list[Document], kb: KnowledgeBase,
                       strict_ids: bool = False) -> dict[str, LabelScores]:  # fmt: skip
    """Scores of a predicted file's documents against a gold file's (both as read by :mod:`entitylink.io.readers`).

    Only documents of the gold file are scored; a gold document missing from the
    predictions counts as one with no predicted mention. ``strict_ids`` compares ids literally, without
    equivalents across MONDO, MeSH and OMIM (the corpora's own figures).
    """
    wanted = {document.id for document in gold}
    return score(gold_mentions(gold), [m for m in file_predictions(predicted, kb, strict_ids) if m.doc_id in wanted])


def _concept_counts(gold: list[Mention], predicted: list[Mention]) -> Counts:
    """Document-level concepts: a predicted concept (its set of equivalent ids) is right when one of
    its ids is among the document's gold ids; a gold id is found when some predicted concept has it."""
    gold_ids: dict[str, set[str]] = {}
    for m in gold:
        gold_ids.setdefault(m.doc_id, set()).update(m.ids)
    concepts = {(m.doc_id, m.ids) for m in predicted if m.ids}
    counts = Counts(tp_gold=0)
    found: set[tuple[str, str]] = set()
    for doc_id, ids in concepts:
        hit = ids & gold_ids.get(doc_id, set())
        if hit:
            counts.tp += 1
            found.update((doc_id, i) for i in hit)
        else:
            counts.fp += 1
    total = sum(len(ids) for ids in gold_ids.values())
    counts.tp_gold = len(found)
    counts.fn = total - len(found)
    return counts


def format_table(rows: list[tuple[str, dict[str, LabelScores]]]) -> str:
    """A Markdown table: one row per (corpus, label) with P/R/F1 of each measure."""
    lines = ["| corpus | label | mention P | mention R | mention F1 | mention+id F1 | concept P | concept R | concept F1 |",
             "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, scores in rows:
        for label, s in scores.items():
            m, i, c = s.mentions, s.mentions_with_id, s.concepts
            lines.append(f"| {name} | {label} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {i.f1:.3f} | "
                         f"{c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |")  # fmt: skip
    return "\n".join(lines)
