"""Entity linking: the identifiers, names, scores and alternatives of each entity."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from entitylink.curie import ontology_of
from entitylink.kb.category import is_amino_acid
from entitylink.kb.gene_symbols import read_gene_symbols
from entitylink.kb.mesh_release import ids_as_of, mesh_release
from entitylink.labels import CELL_THERAPY, DISEASE, DRUG, LABELS, PROCEDURE, SPECIES, THERAPY
from entitylink.linking.grounder import HUMAN, WRITTEN_BINOMIAL, Candidate, Grounder, shared_grounder
from entitylink.linking.priors import LinkingPriors
from entitylink.normalize import normalize
from entitylink.pipeline.abbreviations import Abbreviations
from entitylink.pipeline.extensions import register_extensions
from entitylink.pipeline.merge_policies import tie_abbreviations
from entitylink.pipeline.person_context import PERSON_STATES, said_of_a_person
from entitylink.pipeline.protein_context import names_a_protein
from entitylink.pipeline.residue_context import in_sequence_context
from entitylink.pipeline.species_roles import OTHER, species_role
from entitylink.pipeline.strain_designations import strain_designations
from entitylink.pipeline.therapy_context import given_as_treatment, mentions_procedure_word, procedure_word

__all__ = ["EntityLinker"]

_HEAD_WEIGHT = 0.9
_PRIOR_SCORE = 0.95
#: Kinds of disease candidate a short form the document does not define gets only for a concept the text names
#: in full: "SD" is no Salla disease (a MONDO related synonym) and, in "mean +/- SD", no sexual dysfunction
#: (the priors' reading).
_LOOSE_KINDS = frozenset({"related", "prior"})
#: How many times annotators must have given a mention text a concept none of its names has, per label, for the
#: prior to put it first (see :class:`EntityLinker`).
_PRIOR_MIN_COUNT_UNNAMED = {THERAPY: 2}
#: Candidates found by a name of their own (a label or an exact synonym).
_NAMED_KINDS = frozenset({"label", "exact"})
#: token end -> (an entity ending there, its candidates)
_LinkedByEnd = dict[int, tuple[Span, tuple[Candidate, ...]]]
#: the entities after a step that may change them, and the candidates of each
_Linked = tuple[list[Span], list[tuple[Candidate, ...]]]
_BINOMIAL = re.compile(r"([A-Z][a-z]?)(?:\.\s*|\s+)([a-z]+)")  # "M. brunneum", "P falciparum"
#: The ranks a genus and an epithet name, and how a binomial may be named: by its label or as renamed.
_EPITHET_RANKS = frozenset({"species", "subspecies"})
_BINOMIAL_KINDS = frozenset({"label", "exact", "renamed"})
#: Word endings whose final s is no plural ("fibrosis", "virus", "illness").
_SINGULAR_S_ENDINGS = ("is", "us", "ss")
#: The words that join the last member of a list ("brain, breast, and prostate cancer").
_CONJUNCTIONS = frozenset({"and", "or"})
#: The last word of a virus or phage name ("pepper huasteco geminivirus", "T4 bacteriophage").
_VIRUS_HEAD = re.compile(r"\w*(?:virus(?:es)?|phages?|viroids?)", re.IGNORECASE)
#: Words that name a disease too vague to link alone when they end a longer phrase ("thromboembolic disease").
_VAGUE_DISEASES = frozenset({"disease", "diseases", "disorder", "disorders", "syndrome", "syndromes", "condition",
                             "conditions", "illness", "injury", "injuries", "death", "deaths", "deficiency",
                             "deficiencies", "malformation", "malformations", "hyperplasia", "mania"})  # fmt: skip
#: A word that names which kind of a disease a phrase is: a gene or drug symbol, a type number ("TRAF2
#: deficiency", "Type II deficiency", "AAP hepatitis").
_NAMES_A_KIND = re.compile(r"\d|\w[A-Z]|^[IVX]+$")


def _organism_by_head(ent: Span, abbreviations: Abbreviations) -> Span:
    """A DISEASE entity whose head, or its long form's, names a virus or phage ("pepper huasteco
    geminivirus (PHV)") is that organism, a SPECIES."""
    words = abbreviations.expand_span(ent).split() if ent.label_ == DISEASE else []
    if words and _VIRUS_HEAD.fullmatch(words[-1]):
        return Span(ent.doc, ent.start, ent.end, label=SPECIES)
    return ent


def _trusted_when_undefined(candidate: Candidate, short_form: str) -> bool:
    """Whether a short form the document does not define may link to ``candidate`` though the document
    does not name it in full: not a disease by a loose kind of name, nor a disease or an organism by two
    letters ("PV" interneurons are no poliovirus, group "TD" no thanatophoric dysplasia)."""
    if candidate.label in (DISEASE, SPECIES) and len(short_form) <= 2:
        return False
    return candidate.label != DISEASE or candidate.kind not in _LOOSE_KINDS


