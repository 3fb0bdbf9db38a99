"""The compiled term index of one ontology file.

A :class:`TermIndex` maps normalized names to postings (concept, how the name
belongs to it, its spelling) and holds each concept's record. It is compiled
once from a pronto ontology and stored as a NumPy ``.npz`` archive of plain
arrays (no pickles: safe to load whatever its origin), so loading it again is a
matter of reading a few buffers and building one dict.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import zipfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pronto

from entitylink.curie import MAPPING_PREDICATES, ontology_of, spell_prefix
from entitylink.errors import CorruptIndexError
from entitylink.kb.concept import Concept, NameKind, Synonym, Xref
from entitylink.kb.epithet import TAXON_EPITHET, epithet_stem
from entitylink.kb.taxon_table import Taxon
from entitylink.normalize import is_acronym_like, normalize

__all__ = ["FORMAT_VERSION", "GROUNDING_TIER", "Posting", "TermIndex", "index_fingerprint"]

#: Bump when the compiled layout changes. Caches also record :func:`index_fingerprint`,
#: which covers the code that decides keys and postings, so any change to it rebuilds them.
FORMAT_VERSION = 1

#: The string arrays a loaded index decodes on access, in the order :class:`TermIndex` unpacks them.
_STRING_ARRAYS = ("curies", "labels", "records", "surfaces", "keys", "epithets")
_ABBREVIATION_TYPES = {"abbreviation", "acronym", "genbank_acronym", "ABBREVIATION"}
_URI_CURIE = [
    re.compile(r"^https?://identifiers\.org/(?P<prefix>[^/:]+)[/:](?P<local>.+)$"),
    re.compile(r"^https?://purl\.obolibrary\.org/obo/(?P<prefix>[A-Za-z]+)_(?P<local>.+)$"),
]
#: ``meta["tier"]`` of an index compiled from a taxon table: its names ground mentions but are no dictionary,
#: and it is searched by bisection of its sorted keys and CURIEs rather than through dicts built at load.
GROUNDING_TIER = "grounding"
_OBSOLETE_PREFIX = "obsolete "
_CASE_SENSITIVE = 1


@lru_cache(maxsize=1)
def index_fingerprint() -> str:
    """Digest of the format version and of the modules that shape an index (normalization, kinds, compiler)."""
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    for name in (
        "entitylink.normalize",
        "entitylink.curie",
        "entitylink.kb.concept",
        "entitylink.kb.epithet",
        "entitylink.kb.taxon_table",
        "entitylink.kb.term_index",
    ):
        module = importlib.import_module(name)
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:16]


def _as_curie(value: str) -> str:
    for pattern in _URI_CURIE:
        match = pattern.match(value)
        if match:
            prefix = match.group("prefix")
            return f"{spell_prefix(prefix)}:{match.group('local')}"
    return value


@dataclass(frozen=True)
class Posting:
    """A name of a concept, as found under a normalized key."""

    concept: int
    kind: NameKind
    surface: str
    case_sensitive: bool


class _Strings:
    """A list of strings stored as one UTF-8 buffer and offsets; items decode on access.

    The buffer is kept as ``bytes`` and the offsets as an ``array``: slicing those is several
    times cheaper than slicing NumPy arrays, which a binary search over millions of names does
    twenty times a query.
    """

    def __init__(self, buffer: np.ndarray, offsets: np.ndarray) -> None:
        self._raw = buffer.tobytes()
        self._offsets = array("q")
        self._offsets.frombytes(np.ascontiguousarray(offsets, dtype=np.int64).tobytes())

    @classmethod
    def pack(cls, strings: Iterable[str]) -> _Strings:
        encoded = [s.encode("utf-8") for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)

    @property
    def buffer(self) -> np.ndarray:
        """The UTF-8 bytes of every item, as a (read-only) array that shares this list's memory."""
        return np.frombuffer(self._raw, dtype=np.uint8)

    @property
    def offsets(self) -> np.ndarray:
        """Where each item starts in :attr:`buffer`, and where the last ends (shares this list's memory)."""
        return np.frombuffer(self._offsets, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: int) -> str:
        return self._raw[self._offsets[index] : self._offsets[index + 1]].decode("utf-8")

    def position(self, text: str) -> int | None:
        """The position of ``text`` in these strings, which must be sorted, or None.

        A binary search on the UTF-8 bytes, whose order is the strings' (code point) order."""
        target, raw, offsets = text.encode("utf-8"), self._raw, self._offsets
        low, high = 0, len(offsets) - 1
        while low < high:
            middle = (low + high) // 2
            if raw[offsets[middle] : offsets[middle + 1]] < target:
                low = middle + 1
            else:
                high = middle
        found = low < len(offsets) - 1 and raw[offsets[low] : offsets[low + 1]] == target
        return low if found else None

    def all(self) -> list[str]:
        """Decode every item at once (much faster than item by item)."""
        byte_offsets = self._offsets.tolist()
        if self._raw.isascii():
            text = self._raw.decode("ascii")
            return [text[a:b] for a, b in zip(byte_offsets, byte_offsets[1:])]
        raw = self._raw
        return [raw[a:b].decode("utf-8") for a, b in zip(byte_offsets, byte_offsets[1:])]


