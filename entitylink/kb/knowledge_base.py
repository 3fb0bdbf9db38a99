"""The knowledge base: every loaded ontology behind one lookup and one record store.

>>> import entitylink
>>> kb = entitylink.load_kb()
>>> kb.lookup("acute myeloid leukemia")[0].curie
'MONDO:0018874'
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from pathlib import Path

from entitylink.curie import ontology_of
from entitylink.kb.concept import Concept, Match
from entitylink.kb.index_cache import load_indexes
from entitylink.kb.term_index import GROUNDING_TIER, Posting, TermIndex
from entitylink.normalize import key_variants, normalize
from entitylink.resources import DEFAULT_ONTOLOGIES, bundled_ontology

__all__ = ["ONTOLOGY_PRIORITY", "KnowledgeBase", "check_sources", "load_kb", "resolve_sources"]

#: Among equally good matches, which ontology's concept comes first.
ONTOLOGY_PRIORITY = {"mondo": 0, "ncbitaxon": 1, "mesh": 2}
_VIA_WEIGHT = {"exact": 1.0, "normalized": 0.95, "variant": 0.85}
_REPLACED_WEIGHT = 0.95
_OBSOLETE_WEIGHT = 0.5
_NON_ALNUM = re.compile(r"[\W_]+")
_SUPPLEMENTARY = re.compile(r"^MESH:C\d")


def _same_letters(text: str, surface: str) -> bool:
    """Case-sensitive comparison ignoring punctuation and spacing: "IL-2" meets "IL2", "aml" does not meet "AML"."""
    return _NON_ALNUM.sub("", text) == _NON_ALNUM.sub("", surface)


def _spelled_alike(text: str, surface: str) -> bool:
    """Same words up to case and punctuation: "pure red cell aplasia" and "Pure Red-Cell Aplasia"."""
    return _NON_ALNUM.sub(" ", text).strip().casefold() == _NON_ALNUM.sub(" ", surface).strip().casefold()


def _priority(curie: str) -> int:
    return ONTOLOGY_PRIORITY.get(ontology_of(curie), 9) + (1 if _SUPPLEMENTARY.match(curie) else 0)


class KnowledgeBase:
    """Normalized-name lookups and concept records over several compiled :class:`TermIndex` parts.

    Parts are named (``"mondo"``, ``"mesh"``, ``"mesh-supplementary"``, ``"ncbitaxon"``
    for the bundled ones); each is one ontology file. Parts compiled from a taxon table
    (``"ncbitaxon-full"``) form the grounding tier: :attr:`grounding_parts`, which
    :meth:`lookup` searches only when no other part names the text, and which
    :attr:`parts` (the names a dictionary matches) leaves out.
    """

    def __init__(self, parts: Mapping[str, TermIndex]) -> None:
        self.parts: dict[str, TermIndex] = {n: p for n, p in parts.items() if p.meta.get("tier") != GROUNDING_TIER}
        self.grounding_parts: dict[str, TermIndex] = {n: p for n, p in parts.items() if n not in self.parts}
        #: each grounding part with the prefix of its CURIEs (one taxonomy each): other ids skip its search
        self._grounding_prefixes = [(p, p.curie(0).partition(":")[0] + ":") for p in self.grounding_parts.values() if len(p)]
        self.get = lru_cache(maxsize=65536)(self._get)

    # -- records ------------------------------------------------------------------------------
    def _locate(self, curie: str) -> tuple[TermIndex, int] | None:
        searched = (*self.parts.values(), *(part for part, prefix in self._grounding_prefixes if curie.startswith(prefix)))
        for part in searched:
            number = part.number(curie)
            if number is not None:
                return part, number
        return None

    def _get(self, curie: str) -> Concept | None:
        """The :class:`Concept` of a CURIE (or of an alternative id), or None if unknown."""
        found = self._locate(curie)
        return found[0].concept(found[1]) if found else None

    def __getitem__(self, curie: str) -> Concept:
        concept = self.get(curie)
        if concept is None:
            raise KeyError(f"{curie} is not in the knowledge base")
        return concept

    def __contains__(self, curie: str) -> bool:
        return self._locate(curie) is not None

    def resolve(self, curie: str) -> str | None:
        """The live CURIE for ``curie``: itself, its primary id (for an alt id), or its replacement.

        Returns None for an unknown CURIE or an obsolete one with no replacement.
        """
        seen: set[str] = set()
        while curie not in seen:
            seen.add(curie)
            concept = self.get(curie)
            if concept is None:
                return None
            if not concept.obsolete:
                return concept.curie
            if not concept.replaced_by:
                return None
            curie = concept.replaced_by[0]
        return None

    @cached_property
    def _reverse_xrefs(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Target CURIE -> (source CURIE, predicate) of the cross-references to it, as tuples, which the
        garbage collector stops tracking (a full collection otherwise walks every list)."""
        prefixes = {part.curie(0).partition(":")[0] for part in self.parts.values() if len(part)}
        reverse: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for part in self.parts.values():
            for source, target, predicate in part.xref_pairs():
                if target.partition(":")[0] in prefixes:
                    reverse[target].append((source, predicate))
        return {target: tuple(sources) for target, sources in reverse.items()}

    def xrefs(self, curie: str, prefix: str | None = None) -> list[str]:
        """Cross-ontology ids of ``curie`` in both directions (MONDO <-> MeSH, MeSH <-> NCBITaxon),
        exact matches first, optionally restricted to one prefix."""
        concept = self.get(curie)
        if concept is None:
            return []
        pairs = [*((x.curie, x.predicate) for x in concept.xrefs), *self._reverse_xrefs.get(concept.curie, ())]
        ordered = sorted(pairs, key=lambda pair: (pair[1] != "skos:exactMatch", _priority(pair[0]), pair[0]))
        result: dict[str, None] = {}
        for target, _predicate in ordered:
            if target != concept.curie and (prefix is None or target.startswith(prefix + ":")) and target in self:
                result.setdefault(target)
        return list(result)

    # -- lookups ------------------------------------------------------------------------------
    def _postings(self, parts: Iterable[TermIndex], key: str, ontologies: set[str] | None) -> Iterable[tuple[TermIndex, Posting]]:
        for part in parts:
            for posting in part.postings(key):  # none for a key the part lacks (one search, not two)
                if ontologies is None or ontology_of(part.curie(posting.concept)) in ontologies:
                    yield part, posting

    def _match(self, part: TermIndex, posting: Posting, text: str, via: str) -> Match | None:
        if posting.case_sensitive and not _same_letters(text, posting.surface):
            return None
        if via == "normalized" and _spelled_alike(text, posting.surface):
            via = "exact"
        score = posting.kind.weight * _VIA_WEIGHT[via]
        curie = part.curie(posting.concept)
        replaced = None
        if part.obsolete[posting.concept]:
            live = self.resolve(curie)
            if live is None:
                score *= _OBSOLETE_WEIGHT
            else:
                curie, replaced, score = live, curie, score * _REPLACED_WEIGHT
        concept = self.get(curie)
        assert concept is not None
        return Match(
            curie=curie,
            name=concept.label,
            ontology=concept.ontology,
            matched=posting.surface,
            kind=posting.kind,
            score=round(score, 4),
            xrefs=tuple(self.xrefs(curie)),
            replaced=replaced,
            via=via,
        )

    def lookup(self, text: str, *, ontologies: Iterable[str] | None = None, limit: int | None = None) -> list[Match]:
        """Concepts named ``text``, best first.

        Tries the normalized text (case, accents, Greek letters, hyphens,
        punctuation, plurals, British spellings), then, if nothing matched,
        variants with, without or with another generic head noun ("disease",
        "syndrome", "disorder"). Abbreviations match case-sensitively. A name of an obsolete
        concept yields its replacement. ``ontologies`` restricts the result
        (``{"mondo", "mesh", "ncbitaxon"}``). The grounding tier is searched only when
        nothing else matched.
        """
        if not isinstance(text, str):
            raise TypeError(f"lookup(text): expected a str, not {type(text).__name__} {text!r:.40}")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
            raise ValueError(f"lookup(limit={limit!r}): expected None or a whole number >= 0")
        if isinstance(ontologies, str):
            raise TypeError(f"lookup(ontologies={ontologies!r}): expected a collection of names, e.g. {{{ontologies!r}}}")
        wanted = set(ontologies) if ontologies is not None else None
        key = normalize(text)
        best: dict[str, Match] = {}
        for parts in (self.parts.values(), self.grounding_parts.values()):
            for keys, via in (([key], "normalized"), (key_variants(key) if key else [], "variant")):
                for candidate_key in keys:
                    for part, posting in self._postings(parts, candidate_key, wanted):
                        match = self._match(part, posting, text, via)
                        if match is not None and (match.curie not in best or match.score > best[match.curie].score):
                            best[match.curie] = match
                if best:
                    break
            if best:
                break
        ranked = sorted(best.values(), key=lambda m: (-m.score, _priority(m.curie), m.kind, m.curie))
        return ranked[:limit] if limit is not None else ranked

    def best(self, text: str, **kwargs: object) -> Match | None:
        """The top match of :meth:`lookup`, or None."""
        matches = self.lookup(text, limit=1, **kwargs)  # type: ignore[arg-type]
        return matches[0] if matches else None

    # -- description ----------------------------------------------------------------------------
    def stats(self) -> list[dict[str, object]]:
        """One row per part: its file, version and counts."""
        rows = []
        for name, part in {**self.parts, **self.grounding_parts}.items():
            rows.append(
                {
                    "name": name,
                    "source": part.meta.get("source"),
                    "ontology": part.meta.get("ontology"),
                    "version": part.meta.get("data_version"),
                    "concepts": len(part),
                    "live_concepts": int(len(part) - part.obsolete.sum()),
                    "names": part.meta.get("names"),
                    "keys": part.meta.get("keys"),
                    "xrefs": part.meta.get("xrefs"),
                }
            )
        return rows

    def __repr__(self) -> str:
        parts = ", ".join(f"{name}: {len(part)}" for name, part in {**self.parts, **self.grounding_parts}.items())
        return f"<KnowledgeBase {parts}>"


