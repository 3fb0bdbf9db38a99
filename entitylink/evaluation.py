"""Scoring predicted mentions against gold PubTator annotations.

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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .labels import DISEASE, DRUG, SPECIES, THERAPY
from .readers import Document
from .writers import pubtator_id

__all__ = ["GOLD_LABELS", "Counts", "Mention", "format_table", "gold_mentions", "predicted_mentions", "score"]

GOLD_LABELS = {
    "Disease": DISEASE, "SpecificDisease": DISEASE, "DiseaseClass": DISEASE, "Modifier": DISEASE,
    "CompositeMention": DISEASE, "DiseaseOrPhenotypicFeature": DISEASE,
    "Chemical": THERAPY, "ChemicalEntity": THERAPY,
    "Species": SPECIES, "Genus": SPECIES, "Strain": SPECIES, "OrganismTaxon": SPECIES,
}  # fmt: skip
_ID_SEPARATORS = re.compile(r"[|,;+]")


@dataclass(frozen=True)
class Mention:
    doc_id: str
    start: int
    end: int
    label: str
    ids: frozenset[str]


def normalize_ids(raw: str, label: str) -> frozenset[str]:
    """Gold or predicted id column -> CURIEs: ``D012010`` -> ``MESH:D012010``, ``9606`` -> ``NCBITaxon:9606``."""
    ids = set()
    for part in _ID_SEPARATORS.split(raw or ""):
        part = part.strip()
        if not part or part in ("-", "-1"):
            continue
        if part.isdigit():
            ids.add(f"NCBITaxon:{part}" if label == SPECIES else f"OMIM:{part}")
        elif re.fullmatch(r"[CD]\d+", part):
            ids.add(f"MESH:{part}")
        else:
            ids.add(part.replace("MESH:", "MESH:").replace("mesh:", "MESH:"))
    return frozenset(ids)


def gold_mentions(documents: Iterable[Document]) -> list[Mention]:
    """The gold mentions of PubTator documents whose type maps to a label."""
    found = []
    for document in documents:
        for annotation in document.annotations:
            label = GOLD_LABELS.get(annotation.type)
            if label is not None:
                found.append(Mention(document.id, annotation.start, annotation.end, label, normalize_ids(annotation.id, label)))
    return found


def predicted_mentions(docs: Iterable[Doc]) -> list[Mention]:
    """The entities of annotated documents, identified as PubTator output identifies them.

    Therapies that are not drugs (drug classes, procedures, cell therapies) are left
    out: the corpora annotate chemicals only.
    """
    found = []
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == THERAPY and ent._.subtype != DRUG:
                continue
            ids = normalize_ids(pubtator_id(ent), ent.label_) | set(ent._.kb_ids)
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