def _term_record(term: pronto.Term) -> dict[str, Any]:
    """The JSON-able record of a pronto term: everything but its id and label."""
    record: dict[str, Any] = {}
    if term.definition:
        record["definition"] = str(term.definition)
    synonyms = sorted((s.description, s.scope or "RELATED", s.type.id if s.type is not None else None) for s in term.synonyms)
    if synonyms:
        record["synonyms"] = synonyms
    xrefs = {_as_curie(x.id): "hasDbXref" for x in term.xrefs}
    tree_numbers: list[str] = []
    mapped_to: list[str] = []
    rank = None
    for annotation in term.annotations:
        value = str(getattr(annotation, "resource", None) or getattr(annotation, "literal", ""))
        if annotation.property in MAPPING_PREDICATES:
            xrefs[_as_curie(value)] = annotation.property
        elif annotation.property == "mesh:treeNumber":
            tree_numbers.append(value)
        elif annotation.property == "mesh:mappedTo":
            mapped_to.append(value)
        elif annotation.property == "has_rank":
            rank = value.rpartition(":")[2].removeprefix("NCBITaxon_")
    if xrefs:
        record["xrefs"] = sorted(xrefs.items())
    parents = sorted(t.id for t in term.superclasses(distance=1, with_self=False))
    if parents:
        record["parents"] = parents
    actions = sorted(
        target.id for rel, targets in term.relationships.items() if rel.id == "has_pharmacological_action" for target in targets
    )
    for key, items in (
        ("tree_numbers", sorted(tree_numbers)),
        ("mapped_to", sorted(mapped_to)),
        ("pharmacological_actions", actions),
        ("alt_ids", sorted(term.alternate_ids)),
    ):
        if items:
            record[key] = items
    if rank:
        record["rank"] = rank
    if term.obsolete:
        record["obsolete"] = True
        # Read the ids themselves: pronto's ``term.consider`` resolves them to terms and
        # fails on targets outside the file (MONDO points at HP, for one).
        data = term._data()
        replaced = sorted(_as_curie(i) for i in data.replaced_by)
        consider = sorted(_as_curie(i) for i in data.consider)
        if replaced:
            record["replaced_by"] = replaced
        if consider:
            record["consider"] = consider
    return record


#: (CURIE, label, record) of one concept, as :meth:`TermIndex._compile` takes it.
_Entry = tuple[str, str, dict[str, Any]]


def _pronto_entries(ontology: pronto.Ontology) -> Iterator[_Entry]:
    for term in ontology.terms():
        yield term.id, term.name or "", _term_record(term)


def _taxon_entry(taxon: Taxon) -> _Entry:
    record: dict[str, Any] = {}
    if taxon.parent != taxon.id:
        record["parents"] = [f"NCBITaxon:{taxon.parent}"]
    if taxon.rank != "no_rank":
        record["rank"] = taxon.rank
    return f"NCBITaxon:{taxon.id}", taxon.name, record