Sources = Mapping[str, "str | Path | None"]


def check_sources(sources: object, argument: str = "sources") -> None:
    """Raise a TypeError naming ``argument`` unless ``sources`` is None or maps part names to paths or None."""
    example = "{'mondo': 'my-mondo.obo', 'mesh-supplementary': None}"
    if sources is None:
        return
    if not isinstance(sources, Mapping):
        raise TypeError(f"{argument}: expected a mapping of part names to OBO files, e.g. {example}, "
                        f"not {type(sources).__name__} {sources!r:.60}")  # fmt: skip
    for name, path in sources.items():
        if not isinstance(name, str) or not (path is None or isinstance(path, (str, os.PathLike))):
            raise TypeError(f"{argument}[{name!r}]: expected a part name and a path or None, e.g. {example}, "
                            f"not {type(path).__name__} {path!r:.60}")  # fmt: skip


def resolve_sources(sources: Sources | None = None) -> dict[str, Path]:
    """The default bundled ontology files, with ``sources`` overriding (a path) or dropping (None) some."""
    check_sources(sources)
    chosen: dict[str, Path] = {name: bundled_ontology(name) for name in DEFAULT_ONTOLOGIES}
    for name, path in (sources or {}).items():
        if path is None:
            chosen.pop(name, None)
        else:
            chosen[name] = Path(path)
    return chosen


