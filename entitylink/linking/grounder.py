"""Grounding: from a mention's text to ranked, labelled candidate concepts.

The :class:`Grounder` turns the knowledge base's name matches into one candidate
per entity, identified in the label's primary ontology (MONDO for diseases, NCBI
Taxonomy for species, MeSH for therapies) and carrying the equivalent ids of the
other ontologies, so that a disease's MONDO and MeSH ids always name the same
thing. Ranking is label > exact synonym > abbreviation > related synonym; among
MONDO classes reached through a MeSH name, the ones the text itself names come
first, so a grouping class never wins over the class whose label matches.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from entitylink.curie import ontology_of, prefix_of
from entitylink.kb.category import Category, categorize
from entitylink.kb.concept import Match
from entitylink.kb.epithet import epithet_stem
from entitylink.kb.knowledge_base import ONTOLOGY_PRIORITY, KnowledgeBase
from entitylink.kb.mesh_tree import heading_branches, heading_depth
from entitylink.labels import DISEASE, DRUG, DRUG_CLASS, PRIMARY_ONTOLOGY, PROCEDURE, SPECIES, THERAPY
from entitylink.linking.candidate_generation import CharNgramCandidateGenerator
from entitylink.linking.chemical_formulas import formula_name
from entitylink.linking.disease_adjectives import ADJECTIVE_HEADS, noun_forms
from entitylink.linking.disease_types import type_variants
from entitylink.linking.inheritance import inheritance, is_unnamed
from entitylink.linking.mondo_equivalents import MondoEquivalents
from entitylink.linking.organ_adjectives import with_organ_adjectives, with_organ_nouns
from entitylink.linking.prepositional_phrases import site_first
from entitylink.linking.salt_forms import parent_compound
from entitylink.linking.therapy_sense import TherapySense
from entitylink.normalize import normalize

__all__ = [
    "HUMAN",
    "HUMAN_WORDS",
    "INFECTION_HEADS",
    "NON_HUMAN_ANIMAL_DISEASE",
    "ORGANISM_ADJECTIVES",
    "PATHOGEN_ROOTS",
    "VIRUS_LINEAGE",
    "WRITTEN_BINOMIAL",
    "Candidate",
    "Grounder",
    "shared_grounder",
]

HUMAN = "NCBITaxon:9606"
#: Words of clinical text that imply human subjects, linked to Homo sapiens as PubTator does (normalized forms).
HUMAN_WORDS = frozenset({"patient", "inpatient", "outpatient", "woman", "man", "child", "infant", "newborn", "neonate",
                         "boy", "girl", "adult", "adolescent", "human", "person", "people", "volunteer"})  # fmt: skip
#: Adjectives that name an organism ("murine" models are mouse models), linked to the species they mean.
ORGANISM_ADJECTIVES = {
    "murine": "NCBITaxon:10090", "feline": "NCBITaxon:9685", "canine": "NCBITaxon:9615", "bovine": "NCBITaxon:9913",
    "porcine": "NCBITaxon:9823", "ovine": "NCBITaxon:9940", "caprine": "NCBITaxon:9925", "equine": "NCBITaxon:9796",
}  # fmt: skip
#: The taxa whose descendants are pathogens: Viruses, Bacteria, Fungi.
PATHOGEN_ROOTS = frozenset({"NCBITaxon:10239", "NCBITaxon:2", "NCBITaxon:4751"})
#: MONDO's diseases of animals other than humans ("lymphoproliferative disease, dog").
NON_HUMAN_ANIMAL_DISEASE = frozenset({"MONDO:0005583"})
#: Last words that turn a pathogen into a disease: "CMV reactivation" -> cytomegalovirus infection.
#: What separates the conjuncts of a coordinated mention ("breast and ovarian cancer", "breast/ovarian cancer").
_COORDINATION = re.compile(r"\s*(?:,\s*and\b|,\s*or\b|\band/or\b|\band\b|\bor\b|,|/)\s*")
INFECTION_HEADS = frozenset({"infection", "reactivation", "disease", "viremia", "viraemia", "bacteremia", "sepsis"})
#: Severity, course and response words that leave the disease what it is ("severe refractory anemia": anemia).
_MODIFIERS = frozenset({"severe", "mild", "moderate", "chronic", "refractory", "nonregenerative", "non-regenerative",
                        "regenerative", "recurrent", "persistent", "progressive", "intractable", "relapsed", "transient"})  # fmt: skip
#: A cause before the disease ("FeLV-associated anemia", "drug-induced hepatitis").
_CAUSED_BY = re.compile(r"^\S+?-(?:associated|induced|related|mediated)\s+", re.IGNORECASE)
#: A chemical's name before "-induced" ("levodopa-induced dyskinesias").
_INDUCED_BY = re.compile(r"^(\S+?)-induced\s", re.IGNORECASE)
#: How the ontologies name a disease a chemical causes ("drug-induced dyskinesia", "substance-induced psychosis").
_CHEMICAL_CAUSES = ("drug-induced", "substance-induced")
#: Last words of phrases that name a class of diseases of what comes before ("hematologic abnormalities"),
#: in the singular that :func:`~entitylink.normalize.normalize` gives every number of them.
_VAGUE_HEADS = frozenset({"abnormality", "anomaly", "dysfunction", "disturbance", "complication", "problem",
                          "manifestation", "hypoplasia", "aplasia", "hyperplasia", "dysplasia", "involvement",
                          "damage", "injury", "impairment", "toxicity", "lesion", "malformation"})  # fmt: skip
#: Vague heads of inborn defects, whose class MeSH names "<organ> Abnormalities" before any disease class ("eye
#: anomalies": Eye Abnormalities, as NCBI-disease, BioRED and BC5CDR annotate them).
_CONGENITAL_HEADS = frozenset({"anomaly", "malformation"})
#: A compound's code: letters, then a number ("KF17837", "Ro15-1788", "MK-801").
_COMPOUND_CODE = re.compile(r"([A-Za-z]{1,5})[- ]?(\d[\d,.-]*[A-Za-z]?)")
#: A Latin name of two or more words, as a species or subspecies is written ("Alnus alnobetula fruticosa").
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [a-z][a-z-]+)+")
#: A virus's short form followed by its host's, a lineage ("SIVmac", "SIVmac239"; not the protein "CMVpp65").
VIRUS_LINEAGE = re.compile(r"([A-Z]{2,5}V)(?:[a-z]{2,4}|[a-z]{3,4}\d+)")
#: A binomial as a text writes it: (genus, epithet).
WRITTEN_BINOMIAL = re.compile(r"([A-Z][a-z]+) ([a-z]{3,})")
#: A receptor's or neuron's adjective, which MeSH gives as a name of its agents' class ("Cholinergic", "Muscarinic":
#: Cholinergic Agents) but which, alone, modifies a noun ("muscarinic receptor", "dopaminergic neurons").
_CLASS_ADJECTIVE = re.compile(r"[A-Za-z]+(?:ergic|inic)")
#: The labels of a rewritten disease mention's lookups.
_DISEASES = frozenset({DISEASE})
_FUZZY_WEIGHT = 0.9
_IMPLICIT_SCORE = 0.9
_DERIVED_WEIGHT = 0.9
_ABBREVIATED_SCORE = 0.9
_RENAMED_SCORE = 0.8
_GENUS_MARGIN = 0.1
#: How many generations of MONDO ancestors :meth:`Grounder.broader_mesh` climbs for a MeSH heading.
_BROADER_GENERATIONS = 3


@dataclass(frozen=True)
class Candidate:
    """One concept a mention may name."""

    #: identifier in the label's primary ontology (``MONDO:0018874``), else in MeSH
    curie: str
    #: the concept's preferred name
    name: str
    label: str
    #: therapies: ``drug``, ``procedure`` or ``cell therapy``
    subtype: str | None
    score: float
    #: ``curie`` and its equivalents: MeSH for MONDO and taxa, OMIM for MONDO (exact matches)
    ids: tuple[str, ...]
    #: the ontology name that matched the mention
    matched: str
    #: how: ``label``, ``exact``, ``abbreviation``, ``related``, ``implicit`` (human subjects),
    #: ``adjective`` ("murine": mouse; "psychotic": psychosis), ``abbreviated`` (binomial), ``renamed``
    #: (a binomial of an earlier genus or spelling), ``infection``, ``fuzzy``, ``prior`` (learned from the corpora),
    #: ``salt`` (a salt named by its parent drug: "bupropion HCl"),
    #: ``coordinated`` ("breast and ovarian cancer": the ids of every conjunct), ``given`` (a cell or
    #: tissue given as a treatment: its procedure), ``initialism`` ("HSC"), ``elliptic`` ("conditioning"),
    #: ``strain`` (a strain's code, "DSM 45357": the species it belongs to), ``lineage`` ("SIVmac": its virus)
    #: or ``learned`` (a mention text the corpora nearly always annotate, "toxicity")
    kind: str
    #: taxa: the common name ("human") and rank ("species")
    common_name: str | None = None
    rank: str | None = None
    #: a coordination ("breast and ovarian cancer"): the ids of each concept it names, in the order of the text
    conjuncts: tuple[tuple[str, ...], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The candidate as an alternative of an entity lists it (without its conjuncts); its fields are
        flat, so they are read directly rather than through :func:`dataclasses.asdict`, which copies deeply."""
        found = {field.name: getattr(self, field.name) for field in dataclasses.fields(self) if field.name != "conjuncts"}
        return {**found, "ids": list(self.ids)}