#: Units a number before them measures ("dexamethasone 40 mg", "disease 9 years earlier"): the number is no
#: part of the entity before it.
_UNITS = frozenset({"mg", "g", "kg", "ug", "µg", "mcg", "microg", "microgram", "micrograms", "ng", "ml", "l", "mmol",
                    "micromol", "µmol", "nmol", "mm", "um", "µm", "nm", "iu", "u", "units", "%", "h", "hr", "hrs",
                    "hour", "hours", "min", "minute", "minutes", "s", "sec", "day", "days", "week", "weeks", "wk",
                    "month", "months", "year", "years", "yr", "yrs", "times"})  # fmt: skip


def _without_quantity(ent: Span) -> Span:
    """``ent`` without a number it ends in that measures what follows ("edrophonium 1 mg kg-1"), and the
    "of" that is then left ("diabetes of 2 months duration"); a word of the entity always stays."""
    doc, end = ent.doc, ent.end
    if not (len(ent) >= 2 and end < len(doc) and ent[-1].like_num and doc[end].lower_ in _UNITS and ent[-2].whitespace_):
        return ent
    end -= 2 if len(ent) >= 3 and ent[-2].lower_ == "of" else 1
    return Span(doc, ent.start, end, label=ent.label_)


def _type_number_end(ent: Span) -> int | None:
    """The end of "<ent> 63" or "<ent> type 4" (a number of at most three digits), or None."""
    doc = ent.doc
    end = ent.end + (2 if ent.end < len(doc) and doc[ent.end].lower_ == "type" else 1)
    number = doc[end - 1] if end <= len(doc) else None
    return end if number is not None and number.is_digit and len(number) <= 3 else None


def _label_set(labels: bool | str | Sequence[str]) -> frozenset[str]:
    """The labels a ``drop_unlinked`` setting names: True every label, False none, a label itself."""
    if isinstance(labels, bool):
        return frozenset(LABELS if labels else ())
    return frozenset((labels,) if isinstance(labels, str) else labels)


