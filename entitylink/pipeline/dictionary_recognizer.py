"""Dictionary mention detection: longest matches of ontology names in the text.

Every name of every loaded ontology, normalized (case, plurals, hyphens, Greek
letters, British spellings...), is a pattern. The recognizer walks the tokens,
extends each candidate start while the words can still begin a name, and keeps the
longest span that names a concept of a wanted label. Abbreviations follow their
local definitions (see :mod:`entitylink.pipeline.abbreviations`); a long form the dictionary
cannot match exactly gets a fuzzy match, so that its short forms are tagged too.
Text the trained NER reads as a gene (``doc.spans["entitylink_genes"]``) is never tagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from entitylink.labels import DISEASE, DRUG, LABELS, SPECIES, THERAPY
from entitylink.linking.grounder import (
    HUMAN_WORDS,
    INFECTION_HEADS,
    VIRUS_LINEAGE,
    WRITTEN_BINOMIAL,
    Candidate,
    Grounder,
    shared_grounder,
)
from entitylink.linking.learned_names import LearnedNames
from entitylink.linking.salt_forms import COUNTER_IONS
from entitylink.normalize import GENERIC_HEADS, normalize
from entitylink.pipeline.abbreviations import UNDEFINED_SHORT_FORM_KINDS, Abbreviations
from entitylink.pipeline.extensions import register_extensions
from entitylink.pipeline.merge_policies import MergePolicy, merge_policy
from entitylink.pipeline.trained_recognizer import GENE_SPANS
from entitylink.resources import STOP_TERMS, resource_path

__all__ = ["DictionaryRecognizer"]

#: How many digits a compound's code needs for the dictionary to tag it unprompted ("MK-801", not "NK2").
_CODE_DIGITS = 3
#: How many characters a formula needs for the dictionary to tag it unprompted ("KCl", "Na+"; not "KO", "K+").
_FORMULA_CHARS = 3
#: Tokens the tokenizer splits off a formula: its charge and closing parenthesis ("Ca(2", "+", ")").
_CHARGE_TOKENS = frozenset({"+", "-", ")"})

#: Tokens a name may contain without a word of their own ("non-Hodgkin", "Crohn's").
_JOINERS = frozenset({"-", "‐", "‑", "–", "'", "’", "'s", "’s", "."})
#: Words too general to be an entity of any label (and "gold", mostly of "gold standard"); "injury" alone is
#: mostly the head of an organ's ("acute liver injury"), which Wounds and Injuries is not.
_GENERIC_TERMS = frozenset({*GENERIC_HEADS, "condition", "illness", "abnormality", "death", "injury",
                            "drug", "medication", "medicine", "agent", "compound", "substance", "chemical",
                            "organism", "species", "strain", "treatment", "therapy", "infection", "gold"})  # fmt: skip
#: A match's label -> the next words that make it another entity, and that entity's label: a pathogen's
#: infection ("HIV infection"), a drug's salt ("bupropion HCl", which the corpora annotate whole).
_EXTENSIONS = {SPECIES: (INFECTION_HEADS, DISEASE), THERAPY: (COUNTER_IONS, THERAPY)}
#: Words no entity opens with: "after treatment" is a time, not MeSH's Aftercare ("After-Treatment").
_OPENING_PREPOSITIONS = frozenset({"after", "before", "during", "following", "with", "without", "within", "via", "upon"})
_GENUS_INITIALS = re.compile(r"[A-Z][a-z]?")
#: A gene written with its genotype ("MCAD−/−", "Lepr+/-"): a gene, whatever a recognizer proposes.
_GENOTYPE = re.compile(r"\w[+\-−]/[+\-−]$")
#: What every genotype has, to skip the token-by-token search in a text without one.
_GENOTYPE_MARK = re.compile(r"[+\-−]/[+\-−]")
#: Score of a learned name's concept (below an ontology name's).
_LEARNED_SCORE = 0.9


class _Unit(NamedTuple):
    """A token, or a whole short-form occurrence, with its normalized key (a tuple: a document makes hundreds)."""

    start: int
    end: int
    text: str
    key: str
    #: punctuation that ends any name ("(", ",", ";")
    is_break: bool


@Language.factory(
    "entitylink_dictionary",
    default_config={
        "labels": list(LABELS),
        "ontologies": None,
        "cache_dir": None,
        "implicit_human": True,
        "max_words": 12,
        "abbreviation_fuzzy_threshold": 0.85,
        "overwrite_ents": False,
        "stop_terms": None,
        "learned_names": True,
        "merge": "longest",
    },  # fmt: skip
)
class DictionaryRecognizer:
    """Tags DISEASE, SPECIES and THERAPY mentions by longest dictionary match.

    Sets ``doc.ents`` (labels ``DISEASE``, ``SPECIES``, ``THERAPY``). Earlier entities
    (the trained NER's) are merged with the matches by the ``merge`` policy of
    :mod:`entitylink.pipeline.merge_policies` (``"longest"``: the longer span wins, earlier entities on a
    tie; a name or a registered callable), or dropped if ``overwrite_ents``. Case rules:
    abbreviations match case-sensitively; a short form of four characters or less that
    the document does not define must be a concept's label ("HIV" but not "MAP"); a
    stop word never matches alone, nor a single word through a MONDO related synonym, and no match opens
    with a preposition ("after treatment"). Compounds are also tagged by a code MeSH writes otherwise
    ("KF17837") and by their formula ("CaCl(2)").
    ``stop_terms`` are names never tagged (default: the list learned from the train
    splits by ``scripts/learn_stop_terms.py``, ``entitylink/resources/stop_terms.tsv``).
    ``learned_names`` are mention texts the corpora nearly always annotate, tagged like names
    (True: those learned from the train and dev splits, :mod:`entitylink.linking.learned_names`; a path
    to such a file; False: none).
    ``implicit_human`` tags "patients", "women", "children"... as Homo sapiens. Needs
    ``entitylink_abbreviations`` (or scispaCy's ``abbreviation_detector``) earlier in the
    pipeline to use local abbreviation definitions. No entity of its labels overlaps a
    gene that ``entitylink_ner`` found (``doc.spans[GENE_SPANS]``).
    """

    def __init__(self, nlp: Language, name: str = "entitylink_dictionary", *, labels: Iterable[str] = LABELS,
                 ontologies: Mapping[str, str | None] | None = None, cache_dir: str | None = None,
                 implicit_human: bool = True, max_words: int = 12, abbreviation_fuzzy_threshold: float | None = 0.85,
                 overwrite_ents: bool = False, stop_terms: Iterable[str] | None = None, learned_names: bool | str = True,
                 merge: str | MergePolicy = "longest", grounder: Grounder | None = None) -> None:  # fmt: skip
        register_extensions()
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise ValueError(f"{name}: unknown labels {sorted(unknown)}; choose among {list(LABELS)}")
        self.name = name
        self.labels = frozenset(labels)
        self.implicit_human = implicit_human
        self.max_words = max_words
        self.abbreviation_fuzzy_threshold = abbreviation_fuzzy_threshold
        self.overwrite_ents = overwrite_ents
        try:
            self.merge = merge_policy(merge)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
        self.stop_terms = (read_stop_terms() if stop_terms is None
                           else {(label, normalize(term)) for term in stop_terms for label in LABELS})  # fmt: skip
        self.grounder = grounder or shared_grounder(ontologies, cache_dir)
        self.learned = _read_learned_names(learned_names)
        self.learned_keys = self.learned.keys(self.labels)
        self.learned_lengths = self.learned.lengths()

    def __call__(self, doc: Doc) -> Doc:
        abbreviations = Abbreviations(doc)
        units = _units(doc, abbreviations)
        spans = self._match(doc, units, abbreviations)
        spans += self._undefined_long_forms(doc, abbreviations, spans)
        genes = {i for span in doc.spans.get(GENE_SPANS, ()) for i in range(span.start, span.end)}
        if _GENOTYPE_MARK.search(abbreviations.text):
            genes |= {token.i for token in doc if _GENOTYPE.search(token.text)}
        spans = _outside(genes, spans)
        kept = [] if self.overwrite_ents else [e for e in doc.ents if self._keeps(e)]
        doc.ents = _outside(genes, self.merge(kept, spans, self._names(abbreviations)))
        return doc

    def _names(self, abbreviations: Abbreviations) -> Callable[[Span], bool]:
        """Whether an entity's text (short forms spelled out) names a concept, or a coordination of concepts."""

        def named(span: Span) -> bool:
            text = abbreviations.expand_span(span)
            labels = frozenset({span.label_}) & self.labels or None
            return bool(self.grounder.ground(text, labels) or self.grounder.coordinated(text, labels))

        return named

    def _keeps(self, ent: Span) -> bool:
        """Whether an earlier entity stays: those of entitylink's labels only if asked for, and
        human subjects ("patients") only with ``implicit_human``."""
        if ent.label_ not in LABELS:
            return True
        human = ent.label_ == SPECIES and normalize(ent.text) in HUMAN_WORDS
        return ent.label_ in self.labels and (self.implicit_human or not human)

    # -- matching --------------------------------------------------------------------------------
    def _match(self, doc: Doc, units: list[_Unit], abbreviations: Abbreviations) -> list[Span]:
        lengths, learned = self.grounder.name_lengths, self.learned_lengths
        spans: list[Span] = []
        genera = _written_genera(doc)
        i = 0
        while i < len(units):
            unit = units[i]
            first = unit.key.partition(" ")[0]
            limit = max(lengths.get(first, 0), learned.get(first, 0)) if unit.key and not unit.is_break else 0
            best: tuple[int, Candidate] | None = None
            words: list[str] = []
            for j in range(i, min(len(units), i + self.max_words)) if limit else ():
                if units[j].is_break:
                    break
                if not units[j].key:
                    continue
                words.append(units[j].key)
                key = " ".join(words)
                if key.count(" ") >= limit:
                    break
                if self.grounder.has_name(key) or key in self.learned_keys:
                    candidate = self._accept(doc, units, i, j, abbreviations)
                    if candidate is not None:
                        best = (j, candidate)
            if best is None and len(unit.text) <= 3 and unit.text[:1].isupper():
                best = self._abbreviated_species(doc, units, i, genera)
            if best is None and THERAPY in self.labels and unit.key and not unit.is_break:
                best = self._compound_code(doc, units, i) or self._formula(doc, units, i)
            if best is None and SPECIES in self.labels and VIRUS_LINEAGE.fullmatch(unit.text):
                best = next(((i, c) for c in self.grounder.ground(unit.text, frozenset({SPECIES}))), None)
            if best is None or best[0] == i:  # "Methanobacterium petrolearium", not its genus alone
                best = self._binomial(units, i) or best
            if best is None:
                i += 1
                continue
            j, candidate = best
            if candidate.label == SPECIES:
                genera.add(candidate.name.split()[0].lower())
            j, candidate = self._extended(doc, units, i, j, candidate, abbreviations)
            spans.append(Span(doc, units[i].start, units[j].end, label=candidate.label))
            i = j + 1
        return _without_modifying_humans(spans)

    def _extended(self, doc: Doc, units: list[_Unit], i: int, j: int, candidate: Candidate,
                  abbreviations: Abbreviations) -> tuple[int, Candidate]:  # fmt: skip
        """The match of units ``i..j`` taken over the next word when that word makes it another entity
        (:data:`_EXTENSIONS`: "HIV infection", "bupropion HCl"), else as it is."""
        extension = _EXTENSIONS.get(candidate.label)
        if extension is None or j + 1 >= len(units) or units[j + 1].key not in extension[0]:
            return j, candidate
        label = extension[1]
        whole = self._accept(doc, units, i, j + 1, abbreviations, labels=frozenset({label})) if label in self.labels else None
        return (j, candidate) if whole is None else (j + 1, whole)

    def _compound_code(self, doc: Doc, units: list[_Unit], i: int) -> tuple[int, Candidate] | None:
        """A compound's code at unit ``i`` that MeSH writes otherwise ("KF17837": KF 17837; "Ro15-1788", three
        tokens: Ro 15-1788), as :meth:`~entitylink.linking.grounder.Grounder.compound_code` finds it; with a
        number of three digits or more, as development codes have (not receptors: "NK2", "P2")."""
        for j in (i + 2, i):
            if j > i and not (j < len(units) and units[i + 1].text == "-"):
                continue
            text = units[i].text if j == i else doc[units[i].start : units[j].end].text
            if " " in text or sum(character.isdigit() for character in text) < _CODE_DIGITS:
                continue
            found = self.grounder.compound_code(text)
            if found and found[0].subtype == DRUG:
                return j, found[0]
        return None

    def _formula(self, doc: Doc, units: list[_Unit], i: int) -> tuple[int, Candidate] | None:
        """A compound or ion written as its formula at unit ``i`` ("NaHCO3", "Na+"; "CaCl(2)" and "Ca(2+)", whose
        charge and closing parenthesis the tokenizer splits off), as
        :meth:`~entitylink.linking.grounder.Grounder.formula` finds it; of three characters or more (a symbol
        alone, "Na", "K", is also a word or a short form)."""
        if not units[i].text[:1].isupper():
            return None
        j = i
        while j + 1 < len(units) and units[j + 1].text in _CHARGE_TOKENS and not doc[units[j].end - 1].whitespace_:
            j += 1
        for end in range(j, i - 1, -1):
            text = doc[units[i].start : units[end].end].text
            found = self.grounder.formula(text) if len(text) >= _FORMULA_CHARS else ()
            if found:
                return end, found[0]
        return None

    def _binomial(self, units: list[_Unit], i: int) -> tuple[int, Candidate] | None:
        """A Latin binomial at unit ``i`` ("Scrippsiella trochoidea") that only the whole taxonomy names (one
        the taxonomy spells otherwise, "[Glomus] intraradices", the linker grows from its genus)."""
        j = i + 1
        if SPECIES not in self.labels or j >= len(units) or units[i].is_break or units[j].is_break:
            return None
        genus, epithet = units[i].text, units[j].text  # a unit's text is its token's, or a short form's
        if not (genus.istitle() and genus.isalpha() and epithet.islower() and epithet.isalpha() and len(epithet) > 2):
            return None
        candidate = next(iter(self.grounder.exact(f"{genus} {epithet}", frozenset({SPECIES}))), None)
        latin = candidate is not None and candidate.kind == "label" and candidate.rank in ("species", "subspecies")
        return (j, candidate) if latin and candidate is not None else None

    def _accept(self, doc: Doc, units: list[_Unit], i: int, j: int, abbreviations: Abbreviations,
                labels: frozenset[str] | None = None) -> Candidate | None:  # fmt: skip
        """The best candidate of units ``i..j`` if they make an acceptable mention, else None.

        ``labels`` (for a pathogen's infection) also allows derived, non-dictionary candidates.
        """
        start, end = units[i].start, units[j].end
        single = end - start == 1 and start not in abbreviations.by_start
        token = doc[start]
        if single and (token.lower_ in STOP_WORDS or len(token.text) < 2 or not any(c.isalpha() for c in token.text)):
            return None
        if not single and token.lower_ in _OPENING_PREPOSITIONS:
            return None
        text = abbreviations.expand(start, end)
        key = normalize(text)
        candidates = self.grounder.ground(text, labels) if labels else self.grounder.exact(text, self.labels)
        candidates += self._learned(key, text, labels or self.labels)
        undefined_short_form = abbreviations.is_undefined_short_form(start, end)
        if key in _GENERIC_TERMS or self.grounder.drug_cause(text):  # the corpora tag the drug and the disease apart
            return None
        for candidate in candidates:
            if (candidate.label, key) in self.stop_terms:
                continue
            if candidate.kind == "implicit" and not self.implicit_human:
                continue
            if undefined_short_form and candidate.kind not in UNDEFINED_SHORT_FORM_KINDS:
                continue
            if single and token.is_lower and candidate.kind == "related" and candidate.curie.startswith("MONDO:"):
                continue  # MONDO's related synonyms include loose single words
            if single and candidate.rank == "genus" and not _genus_spelling(token, candidate):
                continue  # a Latin genus is capitalized and spelled out: not "beta", "helix", "late"
            return candidate
        return None

    def _learned(self, key: str, text: str, labels: frozenset[str]) -> tuple[Candidate, ...]:
        """The concepts of ``text`` (normalized: ``key``) as a learned name of ``labels``."""
        curies = ((label, self.learned.curie(label, key)) for label in sorted(labels))
        found = (self.grounder.concept_candidate(curie, frozenset({label}), _LEARNED_SCORE, text, "learned")
                 for label, curie in curies if curie)  # fmt: skip
        return tuple(candidate for candidate in found if candidate is not None)

    def _abbreviated_species(self, doc: Doc, units: list[_Unit], i: int, genera: set[str]) -> tuple[int, Candidate] | None:
        """An abbreviated binomial at unit ``i`` ("C. albicans", "Ae. aegypti") and its species, or None.

        Without its period ("P falciparum") only the species of a genus the document named before."""
        if SPECIES not in self.labels:
            return None
        initials = doc[units[i].start].text
        j = i + 1
        if not initials.endswith(".") and j < len(units) and doc[units[j].start].text == ".":
            j += 1
        period = initials.endswith(".") or j > i + 1
        initials = initials.rstrip(".")
        if not _GENUS_INITIALS.fullmatch(initials) or j >= len(units) or not doc[units[j].start].is_lower:
            return None
        candidate = self.grounder.abbreviated_species(initials, doc[units[j].start].text, genera)
        if candidate is None or not (period or candidate.name.split()[0].lower() in genera):
            return None
        return j, candidate

    def _undefined_long_forms(self, doc: Doc, abbreviations: Abbreviations, spans: list[Span]) -> list[Span]:
        """Entities for the short forms of long forms the dictionary does not name whole.

        A long form that only a fuzzy match names becomes an entity with its short forms;
        a long form whose head is an entity ("allogeneic [hematopoietic stem cell
        transplantation] (allo-HSCT)") gives its short forms that entity's label.
        """
        if self.abbreviation_fuzzy_threshold is None or not abbreviations.definitions:
            return []
        covered = {i for span in spans for i in range(span.start, span.end)}
        heads = {span.end: span for span in spans}
        found: list[Span] = []
        for long_text, long_start, long_end in abbreviations.definitions.values():
            head = heads.get(long_end)
            if head is not None and head.start > long_start:
                label = head.label_
            elif any(i in covered for i in range(long_start, long_end)):
                continue
            else:
                text = abbreviations.expand(long_start, long_end)
                candidates = self.grounder.ground(text, self.labels) or self.grounder.fuzzy_candidates(
                    text, self.labels, self.abbreviation_fuzzy_threshold
                )
                if not candidates:
                    continue
                label = candidates[0].label
                found.append(Span(doc, long_start, long_end, label=label))
            for occurrence in abbreviations.by_start.values():
                if occurrence.long == long_text and occurrence.start not in covered:
                    found.append(Span(doc, occurrence.start, occurrence.end, label=label))
        return found


def _outside(genes: set[int], spans: list[Span]) -> list[Span]:
    """``spans`` without the entities of entitylink's labels that overlap a gene (token indices)."""
    return [span for span in spans if span.label_ not in LABELS or genes.isdisjoint(range(span.start, span.end))]


def _written_genera(doc: Doc) -> set[str]:
    """The genera (lower case) of the binomials earlier components tagged as species ("Glomus intraradices")."""
    return {ent[0].lower_ for ent in doc.ents if ent.label_ == SPECIES and WRITTEN_BINOMIAL.fullmatch(ent.text)}


def _genus_spelling(token: Token, candidate: Candidate) -> bool:
    """A genus named by one word: spelled as the taxon is, and capitalized unless a virus ("cytomegalovirus")."""
    spelled = token.lower_ == candidate.matched.lower()
    return spelled and (token.is_title or token.lower_.endswith("virus"))


def _without_modifying_humans(spans: list[Span]) -> list[Span]:
    """Dictionary matches less the words for people ("adult", "newborn") that modify another organism right
    after them: "adult mice" are mice."""
    return [span for span, after in zip(spans, [*spans[1:], None])
            if not (after is not None and after.start == span.end and after.label_ == SPECIES and span.label_ == SPECIES
                    and normalize(span.text) in HUMAN_WORDS and normalize(after.text) not in HUMAN_WORDS)]  # fmt: skip


def _read_learned_names(learned_names: bool | str) -> LearnedNames:
    if learned_names is False:
        return LearnedNames()
    return LearnedNames.read(None if learned_names is True else Path(learned_names))


def read_stop_terms(path: Path | None = None) -> set[tuple[str, str]]:
    """(label, normalized name) pairs of a stop-term file (tab-separated label and name, ``#`` comments);
    the shipped list by default."""
    path = path or resource_path(STOP_TERMS)
    if not path.exists():
        return set()
    terms = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, key = line.split("\t")[:2]
            terms.add((label, key))
    return terms


def _ends_sentence(token: Token) -> bool:
    """Whether a full stop ends its sentence (by the sentence boundaries, else by the next word's capital)."""
    if token.i + 1 >= len(token.doc):
        return True
    following = token.nbor()
    return bool(following.is_sent_start) if following.is_sent_start is not None else following.text[:1].isupper()


def _units(doc: Doc, abbreviations: Abbreviations) -> list[_Unit]:
    """The document as match units: tokens, with each short-form occurrence as one unit keyed by its long form."""
    units: list[_Unit] = []
    skip_to = 0
    for token in doc:
        i = token.i
        if i < skip_to:
            continue
        occurrence = abbreviations.by_start.get(i)
        if occurrence is not None:
            units.append(_Unit(i, occurrence.end, occurrence.short, normalize(abbreviations.expand(i, occurrence.end)), False))
            skip_to = occurrence.end
            continue
        text = token.text
        if text == "." and _ends_sentence(token):
            units.append(_Unit(i, i + 1, text, "", True))
        elif text in _JOINERS or (token.is_space and "\n\n" not in text):
            units.append(_Unit(i, i + 1, text, "", False))  # a line break or a double space inside a name
        else:
            key = normalize(text)
            units.append(_Unit(i, i + 1, text, key, not key or token.is_space))
    return units