def _epithet_postings(curies: list[str], labels: list[str], obsolete: list[bool]) -> dict[str, list[int]]:
    """Epithet stem -> the live taxa whose Latin name ends in it, in stem order (none outside a taxonomy)."""
    found: dict[str, list[int]] = {}
    for number, (curie, label) in enumerate(zip(curies, labels)):
        latin = TAXON_EPITHET.fullmatch(label) if curie.startswith("NCBITaxon:") else None
        if latin is not None and not obsolete[number]:
            found.setdefault(epithet_stem(latin[1]), []).append(number)
    return dict(sorted(found.items()))


def _names(label: str, synonyms: Iterable[tuple[str, str, str | None]], obsolete: bool) -> Iterator[tuple[str, NameKind]]:
    if label:
        yield (label[len(_OBSOLETE_PREFIX) :] if obsolete and label.startswith(_OBSOLETE_PREFIX) else label), NameKind.LABEL
    for text, scope, type_id in synonyms:
        if type_id in _ABBREVIATION_TYPES:
            yield text, NameKind.ABBREVIATION
        else:
            yield text, NameKind.EXACT if scope == "EXACT" else NameKind.RELATED


def _offsets_name(strings: str) -> str:
    """The name of the offsets array of a string array: "curie_offsets" for "curies"."""
    return strings.removesuffix("s") + "_offsets"


def _check_array_sizes(path: Path) -> None:
    """CorruptIndexError when an array of the ``.npz`` file at ``path`` claims more bytes than the file holds for it
    (a damaged header would otherwise make numpy allocate it: a MemoryError, or terabytes)."""
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            with archive.open(member) as stream:
                version = np.lib.format.read_magic(stream)
                read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
                shape, _, dtype = read_header(stream)
            claimed = int(np.prod(shape, dtype=object)) * dtype.itemsize
            if claimed > member.file_size:
                raise CorruptIndexError(f"{path}: array {member.filename} claims {claimed:,} bytes in {member.file_size:,}")