class Grounder:
    """Ranked :class:`Candidate` lists for mention texts, from exact (normalized) names, then fuzzy ones.

    Components share one grounder per process (:func:`shared_grounder`); its caches
    make repeated mentions cheap.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        names = (key for name, part in kb.parts.items() if name != "mesh-supplementary" for key in part.keys())  # noqa: SIM118 (TermIndex.keys)
        self.fuzzy = CharNgramCandidateGenerator(names)
        self.category = lru_cache(maxsize=None)(self._category)
        self.mondo = MondoEquivalents(kb, lambda curie: self.category(curie) == Category(DISEASE))
        self.therapy = TherapySense(kb)
        self._names = lru_cache(maxsize=100_000)(self._concept_names)
        self.ground = lru_cache(maxsize=100_000)(self._ground)
        self.exact = lru_cache(maxsize=100_000)(self._exact)
        self.is_pathogen = lru_cache(maxsize=10_000)(self._is_pathogen)
        self.is_animal_disease = lru_cache(maxsize=10_000)(self._is_animal_disease)
        self.broader_mesh = lru_cache(maxsize=10_000)(self._broader_mesh)
        self._mondo_heading = lru_cache(maxsize=10_000)(self.mondo.mesh_heading)
        self.concept_candidate = lru_cache(maxsize=100_000)(self._concept_candidate)
        self.fuzzy_candidates = lru_cache(maxsize=100_000)(self._fuzzy_candidates)

    def _category(self, curie: str) -> Category | None:
        concept = self.kb.get(curie)
        return categorize(concept, self.kb.get) if concept is not None else None

    @cached_property
    def name_lengths(self) -> dict[str, int]:
        """First word of every normalized name -> the most words a name starting with it has."""
        lengths: dict[str, int] = {word: 1 for word in (*HUMAN_WORDS, *ORGANISM_ADJECTIVES)}
        for part in self.kb.parts.values():
            for key in part.keys():  # noqa: SIM118 (TermIndex.keys)
                first, _, rest = key.partition(" ")
                words = rest.count(" ") + 2 if rest else 1
                if lengths.get(first, 0) < words:
                    lengths[first] = words
        return lengths

    @cached_property
    def _binomials(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(genus initials, normalized epithet) -> species taxa: ("c", "albican") -> (Candida albicans,); tuples,
        which the garbage collector stops tracking."""
        found: dict[tuple[str, str], list[str]] = {}
        for part in self.kb.parts.values():
            labels = part.labels() if part.meta.get("ontology", "").startswith("ncbitaxon") else []
            for number, label in enumerate(labels):
                words = label.split()
                if len(words) == 2 and words[0][:1].isupper() and not part.obsolete[number] and part.rank(number) == "species":
                    genus = words[0].lower()
                    for initials in {genus[:1], genus[:2]}:
                        found.setdefault((initials, normalize(words[1])), []).append(part.curie(number))
        return {key: tuple(taxa) for key, taxa in found.items()}

    def abbreviated_species(self, initials: str, epithet: str, genera: Collection[str] = ()) -> Candidate | None:
        """The species an abbreviated binomial names ("C. albicans"): the one whose genus is in ``genera``
        (lower-case genus names already mentioned); else the taxon the one genus of ``genera`` with these
        initials and the epithet stand for, as :meth:`_renamed` finds it ("C. tremulae" after "Chrysomela
        tremulae", "L. umbratilis" after "Lutzomyia", now *Nyssomyia umbratilis*); else the only one."""
        matched = f"{initials}. {epithet}"
        taxa = self._binomials.get((initials.lower(), normalize(epithet)), ())
        in_text = [t for t in taxa if self.kb[t].label.split()[0].lower() in genera]
        spelled = [genus for genus in genera if genus.startswith(initials.lower())]
        renamed = self._renamed(f"{spelled[0].capitalize()} {epithet}") if len(spelled) == 1 and len(in_text) != 1 else ()
        if renamed:
            return dataclasses.replace(renamed[0], matched=matched, kind="abbreviated")
        chosen = in_text or taxa
        if len(chosen) == 1 and self.category(chosen[0]) is not None:
            return self._candidate(chosen[0], Category(SPECIES), _ABBREVIATED_SCORE, matched, "abbreviated")
        return None

    def _renamed(self, text: str) -> tuple[Candidate, ...]:
        """The taxon a binomial the taxonomy no longer spells so stands for: the one species (or taxon
        below) of its genus whose epithet differs only in its Latin ending ("Chrysomela tremulae":
        Chrysomela tremula), else the one species of a sibling genus with that epithet, where a species
        moved ("Glomus intraradices": Rhizophagus intraradices)."""
        written = WRITTEN_BINOMIAL.fullmatch(text.strip())
        if written is None:
            return ()
        genus, epithet = written.groups()
        genera = [  # NCBI labels a genus that shares its name with another taxon "Lutzomyia <genus>"
            m.curie
            for m in self.kb.lookup(genus, ontologies={"ncbitaxon"})
            if m.name.partition(" <")[0] == genus and self.kb[m.curie].rank == "genus"
        ]
        taxa = self._with_epithet(epithet_stem(epithet)) if genera else []
        same = [t for t in taxa if self.kb[t].label.partition(" ")[0] == genus]
        parents = {p for g in genera for p in self.kb[g].parents}  # a sibling genus shares one
        moved = [t for t in taxa if not same and self.kb[t].rank == "species" and self._genus_parents(t) & parents]
        chosen = same or moved
        if len(chosen) != 1:
            return ()
        return (self._candidate(chosen[0], Category(SPECIES), _RENAMED_SCORE, text, "renamed"),)

    def _lineage(self, text: str) -> tuple[Candidate, ...]:
        """A virus's lineage written as its short form and the host's ("SIVmac", "SIVcpz", "FIVpco239"): the virus."""
        written = VIRUS_LINEAGE.fullmatch(text.strip())
        found = self.exact(written[1], frozenset({SPECIES})) if written is not None else ()
        virus = [c for c in found[:1] if "virus" in c.name.lower() and self.is_pathogen(c.curie)]
        return tuple(dataclasses.replace(_derive(c, _DERIVED_WEIGHT, "lineage"), matched=text) for c in virus)

    def _with_epithet(self, stem: str) -> list[str]:
        """The taxa of every taxonomy part, dictionary and grounding tier, whose epithet has stem ``stem``."""
        parts = (*self.kb.parts.values(), *self.kb.grounding_parts.values())
        return list(dict.fromkeys(part.curie(number) for part in parts for number in part.with_epithet(stem)))

    def _genus_parents(self, species: str) -> set[str]:
        """The parents of a species' genus."""
        genera = [p for p in self.kb[species].parents if p in self.kb and self.kb[p].rank == "genus"]
        return {p for g in genera for p in self.kb[g].parents}

    def host_species(self, genus: Candidate, host: str = "human") -> Candidate | None:
        """The species of a genus named after a host ("human cytomegalovirus" in Cytomegalovirus), or None."""
        if genus.rank != "genus":
            return None
        for candidate in self.exact(f"{host} {genus.name}", frozenset({SPECIES})):
            if self._descends(candidate.curie, genus.curie):
                return dataclasses.replace(candidate, score=genus.score, matched=genus.matched, kind=genus.kind)
        return None

    def _is_pathogen(self, curie: str) -> bool:
        """Whether the taxon ``curie`` descends from Viruses, Bacteria or Fungi (:data:`PATHOGEN_ROOTS`)."""
        return self._descends_from(curie, PATHOGEN_ROOTS)

    def _is_animal_disease(self, curie: str) -> bool:
        """Whether ``curie`` is a MONDO disease of a non-human animal (:data:`NON_HUMAN_ANIMAL_DISEASE`)."""
        return self._descends_from(curie, NON_HUMAN_ANIMAL_DISEASE)

    def _descends_from(self, curie: str, roots: frozenset[str]) -> bool:
        """Whether ``curie`` is one of ``roots`` or descends from one."""
        seen: set[str] = set()
        frontier = {curie}
        while frontier:
            if frontier & roots:
                return True
            seen |= frontier
            frontier = {p for c in frontier if c in self.kb for p in self.kb[c].parents} - seen
        return False

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset((*HUMAN_WORDS, *ORGANISM_ADJECTIVES)).union(*(part.keys() for part in self.kb.parts.values()))

    def has_name(self, key: str) -> bool:
        """Whether some concept has a name whose normalized form is ``key``."""
        return key in self._keys

    # -- exact names --------------------------------------------------------------------------
    def _exact(self, text: str, labels: frozenset[str] | None = None) -> tuple[Candidate, ...]:
        """Candidates whose names equal ``text`` up to normalization, best first."""
        key = normalize(text)
        found: list[Candidate] = []
        implied, kind = (HUMAN, "implicit") if key in HUMAN_WORDS else (ORGANISM_ADJECTIVES.get(key), "adjective")
        if implied is not None and (labels is None or SPECIES in labels) and implied in self.kb:
            found.append(self._candidate(implied, Category(SPECIES), _IMPLICIT_SCORE, text, kind))
        matches = self.kb.lookup(text)
        found += self._from_matches(matches, labels, text)
        if matches and _wants_species(labels) and _LATIN_NAME.fullmatch(text) and not any(c.label == SPECIES for c in found):
            # a MeSH organism with no taxon ("Flavobacterium sinopsychrotolerans"): the grounding tier may have it
            found += self._from_matches(self.kb.lookup(text, ontologies={"ncbitaxon"}), labels, text)
        return self._species_before_genus(self._genus_before_its_subgenus(_rank(found)))

    def _genus_before_its_subgenus(self, ranked: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A subgenus first that its genus contains gives way to the genus, a genus mention naming the genus:
        "Leishmania" is the genus (NCBI's "Leishmania <genus>"), not its subgenus Leishmania."""
        if len(ranked) < 2 or ranked[0].rank != "subgenus":
            return ranked
        subgenus = ranked[0]
        parents = self.kb[subgenus.curie].parents
        genus = next((c for c in ranked[1:] if c.rank == "genus" and c.curie in parents), None)
        if genus is None:
            return ranked
        return (dataclasses.replace(genus, score=subgenus.score), *(c for c in ranked if c is not genus))

    def _species_before_genus(self, ranked: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A genus first, with one of its species close behind, gives way to the species ("mice": Mus musculus)."""
        if len(ranked) < 2 or ranked[0].rank != "genus":
            return ranked
        genus = ranked[0]
        for candidate in ranked[1:]:
            if genus.score - candidate.score > _GENUS_MARGIN or candidate.label != SPECIES:
                break
            placeholder = candidate.name.endswith((" sp.", " spp."))  # "Mus sp."
            if candidate.rank == "species" and not placeholder and self._descends(candidate.curie, genus.curie):
                promoted = dataclasses.replace(candidate, score=genus.score)
                return (promoted,) + tuple(c for c in ranked if c is not candidate)
        return ranked

    def _descends(self, curie: str, ancestor: str, depth: int = 3) -> bool:
        """Whether ``ancestor`` is among the first ``depth`` generations above ``curie`` (subgenera in between)."""
        parents = self.kb[curie].parents
        return ancestor in parents or (depth > 1 and any(self._descends(p, ancestor, depth - 1) for p in parents if p in self.kb))

    def _from_matches(self, matches: list[Match], labels: Collection[str] | None, text: str = "") -> list[Candidate]:
        named = [m.curie for m in matches]
        found = []
        for match in matches:
            category = self.category(match.curie)
            if category is None or (labels is not None and category.label not in labels):
                continue
            if category.subtype == DRUG_CLASS and _CLASS_ADJECTIVE.fullmatch(text):
                continue
            primary = self._primary(match.curie, category, named, text)
            if category.label == SPECIES and ontology_of(primary) != "ncbitaxon":
                continue  # a MeSH organism heading with no taxon of genus rank or below ("Plants", "Mice")
            found.append(self._candidate(primary, category, match.score, match.matched, match.kind.name.lower(), named,
                                         source=match.curie))  # fmt: skip
        return found

    def _concept_names(self, curie: str, own: bool = False) -> frozenset[str]:
        """The normalized label and synonyms of a concept; with ``own``, its exact synonyms only (not the names
        of narrower concepts MeSH files with it)."""
        concept = self.kb[curie]
        return frozenset(
            {normalize(concept.label)} | {normalize(s.text) for s in concept.synonyms if not own or s.scope == "EXACT"}
        )

    def _primary(self, curie: str, category: Category, named: list[str], text: str = "") -> str:
        """The id of ``curie``'s concept in the label's primary ontology, else ``curie`` itself.

        A cross-reference counts when the text also named the target or the two
        concepts share a name (mappings such as Seizures -> "visual epilepsy" do not);
        a disease with no such cross-reference takes the MONDO class MONDO maps to it
        exactly or names like it or the mention ``text`` (:class:`MondoEquivalents`).
        """
        wanted = PRIMARY_ONTOLOGY[category.label]
        if ontology_of(curie) == wanted:
            return curie
        # an organism heading's narrower names do not make a taxon it maps to its own ("Sheep" files "Dall sheep")
        names = self._names(curie, own=category.label == SPECIES)
        equivalents = [c for c in self.kb.xrefs(curie, prefix_of(wanted))
                       if self.category(c) == Category(category.label) and (c in named or names & self._names(c))]  # fmt: skip
        if equivalents:
            return min(equivalents, key=lambda c: c not in named)
        if category.label == SPECIES:  # MeSH names the taxon it maps to; the taxonomy may have renamed it since
            taxa = [c for c in self.kb.xrefs(curie, prefix_of(wanted)) if self.category(c) == Category(SPECIES)]
            if len(taxa) == 1 and _one_organism(self.kb[curie].label, self.kb[taxa[0]].label):
                return taxa[0]
        mondo = self.mondo.of(curie, (text,) if text else ()) if category.label == DISEASE else None
        return mondo or curie

    def _concept_candidate(self, curie: str, labels: frozenset[str] | None, score: float, matched: str,
                          kind: str) -> Candidate | None:  # fmt: skip
        """A candidate for a given concept (a MeSH disease as its MONDO equivalent, an OMIM id as the
        MONDO class that carries it), or None if the concept is not loaded or not of ``labels``."""
        if curie not in self.kb:
            curie = self.mondo.of_xref(curie) or curie
        category = self.category(curie) if curie in self.kb else None
        if category is None or (labels is not None and category.label not in labels):
            return None
        primary = self._primary(curie, category, [curie], matched)
        return self._candidate(primary, category, score, matched, kind, [curie], source=curie)

    def _candidate(self, curie: str, category: Category, score: float, matched: str, kind: str,
                   named: list[str] | None = None, source: str | None = None) -> Candidate:  # fmt: skip
        """A candidate for ``curie`` with its MeSH equivalent: a cross-reference the text names; else a MeSH
        concept of the same concept the text names (``source``, or one MONDO equates with ``curie``), else
        the best MeSH disease the text names, then the first cross-reference ("dystonia":
        Dystonia, then the Dystonic Disorders MONDO maps to first; "chronic kidney disease": Renal
        Insufficiency, Chronic, whose narrower concept it is in MeSH, then Kidney Failure, Chronic); else a
        cross-reference (for a MONDO disease MONDO maps to no MeSH id, the MeSH disease one of its names names:
        :meth:`_mesh_heading`); else the best MeSH concept of the same label the text names; and the MeSH concept ``source`` that led to ``curie`` when it is neither. A MONDO disease with neither a MeSH nor an OMIM id gets the MeSH heading of
        the disease a drug caused (:meth:`_induced_heading`), else of a parent (:meth:`broader_mesh`)."""
        concept = self.kb[curie]
        ids = [curie]
        if ontology_of(curie) != "mesh":
            named = named or []
            xrefs = self.kb.xrefs(curie, "MESH") or self._mesh_heading(curie)
            same_name = [c for c in named if ontology_of(c) == "mesh" and self.category(c) == Category(category.label)]
            same_concept = [c for c in same_name if c == source or self.mondo.of(c) == curie][:1]
            named_heading = same_name[:1] if category.label == DISEASE else []  # "humans" names Humans, no genus Homo
            ids += (
                [c for c in xrefs if c in named][:1]
                or list(dict.fromkeys([*same_concept, *named_heading, *xrefs[:1]]))
                or same_name[:1]
            )
        if source is not None and source not in ids and ontology_of(source) == "mesh":
            ids.append(source)
        if ontology_of(curie) == "mondo":
            ids += concept.xref_ids("OMIM", exact=True)[:1]
            if len(ids) == 1:
                ids += self._induced_heading(concept.label) or self.broader_mesh(curie)
        return Candidate(
            curie,
            concept.label,
            category.label,
            category.subtype,
            score,
            tuple(ids),
            matched,
            kind,
            concept.common_name if concept.ontology == "ncbitaxon" else None,
            concept.rank,
        )

    def _mesh_heading(self, curie: str, supplementary: bool = True) -> list[str]:
        """The MeSH disease of a MONDO disease MONDO maps to none, by name (:meth:`MondoEquivalents.mesh_heading`;
        a descriptor only, without ``supplementary``)."""
        heading = self._mondo_heading(curie, supplementary) if ontology_of(curie) == "mondo" else None
        return [heading] if heading is not None else []

    def _induced_heading(self, label: str) -> tuple[str, ...]:
        """The MeSH heading of the disease a drug causes, for a disease named with its drug: MeSH indexes
        "heparin-induced thrombocytopenia" as Thrombocytopenia (and Heparin), where MONDO's only parent is
        "thrombotic disease"."""
        cause = self.drug_cause(label)
        found = self.exact(label[len(cause) + len("-induced ") :], _DISEASES) if cause is not None else ()
        return tuple(i for i in found[0].ids if ontology_of(i) == "mesh")[:1] if found else ()

    def _broader_mesh(self, curie: str) -> tuple[str, ...]:
        """The most specific (deepest in the MeSH tree; on a tie, on the most branches outside C23, as a site's
        neoplasms are; else the nearest) of the MeSH disease headings of the MONDO ancestors (mapped, else by name: :meth:`_mesh_heading`)
        of ``curie`` up to :data:`_BROADER_GENERATIONS` above it, or () (a broader heading, as MeSH indexes a
        disease it lacks: "complete heart block" under Atrioventricular Block, "ovarian carcinoma" under
        Ovarian Neoplasms rather than Carcinoma, "prostate adenocarcinoma" under Prostatic Neoplasms rather
        than Adenocarcinoma)."""
        generation, headings = list(self.kb[curie].parents), []
        for _ in range(_BROADER_GENERATIONS):
            for ancestor in generation:
                mesh = [c for c in self.kb.xrefs(ancestor, "MESH") if self.category(c) == Category(DISEASE)]
                headings += mesh[:1] or self._mesh_heading(ancestor, supplementary=False)
            generation = [p for a in generation if a in self.kb for p in self.kb[a].parents]
        if not headings:
            return ()
        return (max(headings, key=lambda heading: (heading_depth(self.kb[heading]), heading_branches(self.kb[heading]))),)

    # -- everything ---------------------------------------------------------------------------
    def _ground(self, text: str, labels: frozenset[str] | None = None, organs: bool = True) -> tuple[Candidate, ...]:
        """Exact candidates, a modified disease as its head; else, for "<pathogen> infection/reactivation/disease",
        the infection; else a salt's parent drug ("bupropion HCl"), a compound's code as MeSH writes it
        ("KF17837") or the compound a formula is of ("CaCl2"); else the disease a disease adjective names
        ("edematous"); else the disease class a vague phrase names ("hematologic abnormalities"); else the disease a
        prepositional phrase names with its site first ("cirrhosis of the liver": liver cirrhosis); else the disease
        type named with the type on the other side, or the type of a lettered subtype ("type IID von Willebrand
        disease": von Willebrand disease type 2); else the disease the text names with its organ adjectives written
        as nouns or the other way round ("cerebral lesions": brain disease; with ``organs`` only, so that a text so
        rewritten is not rewritten back); else the hereditary disease a mode of inheritance names ("an autosomal
        recessive disorder")."""
        found = self.exact(text, labels)
        disease = labels is None or DISEASE in labels
        if disease:
            head = self._head_disease(text, found)
            if head:
                return head
        if found:
            return found
        species = (self._renamed(text) or self._lineage(text)) if _wants_species(labels) else ()
        therapy = labels is None or THERAPY in labels
        salt = (self._salt(text) or self.compound_code(text) or self.formula(text)) if therapy else ()
        named = (
            (
                self._adjectival(text)
                or self._vague(text)
                or self._site_first(text)
                or self._typed(text)
                or (self._organ_named(text) if organs else ())
                or self._inherited(text)
            )
            if disease
            else ()
        )
        return self._infection(text, labels) or species or salt or named

    def _head_disease(self, text: str, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A disease after severity, course or cause words, as its head disease ("severe refractory
        anemia": anemia) or, after a drug, its drug-induced form, the whole phrase's concepts after it; unless the whole phrase's concept is
        named with the head ("chronic myeloid leukemia", "Hepatitis, Chronic")."""
        words = _CAUSED_BY.sub("", text.strip()).split()
        while len(words) > 1 and words[0].lower() in _MODIFIERS:
            words.pop(0)
        head = " ".join(words)
        if head == text.strip() or (found and found[0].label != DISEASE):
            return ()
        base = self._chemically_induced(text, head) or self.exact(head, _DISEASES)
        if not base or (found and self._specific(found[0], base[0], head)):
            return ()
        head_candidate = _derive(base[0], _DERIVED_WEIGHT, "head")
        if found:  # as sure as the whole phrase's match, which follows it
            head_candidate = dataclasses.replace(head_candidate, score=max(head_candidate.score, found[0].score))
        return (head_candidate, *found, *base[1:])

    def _chemically_induced(self, text: str, head: str) -> tuple[Candidate, ...]:
        """The drug-induced form of the disease a drug induces, where the ontologies name one
        ("levodopa-induced dyskinesias": drug-induced dyskinesia; "cocaine-induced psychosis")."""
        if self.drug_cause(text) is None:
            return ()
        return next(filter(None, (self.exact(f"{words} {head}", _DISEASES) for words in _CHEMICAL_CAUSES)), ())

    def drug_cause(self, text: str) -> str | None:
        """The drug that ``text`` names a disease with ("heparin" of "heparin-induced thrombocytopenia";
        not "drug" of "drug-induced lupus"), or None."""
        cause = _INDUCED_BY.match(text)
        drug = cause is not None and any(c.subtype == DRUG for c in self.exact(cause.group(1), frozenset({THERAPY})))
        return cause.group(1) if cause is not None and drug else None

    @staticmethod
    def _specific(whole: Candidate, head: Candidate, head_text: str) -> bool:
        """Whether a phrase's concept is its own: the head's, or one whose label names the head
        ("B-cell chronic lymphocytic leukemia"); "refractory anemia" as "myelodysplastic syndrome
        with single lineage dysplasia" is not."""
        return whole.curie == head.curie or f" {normalize(head_text)} " in f" {normalize(whole.name)} "

    def _salt(self, text: str) -> tuple[Candidate, ...]:
        """The drug a salt nothing names is a salt of ("bupropion HCl": bupropion)."""
        parent = parent_compound(text)
        found = self.exact(parent, frozenset({THERAPY})) if parent else ()
        return tuple(_derive(c, _DERIVED_WEIGHT, "salt") for c in found if c.subtype == DRUG)

    def formula(self, text: str) -> tuple[Candidate, ...]:
        """The compound a formula nothing names is the formula of ("CaCl(2)": calcium chloride)."""
        name = formula_name(text)
        found = self.exact(name, frozenset({THERAPY})) if name else ()
        return tuple(dataclasses.replace(c, matched=text) for c in found if c.subtype == DRUG)

    def compound_code(self, text: str) -> tuple[Candidate, ...]:
        """A compound's code nothing names as written, as MeSH writes it with a space or hyphen after its
        letters or without ("KF17837": KF 17837; "Ro15-1788": Ro 15-1788, flumazenil)."""
        text = text.strip()
        code = _COMPOUND_CODE.fullmatch(text)
        if code is None:
            return ()
        letters, number = code.groups()
        for written in (f"{letters} {number}", f"{letters}-{number}", f"{letters}{number}"):
            found = self.exact(written, frozenset({THERAPY})) if written != text else ()
            if found:
                return tuple(dataclasses.replace(c, matched=text) for c in found)
        return ()

    def _adjectival(self, text: str) -> tuple[Candidate, ...]:
        """The disease an adjective names, alone or before a word of :data:`ADJECTIVE_HEADS`, by the
        first of its noun forms a disease is named ("psychotic symptoms": psychosis, "edematous": edema)."""
        words = text.split()
        if not 0 < len(words) <= 2 or (len(words) == 2 and words[1].lower() not in ADJECTIVE_HEADS):
            return ()
        return self._first_disease(noun_forms(words[0]), self._exact_disease, "adjective")

    def _vague(self, text: str) -> tuple[Candidate, ...]:
        """The disease class of what a vague phrase's last word follows: "hematologic abnormalities" ->
        hematologic disease, "bone marrow erythroid hypoplasia" -> bone marrow disease; for an inborn defect
        first its abnormalities ("eye malformation": Eye Abnormalities)."""
        words = text.split()
        last = normalize(words[-1]) if len(words) > 1 else ""
        if last not in _VAGUE_HEADS:
            return ()
        classes = ("abnormality", "disease", "disorder") if last in _CONGENITAL_HEADS else ("disease", "disorder")
        for size in range(len(words) - 1, 0, -1):
            for head in classes:
                found = self.exact(f"{' '.join(words[:size])} {head}", _DISEASES)
                if found:
                    return tuple(_derive(c, _DERIVED_WEIGHT, "broader") for c in found)
        return ()

    def _organ_named(self, text: str) -> tuple[Candidate, ...]:
        """The disease ``text`` names with its organ adjectives written as the organs' nouns ("prostatic
        adenocarcinoma": prostate adenocarcinoma; "cerebral damage": brain disease), or else with its organs'
        nouns written as their adjectives ("vein thrombosis": venous thrombosis)."""
        rewritten = (written for written in (with_organ_nouns(text), with_organ_adjectives(text)) if written != text)
        return self._first_disease(rewritten, lambda written: self.ground(written, _DISEASES, organs=False), "organ")

    def _site_first(self, text: str) -> tuple[Candidate, ...]:
        """The disease a prepositional phrase names with its site or substance first ("injury to the kidney":
        kidney injury, "deficiency of APRT": APRT deficiency), by every rule of :meth:`ground`."""
        return self._first_disease(site_first(text), lambda written: self.ground(written, _DISEASES), "site first")

    def _typed(self, text: str) -> tuple[Candidate, ...]:
        """The disease type ``text`` names with its type on the other side of the name, or the type of the
        lettered subtype it names ("type IID von Willebrand disease": von Willebrand disease type 2)."""
        return self._first_disease(type_variants(text), self._exact_disease, "type")

    def _exact_disease(self, text: str) -> tuple[Candidate, ...]:
        """The diseases ``text`` names exactly."""
        return self.exact(text, _DISEASES)

    @staticmethod
    def _first_disease(texts: Iterable[str], find: Callable[[str], tuple[Candidate, ...]], kind: str) -> tuple[Candidate, ...]:
        """The candidates ``find`` gives the first of ``texts`` (a mention rewritten) it links, derived as ``kind``."""
        for written in texts:
            found = find(written)
            if found:
                return tuple(_derive(c, _DERIVED_WEIGHT, kind) for c in found)
        return ()

    def _inherited(self, text: str) -> tuple[Candidate, ...]:
        """The disease a mode of inheritance names: hereditary (X-linked) disease when nothing else follows
        ("an autosomal dominant multisystem disorder"), else the hereditary form of the class that follows
        ("X-linked recessive neurological disorder": hereditary neurological disease). A disease that follows is
        left to other rules ("autosomal dominant myotonia congenita" is no hereditary myotonia congenita)."""
        split = inheritance(text)
        if split is None:
            return ()
        mode, rest = split
        forms = (f"{mode} {rest}", f"hereditary {rest}")  # an X-linked class, else the hereditary one
        names = (
            (f"{mode} disease",) if is_unnamed(rest) else tuple(dict.fromkeys(n for f in forms for n in _disease_or_disorder(f)))
        )
        return self._first_disease(names, self._exact_disease, "inherited")

    def _infection(self, text: str, labels: frozenset[str] | None) -> tuple[Candidate, ...]:
        """For "<pathogen> infection/reactivation/disease", the infection. The pathogen is a taxon, or a MeSH
        organism heading with no taxon of genus rank or below ("adenovirus": Adenoviridae, a family)."""
        head, _, last = normalize(text).rpartition(" ")
        if not (head and last in INFECTION_HEADS and (labels is None or DISEASE in labels)):
            return ()
        written = text.rsplit(None, 1)[0] if " " in text.strip() else head
        species = self.exact(written, frozenset({SPECIES}))
        if not species and not any(self.category(m.curie) == Category(SPECIES) for m in self.kb.lookup(written)):
            return ()
        names = (f"{head} infection", *(f"{s.name} infection" for s in species[:1]))
        return self._first_disease(names, self._exact_disease, "infection")

    # -- therapies ------------------------------------------------------------------------------
    def procedure_candidate(self, cell: Candidate) -> Candidate | None:
        """The procedure of giving the cell or tissue of ``cell`` (Mesenchymal Stem Cells ->
        Mesenchymal Stem Cell Transplantation), or None when MeSH has none."""
        procedure = self.therapy.procedure_of(cell.curie)
        if procedure is None:
            return None
        return self.concept_candidate(procedure, frozenset({THERAPY}), cell.score, cell.matched, "given")

    def initialism_candidate(self, text: str, given: bool = False) -> Candidate | None:
        """The cell or tissue an initialism of its name stands for ("HSC", "RBC"), or its procedure
        when ``given``; None when it stands for none or that is no therapy."""
        source = self.therapy.initialism(text.strip())
        if given and source is not None:
            source = self.therapy.procedure_of(source)
        return self.concept_candidate(source, frozenset({THERAPY}), _ABBREVIATED_SCORE, text, "initialism") if source else None

    def elliptic_procedure(self, word: str, qualifiers: Iterable[str]) -> Candidate | None:
        """The procedure a word no concept is named names after one of ``qualifiers`` (normalized words):
        "conditioning" after "transplantation" is Transplantation Conditioning."""
        key = normalize(word)
        if not word.isalpha() or self.has_name(key):
            return None
        for qualifier in qualifiers:
            name = f"{qualifier} {word}"
            if self.has_name(f"{qualifier} {key}"):
                found = [
                    c
                    for c in self.exact(name, frozenset({THERAPY}))
                    if c.subtype == PROCEDURE and normalize(c.matched) == normalize(name) and "," not in c.matched
                ]
                if found:
                    return dataclasses.replace(_derive(found[0], _DERIVED_WEIGHT, "elliptic"), matched=word)
        return None

    def coordinated(self, text: str, labels: frozenset[str] | None = None) -> tuple[Candidate, ...]:
        """The concept of each conjunct of a coordinated mention, completed with the words the last one
        ends in: "breast and ovarian cancer" -> breast cancer, ovarian cancer; "Duchenne and Becker
        muscular dystrophy" -> Duchenne ..., Becker muscular dystrophy. Empty unless every conjunct links."""
        parts = [part for part in _COORDINATION.split(text.strip()) if part]
        last = parts[-1].split()
        if len(parts) < 2 or len(last) < 2:
            return ()
        found = []
        for part in parts[:-1]:
            texts = [*(f"{part} {' '.join(last[-k:])}" for k in range(len(last) - 1, 0, -1)), part]
            best = next((found[0] for found in (self.exact(t, labels) for t in texts) if found), None)
            if best is None:
                return ()
            found.append(best)
        tail = self.exact(parts[-1], labels)
        return (*found, tail[0]) if tail else ()

    def _fuzzy_candidates(self, text: str, labels: frozenset[str] | None, threshold: float, k: int = 5) -> tuple[Candidate, ...]:
        """Candidates of the names most similar to ``text`` (character 3-gram cosine >= ``threshold``), but
        no disease of a non-human animal: a text near "lymphoproliferative disease, dog" that does not say
        "dog" names the disease, not the dog's; and none for a text that is itself the name of a concept of
        other labels ("blood pressure" is not "low blood pressure", "bone marrow" no bone marrow disease)."""
        found: list[Candidate] = []
        if any(match.via != "variant" for match in self.kb.lookup(text)):
            return ()
        for near in self.fuzzy(text, k=k, threshold=threshold):
            for candidate in self.exact(near.key, labels):
                if not self.is_animal_disease(candidate.curie):
                    found.append(_derive(candidate, near.similarity * _FUZZY_WEIGHT, "fuzzy"))
        return _rank(found)


def _wants_species(labels: frozenset[str] | None) -> bool:
    return labels is not None and SPECIES in labels


def _disease_or_disorder(name: str) -> tuple[str, ...]:
    """``name``, and if it ends in "disorder" or "disease", with the other word ("neurological disorder":
    "neurological disease"), as the ontologies use either."""
    head, _, last = name.rpartition(" ")
    other = {"disorder": "disease", "disease": "disorder"}.get(last.lower())
    return (name, f"{head} {other}") if head and other else (name,)


def _derive(candidate: Candidate, weight: float, kind: str) -> Candidate:
    return dataclasses.replace(candidate, score=round(candidate.score * weight, 4), kind=kind)


#: Equal scores across labels: a genus named like a chemical ("Ammonia") loses.
_LABEL_ORDER = {DISEASE: 0, THERAPY: 1, SPECIES: 2}


def _one_organism(heading: str, taxon: str) -> bool:
    """Whether a MeSH organism heading and the one taxon it maps to name one organism: one name, or one
    extending the other ("Escherichia coli O104": Escherichia coli O104:H4), or a binomial of another genus
    with the same epithet ("Lactobacillus pentosus": Lactiplantibacillus pentosus). The MeSH source maps
    some headings to a taxon they contain, not to themselves ("Sheep": Ovis dalli; "Swine": Phacochoerus)."""
    heading, taxon = heading.lower(), taxon.partition(" <")[0].lower()
    if heading == taxon or taxon.startswith(heading + " ") or heading.startswith(taxon + " "):
        return True
    heading_words, taxon_words = heading.split(), taxon.split()
    return len(heading_words) > 1 and len(taxon_words) > 1 and epithet_stem(heading_words[1]) == epithet_stem(taxon_words[1])


def _rank(candidates: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per concept (its best score), best first; ties go to diseases, therapies, then species,
    then to the label's primary ontology, then to the concept whose own label was matched
    ("Streptomyces coelicolor" itself before the strain MeSH maps that name to)."""
    best: dict[str, Candidate] = {}
    for candidate in candidates:
        kept = best.get(candidate.curie)
        if kept is None or candidate.score > kept.score:
            best[candidate.curie] = candidate
    return tuple(sorted(best.values(), key=lambda c: (-c.score, _LABEL_ORDER[c.label],
                                                       ontology_of(c.curie) != PRIMARY_ONTOLOGY[c.label],
                                                       ONTOLOGY_PRIORITY.get(ontology_of(c.curie), 9),
                                                       normalize(c.name) != normalize(c.matched), c.curie)))  # fmt: skip


@lru_cache(maxsize=4)
def _shared(sources: tuple[tuple[str, str | None], ...], cache_dir: str | None) -> Grounder:
    from entitylink.kb.knowledge_base import load_kb

    return Grounder(load_kb(dict(sources), cache_dir=cache_dir))


def shared_grounder(ontologies: Mapping[str, str | None] | None = None, cache_dir: str | None = None) -> Grounder:
    """One :class:`Grounder` per ontology selection and process, shared by all components that ask for it.

    ``ontologies`` overrides parts of the bundled set as in :func:`entitylink.load_kb`.
    """
    return _shared(tuple(sorted((ontologies or {}).items())), cache_dir)