@Language.factory(
    "entitylink_linker",
    default_config={
        "ontologies": None,
        "cache_dir": None,
        "fuzzy_threshold": 0.85,
        "max_alternatives": 5,
        "drop_unlinked": [SPECIES],
        "priors": True,
        "prior_min_count": 1,
        "prior_min_share": 0.6,
        "prior_min_count_unnamed": dict(_PRIOR_MIN_COUNT_UNNAMED),
        "therapy_sense": True,
        "gene_symbols": True,
        "strain_designations": True,
        "mesh_newest": None,
    },  # fmt: skip
)
class EntityLinker:
    """Links every entity of ``doc.ents`` to the knowledge base.

    First every occurrence of a short form takes the label of its long form, and the reverse
    (:func:`~entitylink.pipeline.merge_policies.tie_abbreviations`), whichever recognizers ran;
    a DISEASE entity named as a virus or phage ("pepper huasteco geminivirus (PHV)") becomes a
    SPECIES. A virus followed by its type number grows to cover it when the taxonomy names the
    type ("HPV 63": Human papillomavirus type 63; an entity tagged with its number and no name is
    linked without it first), a genus followed by an epithet grows to the species the two name ("[Glomus]
    intraradices": Rhizophagus intraradices), an abbreviated binomial ("M. brunneum")
    links to the species the document spelled out, and a SPECIES entity nothing links is cut to its
    longest first words an exact name links ("HIV R5": HIV). A DISEASE entity nothing links takes
    the concept of its longest last words an exact disease name links ("radiocontrast nephropathy":
    kidney disorder), unless that is a word as vague as "disease" or a symbol precedes it ("TRAF2
    deficiency"). One that completes a list of words before it ("brain, breast, and [prostate cancer]") grows
    to cover it, linked as a coordination, when each word with its head names a disease. An amino acid
    named as a residue of a sequence ("proline 484", :mod:`entitylink.pipeline.residue_context`) is dropped,
    as is a chemical that begins a protein's name ("tyrosine kinase", :mod:`entitylink.pipeline.protein_context`),
    and so is "depressed" said of no person ("depressed cardiac function", :mod:`entitylink.pipeline.person_context`).
    Sets on each entity ``kb_id``, ``kb_ids``, ``kb_name``, ``score``, ``subtype``,
    ``alternatives``, ``common_name``, ``rank`` and, on species, ``species_role`` (see :mod:`entitylink.pipeline.extensions`), and
    spaCy's own ``ent.kb_id_``. A short form is linked as its long form, or as the
    entity its long form ends in ("allogeneic hematopoietic stem cell transplantation
    (allo-HSCT)"); a short form the document does not define links first to a concept the document
    names in full, else to a disease only by an exact name of more than two letters ("SLE": systemic lupus
    erythematosus; "AD" alone may be Alzheimer disease, atopic dermatitis or autosomal dominant), never by
    a related synonym or a prior ("mean +/- SD" is no sexual dysfunction), and to an organism not by two
    letters ("PV" is no poliovirus). In a document that mentions humans, a pathogen genus links to its
    human species (cytomegalovirus: NCBITaxon:10359). Exact (normalized) names come
    first; an entity no name matches gets the fuzzy candidates whose character 3-gram
    similarity is at least ``fuzzy_threshold`` (None: no fuzzy matching). A coordinated
    mention ("breast and ovarian cancer") links to its first concept with the ids of
    every conjunct in ``kb_ids``. Entities of
    labels other than DISEASE/SPECIES/THERAPY are linked to any concept;
    ``drop_unlinked`` lists the labels whose entities nothing links are removed (True: every label;
    default SPECIES: the whole NCBI Taxonomy names no organism "Pleistocene", "bogs" or
    "roleof", and on the dev splits 3 of 51 such SPECIES entities were gold, against 42% of the
    DISEASE ones and 60% of the THERAPY ones); of the others, those spelled as an HGNC
    gene symbol ("ATRX", with ``gene_symbols``: :func:`~entitylink.kb.gene_symbols.read_gene_symbols`),
    the short forms the document does not define ("PV" interneurons) and the abbreviations of which neither
    the long form nor any short form links ("inferior colliculus (IC)") are removed too.

    ``priors`` (True: the ones learned from the train and dev splits; a path: a file of
    :class:`~entitylink.linking.priors.LinkingPriors`; False: none) put first the identifier annotators gave
    a mention text at least ``prior_min_count`` times and ``prior_min_share`` of the times; over the
    candidates of the text's own names, an identifier none of them has only if given at least
    ``prior_min_count_unnamed[label]`` times (default: twice for THERAPY, where one annotation of
    "opioid" as Opioid Peptides would otherwise override Analgesics, Opioid in every text).

    ``therapy_sense``: a cell, tissue or blood product the text gives as a treatment
    (:mod:`entitylink.pipeline.therapy_context`) links to its procedure, the cell kept as the first
    alternative ("MSC infusion": Mesenchymal Stem Cell Transplantation); an initialism of such a
    cell nothing else links becomes a therapy ("HSC"); and therapy mentions no recognizer tagged
    are added: an initialism before a noun of giving ("RBC transfusion") and a procedure named by
    its last word after a procedure of the document ("conditioning": Transplantation Conditioning).

    ``strain_designations``: a strain's code ("strain 15-Je-017", "=DSM 45357") becomes an entity of the
    species the document names nearest to it (:mod:`entitylink.pipeline.strain_designations`).

    ``mesh_newest``: the newest MeSH descriptor of an earlier MeSH release (``"D066126"``), or its newest
    descriptor and supplementary concept (``"D061325,C548028"``), whose ids ``kb_ids`` and the PubTator id
    should follow, as a corpus annotated with it does: a descriptor created since gives way to the headings
    it refines ("hemorrhagic cystitis": Cystitis), a supplementary concept to the disease's OMIM id
    (:func:`~entitylink.kb.mesh_release.ids_as_of`). None: MeSH 2024's own ids.
    """

    def __init__(self, nlp: Language, name: str = "entitylink_linker", *,
                 ontologies: Mapping[str, str | None] | None = None, cache_dir: str | None = None,
                 fuzzy_threshold: float | None = 0.85, max_alternatives: int = 5, drop_unlinked: bool | str | Sequence[str] = (SPECIES,),
                 priors: bool | str = True, prior_min_count: int = 1, prior_min_share: float = 0.6,
                 prior_min_count_unnamed: Mapping[str, int] | None = None,
                 therapy_sense: bool = True, gene_symbols: bool = True, strain_designations: bool = True,
                 mesh_newest: str | None = None, grounder: Grounder | None = None) -> None:  # fmt: skip
        register_extensions()
        self.name = name
        self.fuzzy_threshold = fuzzy_threshold
        self.max_alternatives = max_alternatives
        self.drop_unlinked = _label_set(drop_unlinked)
        self.grounder = grounder or shared_grounder(ontologies, cache_dir)
        self.priors = _read_priors(None if priors is True else priors) if priors else None
        self.prior_min_count = prior_min_count
        self.prior_min_share = prior_min_share
        unnamed = _PRIOR_MIN_COUNT_UNNAMED if prior_min_count_unnamed is None else prior_min_count_unnamed
        self.prior_min_count_unnamed = dict(unnamed)
        self.therapy_sense = therapy_sense
        self.gene_symbols = read_gene_symbols() if gene_symbols else frozenset()
        self.strain_designations = strain_designations
        self.mesh_release = None if mesh_newest is None else mesh_release(mesh_newest)

    def candidates(self, text: str, label: str | None) -> tuple[Candidate, ...]:
        """The ranked candidates for a mention text of a given label: exact names, else fuzzy ones."""
        return self.grounder.ground(text, _labels(label)) or self._fuzzy(text, label)

    def _fuzzy(self, text: str, label: str | None) -> tuple[Candidate, ...]:
        if self.fuzzy_threshold is None:
            return ()
        return self.grounder.fuzzy_candidates(text, _labels(label), self.fuzzy_threshold)

    @staticmethod
    def _from_long_form_head(ent: Span, abbreviations: Abbreviations, linked_by_end: _LinkedByEnd) -> tuple[Candidate, ...]:
        """A short form whose long form ends in a linked entity ("allogeneic [HSCT]" for "allo-HSCT") links like it,
        unless the entity follows an "of": the short form names what comes before ("duration of [catatonia]
        (DOC)", "Studies of [Left Ventricular Dysfunction] (SOLVD)")."""
        occurrence = abbreviations.by_start.get(ent.start)
        if occurrence is None or occurrence.end != ent.end:
            return ()
        head, found = linked_by_end.get(occurrence.long_end, (None, ()))
        if head is None or head.start < occurrence.long_start:
            return ()
        if any(token.lower_ == "of" for token in ent.doc[occurrence.long_start : head.start]):
            return ()
        return tuple(dataclasses.replace(c, score=round(c.score * _HEAD_WEIGHT, 4)) for c in found)

    def _drug_short_form(self, ent: Span, text: str) -> tuple[Candidate, ...]:
        """A drug's short form whose long form names nothing ("1-(2-chloroethyl)-3-cyclohexyl-1-nitrosourea
        (CCNU)") links by its own name, when that names a drug MeSH describes: not a supplementary
        concept (one mapped to descriptors), whose short forms are codes of research chemicals that
        collide ("TOTP": tri-o-cresyl phosphate, tri-o-tolylphosphine)."""
        if ent.label_ != THERAPY or text == ent.text:
            return ()
        found = self.grounder.ground(ent.text, _labels(THERAPY))
        return tuple(c for c in found if c.subtype == DRUG and not self.grounder.kb[c.curie].mapped_to)

    def _coordinated(self, text: str, label: str | None) -> tuple[Candidate, ...]:
        """A coordinated mention ("breast and ovarian cancer") as its first concept carrying the ids of all,
        the others as alternatives; all as sure as the least sure of them."""
        conjuncts = self.grounder.coordinated(text, _labels(label))
        if not conjuncts:
            return ()
        ids = tuple(dict.fromkeys(i for c in conjuncts for i in c.ids))
        score = min(c.score for c in conjuncts)
        first = dataclasses.replace(
            conjuncts[0], ids=ids, kind="coordinated", score=score, conjuncts=tuple(c.ids for c in conjuncts)
        )
        return (first, *(dataclasses.replace(c, score=score) for c in conjuncts[1:]))

    def _plural_coordination(self, text: str, label: str, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A coordination with a plural head ("breast and ovarian cancers") names several concepts, before the
        one concept its singular names (hereditary breast and ovarian cancer syndrome)."""
        head = text.rsplit(" ", 1)[-1].lower()
        if not head.endswith("s") or head.endswith(_SINGULAR_S_ENDINGS):
            return found
        conjuncts = self._coordinated(text, label)
        return (*conjuncts, *(c for c in found if c not in conjuncts)) if conjuncts else found

    def _with_prior(self, ent: Span, text: str, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """``found`` with the candidate of the prior's identifier for the mention first, if it has one."""
        label, priors = ent.label_, self.priors
        if priors is None:
            return found
        curie = priors.best(label, text, self.prior_min_count, self.prior_min_share)
        if curie is None or (found and curie in found[0].ids):
            return found
        for candidate in found:
            if curie in candidate.ids:
                return (candidate, *(c for c in found if c is not candidate))
        unnamed_min_count = self.prior_min_count_unnamed.get(label, 0)
        if found and curie in self.grounder.kb and priors.count(label, text, curie) < unnamed_min_count:
            return found
        prior = self.grounder.concept_candidate(curie, frozenset({label}), _PRIOR_SCORE, ent.text, "prior")
        return (prior, *found) if prior is not None else self._with_retired_id(curie, found)

    def _with_retired_id(self, curie: str, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """``found`` with ``curie``, a MeSH id the annotators gave the mention text that MeSH 2024 no
        longer has (a supplementary concept since made a heading: sevoflurane C009250, now D000077149),
        among the ids of the candidate the text names by its own name."""
        if not found or found[0].kind not in _NAMED_KINDS or ontology_of(curie) != "mesh" or curie in self.grounder.kb:
            return found
        return (dataclasses.replace(found[0], ids=(*found[0].ids, curie)), *found[1:])

    @staticmethod
    def _undefined_short_forms(ents: list[Span], abbreviations: Abbreviations,
                               found_per_ent: list[tuple[Candidate, ...]]) -> list[tuple[Candidate, ...]]:  # fmt: skip
        """A short form the document does not define ("DM" after "Myotonic dystrophy (DM)", a definition
        the detector cannot read) takes first the concept the document names in full; else it links
        to a disease only by an exact name, never by a related synonym or a prior."""
        undefined = [abbreviations.is_undefined_short_form(ent.start, ent.end) for ent in ents]
        named = {i for found, short in zip(found_per_ent, undefined) if found and not short for i in found[0].ids}
        resolved = []
        for ent, found, short in zip(ents, found_per_ent, undefined):
            if short:
                in_text = tuple(c for c in found if named.intersection(c.ids))
                rest = (c for c in found if c not in in_text and _trusted_when_undefined(c, ent.text))
                found = (*in_text, *rest)
            resolved.append(found)
        return resolved

    def _abbreviated_binomials(self, ents: list[Span], found_per_ent: list[tuple[Candidate, ...]]) -> list[tuple[Candidate, ...]]:
        """ "M. brunneum": the species the document spelled out ("Metarhizium brunneum"); unlinked, the
        species of a genus the document names, else the only one."""
        species = [(ent, found[0]) for ent, found in zip(ents, found_per_ent) if found and found[0].label == SPECIES]
        genera = {best.name.split()[0].lower() for _, best in species}
        spelled_out = [(ent.text.lower().split(), best) for ent, best in species if WRITTEN_BINOMIAL.fullmatch(ent.text)]
        resolved = []
        for ent, found in zip(ents, found_per_ent):
            match = _BINOMIAL.fullmatch(ent.text) if ent.label_ in (SPECIES, "") else None
            if match is not None:
                initials, epithet = match[1].lower(), match[2]
                named = [
                    best
                    for (genus, named_epithet), best in spelled_out
                    if genus.startswith(initials) and named_epithet == epithet
                ]
                if named:
                    found = (dataclasses.replace(named[0], matched=ent.text, kind="abbreviated"), *found)
                elif not found:
                    abbreviated = self.grounder.abbreviated_species(match[1], match[2], genera)
                    found = (abbreviated,) if abbreviated is not None else found
            resolved.append(found)
        return resolved

    def _linked_parts(self, ents: list[Span], found_per_ent: list[tuple[Candidate, ...]]) -> _Linked:
        """An entity of several words that nothing links is linked by the part an exact name links: a SPECIES
        is cut to its longest first words ("HIV R5": HIV), else to its longest last words after a gene's symbol
        ("Shank3 mutant mice": mice; but "Amami rabbit" is no rabbit), unless its last word is a virus or phage
        ("pepper huasteco geminivirus" is no pepper); a DISEASE keeps its words and takes the concept of its
        longest last words, as its first words are modifiers ("radiocontrast nephropathy": kidney disorder),
        unless they are a word as vague as "disease"."""
        entities, resolved = [], []
        for ent, found in zip(ents, found_per_ent):
            if not found and ent.label_ == SPECIES and not _VIRUS_HEAD.fullmatch(ent[-1].text):
                gene = self._first_gene(ent)
                prefixes = (ent.doc[ent.start : end] for end in range(ent.end - 1, ent.start, -1))
                suffixes = (ent.doc[start : ent.end] for start in range(gene + 1, ent.end)) if gene is not None else ()
                ent, found = self._linked_part(ent, prefixes) or self._linked_part(ent, suffixes) or (ent, found)
            elif not found and ent.label_ == DISEASE:
                found = self._linked_suffix(ent)
            entities.append(ent)
            resolved.append(found)
        return entities, resolved

    def _first_gene(self, ent: Span) -> int | None:
        """The first token of ``ent`` spelled as a gene's symbol, in any case but lower ("Shank3", "FMR1"), or
        None: what follows it is an organism with that gene changed."""
        return next((token.i for token in ent if not token.is_lower and token.text.upper() in self.gene_symbols), None)

    def _linked_part(self, ent: Span, parts: Iterable[Span]) -> tuple[Span, tuple[Candidate, ...]] | None:
        """The first of ``parts`` (of ``ent``, longest first) an exact name links, as an entity of ``ent``'s
        label, and its candidates; None if none does before a part of one stop word or letter."""
        for part in parts:
            if len(part) == 1 and (part[0].is_stop or len(part[0]) < 2):
                return None
            exact = tuple(c for c in self.grounder.exact(part.text, _labels(ent.label_)) if c.kind not in _LOOSE_KINDS)
            if exact:
                return Span(ent.doc, part.start, part.end, label=ent.label_), exact
        return None

    def _genera_with_epithets(self, ents: list[Span], found_per_ent: list[tuple[Candidate, ...]]) -> _Linked:
        """A genus followed by an epithet no entity covers ("[Glomus] intraradices") becomes one entity, the
        species the two name, as the taxonomy spells it or otherwise (Rhizophagus intraradices)."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        entities, resolved = [], []
        for ent, found in zip(ents, found_per_ent):
            doc = ent.doc
            if found and found[0].rank == "genus" and len(ent) == 1 and ent.end < len(doc) and ent.end not in taken:
                binomial = f"{ent.text} {doc[ent.end].text}"
                named = self.grounder.ground(binomial, _labels(SPECIES)) if WRITTEN_BINOMIAL.fullmatch(binomial) else ()
                species = tuple(c for c in named if c.rank in _EPITHET_RANKS and c.kind in _BINOMIAL_KINDS)
                if species and ent[0].whitespace_:
                    ent, found = Span(doc, ent.start, ent.end + 1, label=SPECIES), species
            entities.append(ent)
            resolved.append(found)
        return entities, resolved

    def _numbered_types(self, ents: list[Span], found_per_ent: list[tuple[Candidate, ...]]) -> _Linked:
        """A virus followed by its type number ("HPV 63", "HPV type 4") becomes one entity when the taxonomy
        names that type ("Human papillomavirus type 63")."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        entities, resolved = [], []
        for ent, found in zip(ents, found_per_ent):
            end = _type_number_end(ent)
            if found and ent.label_ == SPECIES and end is not None and taken.isdisjoint(range(ent.end, end)):
                typed = self._numbered_type(found[0], ent.doc[end - 1].text)
                if typed:
                    ent, found = Span(ent.doc, ent.start, end, label=SPECIES), typed
            entities.append(ent)
            resolved.append(found)
        return entities, resolved

    def _coordinated_lists(self, ents: list[Span], found_per_ent: list[tuple[Candidate, ...]]) -> _Linked:
        """A linked disease of several words after a list of words it completes ("brain, breast, and [prostate
        cancer]") grows to cover the list, linked as a coordination, when every word with its head names a
        disease ("brain cancer", "breast cancer")."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        entities, resolved = [], []
        for ent, found in zip(ents, found_per_ent):
            if found and ent.label_ == DISEASE and len(ent) > 1:
                grown = self._coordinated_list(ent, taken)
                if grown:
                    ent, found = grown
            entities.append(ent)
            resolved.append(found)
        return entities, resolved

    def _coordinated_list(self, ent: Span, taken: set[int]) -> tuple[Span, tuple[Candidate, ...]] | None:
        """The longest "W, W, and <ent>" before ``ent`` that the grounder reads as a coordination, or None."""
        doc, best = ent.doc, None
        start = ent.start - 1
        if start < 1 or doc[start].lower_ not in _CONJUNCTIONS:
            return None
        start -= 1 if doc[start - 1].text == "," else 0
        while start >= 1 and self._completed_by(doc[start - 1], ent) and start - 1 not in taken:
            start -= 1
            span = Span(doc, start, ent.end, label=DISEASE)
            conjuncts = self._coordinated(span.text, DISEASE)
            if not conjuncts:
                break
            best = (span, conjuncts)
            if start < 2 or doc[start - 1].text != ",":
                break
            start -= 1
        return best

    def _completed_by(self, word: Token, ent: Span) -> bool:
        """Whether ``word`` followed by the last words of ``ent`` names a disease ("brain" + "cancer")."""
        if not word.is_alpha or word.is_stop:
            return False
        heads = (ent[-k:].text for k in range(len(ent) - 1, 0, -1))
        return any(self.grounder.exact(f"{word.text} {head}", _labels(DISEASE)) for head in heads)

    def _numbered_type(self, virus: Candidate, number: str) -> tuple[Candidate, ...]:
        for text in (f"{virus.name} type {number}", f"{virus.name} {number}"):
            found = self.grounder.ground(text, _labels(SPECIES))
            if found and found[0].label == SPECIES and self.grounder.is_pathogen(found[0].curie):
                return found
        return ()

    def _in_human(self, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """In a document about humans, a pathogen genus becomes its human species (CMV: human cytomegalovirus)."""
        refined = self.grounder.host_species(found[0]) if found else None
        return (refined, *found) if refined is not None else found

    def _given_senses(self, ents: list[Span], found_per_ent: list[tuple[Candidate, ...]]) -> list[tuple[Candidate, ...]]:
        """Cells and tissues given as treatments as their procedures; unlinked initialisms of them as the cells."""
        therapy_tokens = {i for ent in ents if ent.label_ == THERAPY for i in range(ent.start, ent.end)}
        resolved = []
        for ent, found in zip(ents, found_per_ent):
            if not found and ent.label_ in LABELS:
                cell = self.grounder.initialism_candidate(ent.text)
                found = (cell,) if cell is not None else ()
            procedure = self.grounder.procedure_candidate(found[0]) if found and found[0].label == THERAPY else None
            if procedure is not None and given_as_treatment(ent, therapy_tokens):
                found = (procedure, *found)
            resolved.append(found)
        return resolved

    def _unnamed_procedures(self, doc: Doc, ents: list[Span], abbreviations: Abbreviations,
                            found_per_ent: list[tuple[Candidate, ...]]) -> list[tuple[Span, Candidate]]:  # fmt: skip
        """Therapy mentions no recognizer tagged: "RBC transfusion", and "conditioning" in a document
        that names a transplantation."""
        covered = {i for ent in ents for i in range(ent.start, ent.end)}
        procedures = (found[0].name for found in found_per_ent if found and found[0].subtype in (PROCEDURE, CELL_THERAPY))
        qualifiers = sorted({normalize(word) for name in procedures for word in name.split()} - {""})
        added: list[tuple[Span, Candidate]] = []
        if not qualifiers and not mentions_procedure_word(abbreviations.text):
            return added
        for token in doc:
            if token.i in covered:
                continue
            if token.i + 1 < len(doc) and token.i + 1 not in covered and procedure_word(doc[token.i + 1].text):
                found = self.grounder.initialism_candidate(token.text, given=True)
                if found is not None:
                    added.append((Span(doc, token.i, token.i + 2, label=THERAPY), found))
                    covered.add(token.i + 1)
                    continue
            wordlike = qualifiers and token.is_lower and token.is_alpha and len(token) > 3
            elliptic = self.grounder.elliptic_procedure(token.text, qualifiers) if wordlike else None
            if elliptic is not None:
                added.append((Span(doc, token.i, token.i + 1, label=THERAPY), elliptic))
        return added

    def _linked_suffix(self, ent: Span) -> tuple[Candidate, ...]:
        """The candidates of the longest last words of ``ent`` an exact disease name links, or ()."""
        doc = ent.doc
        for start in range(ent.start + 1, ent.end):
            if _NAMES_A_KIND.search(doc[start - 1].text):
                return ()
            suffix = doc[start : ent.end]
            if len(suffix) == 1 and (suffix[0].is_stop or len(suffix[0]) < 3 or suffix[0].lower_ in _VAGUE_DISEASES):
                return ()
            exact = self.grounder.exact(suffix.text, _labels(DISEASE))
            if exact:
                return exact
        return ()

    def _part_of_a_protein(self, ent: Span, best: Candidate) -> bool:
        """Whether a therapy is an amino acid the text names as a residue of a sequence ("proline 484"), or a
        chemical that begins a protein's name ("tyrosine kinase", "zinc finger")."""
        if best.label != THERAPY or not best.curie.startswith("MESH:"):
            return False
        if best.subtype == DRUG and names_a_protein(ent):
            return True
        concept = self.grounder.kb.get(best.curie)
        return concept is not None and is_amino_acid(concept) and in_sequence_context(ent)

    @staticmethod
    def _not_of_a_person(ent: Span) -> bool:
        """Whether a disease word that names a disorder only of a person ("depressed") is said of no person."""
        return ent.label_ == DISEASE and ent.text.lower() in PERSON_STATES and not said_of_a_person(ent)

    def _without_type_number(self, ent: Span) -> Span:
        """A SPECIES entity no name links that ends in a type number ("HPV 63", "HPV type 4", tagged whole)
        without it: the virus is linked first, and the number joins it again if the taxonomy names that type."""
        if ent.label_ != SPECIES or len(ent) < 2 or not (ent[-1].is_digit and len(ent[-1]) <= 3 and ent[-2].whitespace_):
            return ent
        if self.grounder.ground(ent.text, _labels(SPECIES)):  # "herpes simplex virus type 1" is a name
            return ent
        end = ent.end - (2 if len(ent) > 2 and ent[-2].lower_ == "type" else 1)
        return Span(ent.doc, ent.start, end, label=SPECIES)

    def _unknown_word(self, ent: Span, abbreviations: Abbreviations, unnamed: set[tuple[int, int]]) -> bool:
        """Whether an entity nothing links is a gene symbol ("ATRX"), a short form the document does not
        define ("PV" interneurons), or a long form or short form of an abbreviation nothing links
        (``unnamed``: "inferior colliculus (IC)", "light-enhanced startle paradigm (LES)"): no reader could tell
        what it names, so it is dropped."""
        return (ent.text in self.gene_symbols or abbreviations.is_undefined_short_form(ent.start, ent.end)
                or abbreviations.definition_of(ent.start, ent.end) in unnamed)  # fmt: skip

    @staticmethod
    def _unnamed_abbreviations(
        pairs: list[tuple[Span, tuple[Candidate, ...]]], abbreviations: Abbreviations
    ) -> set[tuple[int, int]]:
        """The long forms (token bounds) of the abbreviations that are entities and of which nothing links,
        neither the long form nor any short form."""
        tagged, linked = set(), set()
        for ent, found in pairs:
            definition = abbreviations.definition_of(ent.start, ent.end)
            if definition is not None:
                tagged.add(definition)
                if found:
                    linked.add(definition)
        return tagged - linked

    def __call__(self, doc: Doc) -> Doc:
        abbreviations = Abbreviations(doc)
        entities = [self._without_type_number(_organism_by_head(_without_quantity(ent), abbreviations)) for ent in doc.ents]
        doc.ents = tie_abbreviations(doc, entities, abbreviations)
        ents = list(doc.ents)  # sorted; each read of ``doc.ents`` builds every Span again
        texts = [abbreviations.expand_span(ent) for ent in ents]
        found_per_ent = [self.grounder.ground(text, _labels(ent.label_)) for ent, text in zip(ents, texts)]
        linked_by_end = {ent.end: (ent, found) for ent, found in zip(ents, found_per_ent) if found}
        found_per_ent = [self._with_prior(ent, text, found or self._from_long_form_head(ent, abbreviations, linked_by_end)
                                          or self._drug_short_form(ent, text))
                         for ent, text, found in zip(ents, texts, found_per_ent)]  # fmt: skip
        found_per_ent = [self._plural_coordination(text, ent.label_, found) if found
                         else self._coordinated(text, ent.label_) or self._fuzzy(text, ent.label_)
                         for ent, text, found in zip(ents, texts, found_per_ent)]  # fmt: skip
        found_per_ent = self._undefined_short_forms(ents, abbreviations, found_per_ent)
        ents, found_per_ent = self._genera_with_epithets(ents, found_per_ent)
        found_per_ent = self._abbreviated_binomials(ents, found_per_ent)
        ents, found_per_ent = self._numbered_types(ents, found_per_ent)
        ents, found_per_ent = self._coordinated_lists(ents, found_per_ent)
        ents, found_per_ent = self._linked_parts(ents, found_per_ent)
        if any(found and found[0].curie == HUMAN for found in found_per_ent):
            found_per_ent = [self._in_human(found) for found in found_per_ent]
        pairs = list(zip(ents, found_per_ent))
        if self.therapy_sense:
            pairs = list(zip(ents, self._given_senses(ents, found_per_ent)))
            pairs += [(span, (found,)) for span, found in self._unnamed_procedures(doc, ents, abbreviations, found_per_ent)]
        if self.strain_designations:
            pairs = strain_designations(doc, pairs)
        unnamed = self._unnamed_abbreviations(pairs, abbreviations)
        linked: list[Span] = []
        for ent, found in sorted(pairs, key=lambda pair: pair[0].start):
            if (found and self._part_of_a_protein(ent, found[0])) or self._not_of_a_person(ent):
                continue
            if not found:
                if ent.label_ not in self.drop_unlinked and not self._unknown_word(ent, abbreviations, unnamed):
                    ent._.species_role = OTHER if ent.label_ == SPECIES else None
                    linked.append(ent)
                continue
            best = found[0]
            label = best.label if ent.label_ in LABELS else ent.label_
            span = Span(doc, ent.start, ent.end, label=label, kb_id=best.curie)
            span._.kb_id = best.curie
            span._.kb_ids = self._as_of(best.ids)
            span._.conjuncts = [self._as_of(ids) for ids in best.conjuncts]
            span._.kb_name = best.name
            span._.score = best.score
            span._.subtype = best.subtype
            span._.alternatives = [c.to_dict() for c in found[1 : 1 + self.max_alternatives]]
            span._.common_name = best.common_name
            span._.rank = best.rank
            if label == SPECIES:
                span._.species_role = species_role(
                    span, best.curie.startswith("NCBITaxon:") and self.grounder.is_pathogen(best.curie)
                )
            linked.append(span)
        doc.ents = linked
        return doc

    def _as_of(self, ids: tuple[str, ...]) -> list[str]:
        """``ids`` as the MeSH release of ``mesh_newest`` gives them (MeSH 2024's when it is None)."""
        return list(ids if self.mesh_release is None else ids_as_of(self.grounder.kb, ids, self.mesh_release))


@lru_cache(maxsize=4)
def _read_priors(path: str | None) -> LinkingPriors:
    return LinkingPriors.read(None if path is None else Path(path))


def _labels(label: str | None) -> frozenset[str] | None:
    """The labels a mention's candidates may have: its own if it is one of ours, else any."""
    return frozenset({label}) if label in LABELS else None