def load_kb(sources: Sources | None = None, *, cache_dir: str | Path | None = None, workers: int = 2) -> KnowledgeBase:
    """Load the knowledge base, compiling (and caching) any ontology file not seen before.

    ``sources`` maps part names to OBO files (or taxon tables): by default the bundled
    ``mondo``, ``mesh``, ``mesh-supplementary``, ``ncbitaxon`` and ``ncbitaxon-full``; give a path to
    use your own release (``{"mondo": "mondo.obo"}``), None to leave one out
    (``{"mesh-supplementary": None}``), or a new name to add another OBO file or taxon
    table (``{"ncbitaxon": bundled_ontology("ncbitaxon-slim"), "ncbitaxon-full": None}`` goes back to
    the 2022 taxslim subset). The first load on a machine compiles each file into the index cache
    (minutes on two cores, ``workers`` files at a time, with a progress bar on a terminal); later
    loads, from any install of the same entitylink, read the cache in about a second.
    """
    if not (cache_dir is None or isinstance(cache_dir, (str, os.PathLike))):
        raise TypeError(f"load_kb(cache_dir): expected a path or None, not {type(cache_dir).__name__}")
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"load_kb(workers={workers!r}): expected a whole number >= 1")
    directory = Path(cache_dir) if cache_dir is not None else None
    return KnowledgeBase(load_indexes(resolve_sources(sources), directory, workers))