class TermIndex:
    """Normalized name -> postings, and concept records, for one ontology file."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.meta = meta
        self._arrays = arrays  # taken over: each string array is swapped for a view of its copy, one at a time
        self._curies, self._labels, self._records, self._surfaces, self._key_strings, self._epithets = map(
            self._strings, _STRING_ARRAYS
        )
        self._epithet_postings = arrays["epithet_postings"]
        self._epithet_concepts = arrays["epithet_concepts"]
        self._key_postings = arrays["key_postings"]
        self._post_concept = arrays["post_concept"]
        self._post_kind = arrays["post_kind"]
        self._post_flags = arrays["post_flags"]
        self.obsolete = arrays["obsolete"].astype(bool)
        self._keys: dict[str, int] | None = None
        if meta.get("tier") != GROUNDING_TIER:
            keys = self._key_strings.all()
            self._keys = dict(zip(keys, range(len(keys))))

    def _strings(self, name: str) -> _Strings:
        """The string array ``name`` of :attr:`_arrays` as :class:`_Strings`; the arrays become views of its memory."""
        strings = _Strings(self._arrays[name], self._arrays[_offsets_name(name)])
        self._arrays[name], self._arrays[_offsets_name(name)] = strings.buffer, strings.offsets
        return strings

    # -- compiling ---------------------------------------------------------------------------
    @classmethod
    def compile(cls, ontology: pronto.Ontology, meta: dict[str, Any]) -> TermIndex:
        """Compile the index of a pronto ontology; ``meta`` is stored alongside (source, digest...)."""
        return cls._compile(_pronto_entries(ontology), meta)

    @classmethod
    def compile_taxa(cls, taxa: Iterable[Taxon], meta: dict[str, Any]) -> TermIndex:
        """Compile the grounding-tier index of a taxon table (:func:`~entitylink.ontologies.ncbitaxon.read_taxon_table`):
        each taxon's scientific name, rank and parent."""
        return cls._compile((_taxon_entry(taxon) for taxon in taxa), {**meta, "tier": GROUNDING_TIER})

    @classmethod
    def _compile(cls, entries: Iterable[_Entry], meta: dict[str, Any]) -> TermIndex:
        curies: list[str] = []
        labels: list[str] = []
        records: list[str] = []
        obsolete: list[bool] = []
        best: dict[str, dict[int, tuple[NameKind, str]]] = {}
        xref_source: list[int] = []
        xref_targets: list[str] = []
        xref_predicates: list[str] = []
        for curie, label, record in sorted(entries, key=lambda entry: entry[0]):
            index = len(curies)
            curies.append(curie)
            labels.append(label)
            records.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            obsolete.append(bool(record.get("obsolete")))
            for target, predicate in record.get("xrefs", ()):
                xref_source.append(index)
                xref_targets.append(target)
                xref_predicates.append(predicate)
            for text, kind in _names(label, record.get("synonyms", ()), bool(record.get("obsolete"))):
                key = normalize(text)
                if not key:
                    continue
                per_concept = best.setdefault(key, {})
                if index not in per_concept or kind < per_concept[index][0]:
                    per_concept[index] = (kind, text)
        epithets = _epithet_postings(curies, labels, obsolete)
        keys = sorted(best)
        key_postings = np.zeros(len(keys) + 1, dtype=np.int64)
        post_concept, post_kind, post_flags, surfaces = [], [], [], []
        for i, key in enumerate(keys):
            for concept, (kind, text) in sorted(best[key].items(), key=lambda item: (item[1][0], item[0])):
                post_concept.append(concept)
                post_kind.append(int(kind))
                post_flags.append(_CASE_SENSITIVE if kind == NameKind.ABBREVIATION or is_acronym_like(text) else 0)
                surfaces.append(text)
            key_postings[i + 1] = len(post_concept)
        strings = {
            "curies": _Strings.pack(curies),
            "labels": _Strings.pack(labels),
            "records": _Strings.pack(records),
            "surfaces": _Strings.pack(surfaces),
            "keys": _Strings.pack(keys),
            "epithets": _Strings.pack(epithets),
            "xref_targets": _Strings.pack(xref_targets),
            "xref_predicates": _Strings.pack(xref_predicates),
        }
        arrays: dict[str, np.ndarray] = {}
        for name, packed in strings.items():
            arrays[name] = packed.buffer
            arrays[_offsets_name(name)] = packed.offsets
        arrays.update(
            key_postings=key_postings,
            post_concept=np.asarray(post_concept, dtype=np.int32),
            post_kind=np.asarray(post_kind, dtype=np.int8),
            post_flags=np.asarray(post_flags, dtype=np.int8),
            obsolete=np.asarray(obsolete, dtype=np.uint8),
            xref_source=np.asarray(xref_source, dtype=np.int32),
            epithet_postings=np.cumsum([0, *map(len, epithets.values())], dtype=np.int64),
            epithet_concepts=np.asarray([n for numbers in epithets.values() for n in numbers], dtype=np.int32),
        )
        meta = {
            **meta,
            "format": index_fingerprint(),
            "concepts": len(curies),
            "names": len(post_concept),
            "keys": len(keys),
            "xrefs": len(xref_source),
        }
        return cls(arrays, meta)

    # -- storage -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the index to ``path`` (an uncompressed ``.npz``); the caller makes it atomic."""
        meta = np.frombuffer(json.dumps(self.meta, sort_keys=True).encode("utf-8"), dtype=np.uint8)
        with open(path, "wb") as handle:
            np.savez(handle, meta=meta, **self._arrays)

    @staticmethod
    def read_meta(path: Path) -> dict[str, Any]:
        """Only the metadata of a stored index (cheap); raise :class:`CorruptIndexError` if unreadable."""
        try:
            with np.load(path, allow_pickle=False) as archive:
                return json.loads(archive["meta"].tobytes().decode("utf-8"))
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, UnicodeDecodeError) as error:
            raise CorruptIndexError(f"{path}: {type(error).__name__}: {error}") from None

    @classmethod
    def load(cls, path: Path) -> TermIndex:
        """Read an index written by :meth:`save`; raise :class:`CorruptIndexError` if it is damaged."""
        try:
            _check_array_sizes(path)
            with np.load(path, allow_pickle=False) as archive:
                arrays = {name: archive[name] for name in archive.files}
            meta = json.loads(arrays.pop("meta").tobytes().decode("utf-8"))
            index = cls(arrays, meta)
        except CorruptIndexError:
            raise
        except (OSError, ValueError, KeyError, EOFError, MemoryError, zipfile.BadZipFile, UnicodeDecodeError) as error:
            raise CorruptIndexError(f"{path}: {type(error).__name__}: {error}") from None
        if len(index._curies) != meta.get("concepts") or len(index._post_concept) != meta.get("names"):
            raise CorruptIndexError(f"{path}: array sizes disagree with the recorded counts")
        return index

    # -- queries -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._curies)

    def __contains__(self, key: str) -> bool:
        return self._key_number(key) is not None

    def keys(self) -> Iterator[str]:
        """Every normalized name key of the file."""
        return iter(self._keys if self._keys is not None else self._key_strings.all())

    def _key_number(self, key: str) -> int | None:
        if self._keys is not None:
            return self._keys.get(key)
        return self._key_strings.position(key)

    def postings(self, key: str) -> list[Posting]:
        """The names filed under a normalized key, best kind first."""
        number = self._key_number(key)
        if number is None:
            return []
        start, end = int(self._key_postings[number]), int(self._key_postings[number + 1])
        return [
            Posting(
                concept=int(self._post_concept[i]),
                kind=NameKind(int(self._post_kind[i])),
                surface=self._surfaces[i],
                case_sensitive=bool(self._post_flags[i] & _CASE_SENSITIVE),
            )
            for i in range(start, end)
        ]

    def with_epithet(self, stem: str) -> list[int]:
        """The taxa (concept numbers) whose Latin name ends in an epithet of stem ``stem``
        (:func:`~entitylink.kb.epithet.epithet_stem`); none outside a taxonomy."""
        position = self._epithets.position(stem)
        if position is None:
            return []
        return self._epithet_concepts[self._epithet_postings[position] : self._epithet_postings[position + 1]].tolist()

    def curie(self, concept: int) -> str:
        return self._curies[concept]

    def number(self, curie: str) -> int | None:
        """The concept number of a CURIE (or alternative id), or None."""
        if self.meta.get("tier") == GROUNDING_TIER:
            return self._curies.position(curie)  # compiled in CURIE order, without alternative ids
        return self.concept_numbers.get(curie)

    @cached_property
    def concept_numbers(self) -> dict[str, int]:
        """CURIE (and alternative id) -> concept number."""
        numbers = dict(zip(self._curies.all(), range(len(self._curies))))
        for number in list(numbers.values()):
            if '"alt_ids"' in self._records[number]:
                for alt in json.loads(self._records[number])["alt_ids"]:
                    numbers.setdefault(alt, number)
        return numbers

    def labels(self) -> list[str]:
        """The label of every concept, by concept number."""
        return self._labels.all()

    def rank(self, concept: int) -> str | None:
        """A taxon's rank ("species"), without building its whole :class:`Concept`."""
        record = self._records[concept]
        return json.loads(record).get("rank") if '"rank"' in record else None

    def concept(self, concept: int) -> Concept:
        """The full :class:`Concept` of a concept number."""
        curie = self._curies[concept]
        record = json.loads(self._records[concept])
        return Concept(
            curie=curie,
            label=self._labels[concept],
            ontology=ontology_of(curie),
            definition=record.get("definition"),
            synonyms=tuple(Synonym(*s) for s in record.get("synonyms", ())),
            xrefs=tuple(Xref(c, p) for c, p in record.get("xrefs", ())),
            parents=tuple(record.get("parents", ())),
            alt_ids=tuple(record.get("alt_ids", ())),
            obsolete=bool(record.get("obsolete")),
            replaced_by=tuple(record.get("replaced_by", ())),
            consider=tuple(record.get("consider", ())),
            rank=record.get("rank"),
            tree_numbers=tuple(record.get("tree_numbers", ())),
            pharmacological_actions=tuple(record.get("pharmacological_actions", ())),
            mapped_to=tuple(record.get("mapped_to", ())),
        )

    def xref_pairs(self) -> Iterator[tuple[str, str, str]]:
        """Every (source CURIE, target CURIE, predicate) of this file."""
        targets, predicates = (_Strings(self._arrays[name], self._arrays[_offsets_name(name)]).all()
                               for name in ("xref_targets", "xref_predicates"))  # fmt: skip
        for source, target, predicate in zip(self._arrays["xref_source"].tolist(), targets, predicates):
            yield self._curies[source], target, predicate
