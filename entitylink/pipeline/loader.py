"""The whole pipeline in one call: ``nlp = entitylink.load()``.

Components, in order:

============================  ==========================================================
``sentencizer``               spaCy's rule-based sentence splitter (``sentences="rules"``)
                              or scispaCy's ``pysbd_sentencizer`` (``sentences="pysbd"``,
                              better on odd punctuation, about 8 ms per abstract slower)
``entitylink_abbreviations``  scispaCy's Schwartz & Hearst abbreviation detector, with a
                              matcher that stays linear on long texts
``entitylink_ner``            the NER trained on the gold corpora (``scripts/train_ner.py``),
                              shipped in ``entitylink/resources/ner`` (``ner=False``: none)
``entitylink_dictionary``     dictionary mention detection, merged with the NER's
                              entities by a policy of :mod:`.merge_policies`
``entitylink_linker``         identifiers, names, scores (:mod:`.linker`)
============================  ==========================================================

The tokenizer is scispaCy's, splitting hyphenated words too (:mod:`.tokenizer`).
Every component is registered with spaCy (``nlp.add_pipe("entitylink_linker")``)
and configurable through spaCy's config system.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import scispacy.abbreviation
import scispacy.custom_sentence_segmenter  # noqa: F401  (registers "pysbd_sentencizer")
import spacy
from spacy.language import Language

from entitylink.kb.knowledge_base import check_sources
from entitylink.labels import LABELS, THERAPY

# importing the component modules registers their factories and the tokenizer with spaCy
from entitylink.pipeline import (  # noqa: F401
    RECOGNIZERS,
    abbreviations,
    dictionary_recognizer,
    linker,
    tokenizer,
    trained_recognizer,
)

__all__ = ["RECOGNIZERS", "load"]

# scispaCy's detector runs a matcher that is empty for every text without abbreviations, and spaCy warns each time.
warnings.filterwarnings("ignore", message=r"\[W036\]", category=UserWarning, module="scispacy.abbreviation")

_SENTENCIZERS = {"rules": "sentencizer", "pysbd": "pysbd_sentencizer"}
#: Characters a document may have. The components are linear in the text, so long full texts are fine
#: (spaCy's default of one million guards parsers that need about 1 GB per 100,000 words).
MAX_LENGTH = 50_000_000


def load(
    *,
    ontologies: Mapping[str, str | Path | None] | None = None,
    cache_dir: str | Path | None = None,
    labels: Iterable[str] = LABELS,
    sentences: str = "rules",
    implicit_human: bool = True,
    fuzzy_threshold: float | None = 0.85,
    ner: bool | str | Path = True,
    dictionary: bool = True,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    mesh_newest: str | None = None,
) -> Language:
    """A ``spacy.Language`` that tags and links diseases, species and therapies.

    ``ontologies`` overrides bundled ontology files as in :func:`entitylink.load_kb`
    (``{"mondo": "my-mondo.obo", "mesh-supplementary": None}``); ``labels`` restricts
    the entity labels; ``implicit_human`` links "patients", "women"... to Homo sapiens;
    ``fuzzy_threshold`` is the character 3-gram similarity fuzzy links need (None: off).
    ``ner`` adds the trained NER (True: the bundled model; a path: a model trained with
    ``scripts/train_ner.py``; False: none) and ``dictionary`` the dictionary recognizer;
    with both, their entities are merged by the hybrid policy of :mod:`.merge_policies`.
    ``config`` adds settings per component name (``{"entitylink_linker": {"max_alternatives": 3}}``).
    ``mesh_newest`` gives MeSH ids as the earlier MeSH release whose newest records it names (``"D066126"``,
    BC5CDR's newest descriptor; ``"D061325,C548028"``, NCBI-disease's newest descriptor and supplementary
    concept): the linker's setting of that name.

    The first call on a machine compiles the ontology indexes (1 to 3 minutes, cached for every later call).
    """
    _check_arguments(ontologies, labels, fuzzy_threshold, config)
    if sentences not in _SENTENCIZERS:
        raise ValueError(f"sentences={sentences!r}: choose one of {sorted(_SENTENCIZERS)}")
    if not (ner or dictionary):
        raise ValueError("ner=False and dictionary=False: the pipeline needs at least one recognizer")
    labels = list(labels)
    if not dictionary and set(labels) != set(LABELS):
        raise ValueError(f"labels={list(labels)} needs the dictionary recognizer (dictionary=True), which filters labels")
    sources = {name: None if path is None else str(path) for name, path in (ontologies or {}).items()} or None
    shared = {"ontologies": sources, "cache_dir": None if cache_dir is None else str(cache_dir)}
    extra = {name: dict(values) for name, values in (config or {}).items()}
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "entitylink.BiomedicalTokenizer.v1"}}})
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe(_SENTENCIZERS[sentences], config=extra.pop(_SENTENCIZERS[sentences], {}))
    nlp.add_pipe("entitylink_abbreviations", config=extra.pop("entitylink_abbreviations", {}))
    if ner:
        nlp.add_pipe("entitylink_ner", config={"model": None if ner is True else str(ner), **extra.pop("entitylink_ner", {})})
    if dictionary:
        nlp.add_pipe("entitylink_dictionary", config={**shared, "labels": list(labels), "implicit_human": implicit_human,
                                                       **extra.pop("entitylink_dictionary", {})})  # fmt: skip
    nlp.add_pipe("entitylink_linker", config={**shared, "fuzzy_threshold": fuzzy_threshold, "therapy_sense": THERAPY in labels,
                                               "mesh_newest": mesh_newest, **extra.pop("entitylink_linker", {})})  # fmt: skip
    if extra:
        raise ValueError(f"config names unknown components {sorted(extra)}; the pipeline has {nlp.pipe_names}")
    return nlp


def _check_arguments(ontologies: object, labels: object, fuzzy_threshold: object, config: object) -> None:
    """A TypeError or ValueError naming the argument of :func:`load` that cannot be used."""
    check_sources(ontologies, "load(ontologies)")
    if isinstance(labels, str) or not isinstance(labels, Iterable):
        raise TypeError(f"load(labels={labels!r}): expected a list of labels, e.g. [{labels!r}]")
    unknown = sorted(str(label) for label in labels if label not in LABELS)
    if unknown:
        raise ValueError(f"load(labels): unknown labels {unknown}; choose among {list(LABELS)}")
    if fuzzy_threshold is not None and not (isinstance(fuzzy_threshold, (int, float)) and 0 < fuzzy_threshold <= 1):
        raise ValueError(f"load(fuzzy_threshold={fuzzy_threshold!r}): expected None or a number in (0, 1]")
    if config is not None and not (isinstance(config, Mapping) and all(isinstance(v, Mapping) for v in config.values())):
        raise TypeError(f"load(config): expected {{component name: {{setting: value}}}}, not {config!r:.60}")
