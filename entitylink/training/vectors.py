"""Static word vectors for the NER: floret vectors trained here on the corpora and the ontologies.

The text is every training document of the gold corpora (never a dev document, see
:func:`~entitylink.training.corpora.train_documents`) and, from the bundled MONDO and MeSH,
each term's name, synonyms and definition, tokenized as the pipeline tokenizes and lower-cased.
floret (fastText with hashed subwords) learns one table of :data:`FLORET_SETTINGS` rows, so
any word, unseen ones too, gets a vector from its character n-grams; the table becomes the
vectors of a spaCy pipeline folder, which ``ner.cfg`` reads at ``[initialize] vectors``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

import spacy
from spacy.training.initialize import convert_vectors

from entitylink.errors import EntitylinkError, ModelError
from entitylink.kb.ontology_files import load_ontology
from entitylink.pipeline.tokenizer import biomedical_tokenizer
from entitylink.training.corpora import train_documents

__all__ = ["FLORET_SETTINGS", "VECTOR_ATTR", "check_vectors", "ontology_texts", "train_vectors", "vector_texts"]

#: floret's training settings (``floret.train_unsupervised``); the table has ``bucket`` rows of ``dim`` floats.
FLORET_SETTINGS = {"model": "skipgram", "mode": "floret", "dim": 100, "bucket": 50000, "minn": 4, "maxn": 5,
                   "hashCount": 2, "epoch": 10, "minCount": 2, "thread": 2}  # fmt: skip
#: The token attribute the vectors are looked up by: the lower-cased text, as they were trained.
VECTOR_ATTR = "LOWER"


def ontology_texts(paths: Iterable[Path]) -> Iterator[str]:
    """The name, each synonym and the definition of every term of the OBO files ``paths``."""
    for path in paths:
        for term in load_ontology(path).terms():
            yield from (str(text) for text in (term.name, term.definition) if text)
            yield from (synonym.description for synonym in term.synonyms)


def vector_texts(corpora: Path, ontologies: Iterable[Path]) -> Iterator[str]:
    """Lines of lower-cased tokens, as the pipeline tokenizes: the training documents under ``corpora``,
    then the ontology texts."""
    texts = (document.text for _, document in train_documents(corpora))
    tokenizer = biomedical_tokenizer(spacy.blank("en"))
    for doc in tokenizer.pipe(chain(texts, ontology_texts(ontologies)), batch_size=256):
        yield " ".join(token.lower_ for token in doc if not token.is_space)


def train_vectors(text: Path, output: Path, settings: dict[str, object] | None = None) -> Path:
    """Train floret on ``text`` (one line of tokens a document) and write the vectors as the spaCy
    pipeline folder ``output``; ``settings`` override :data:`FLORET_SETTINGS`."""
    try:
        import floret  # only needed to train vectors (the "train" extra)
    except ImportError:
        raise EntitylinkError("training vectors needs floret: pip install 'entitylink[train]'") from None

    chosen = {**FLORET_SETTINGS, **(settings or {})}
    model = floret.train_unsupervised(str(text), **chosen)
    table = output.with_suffix(".floret")
    model.save_floret_vectors(str(table))
    nlp = spacy.blank("en")
    convert_vectors(nlp, table, truncate=0, prune=-1, mode="floret", attr=VECTOR_ATTR)
    nlp.to_disk(output)
    return output


def check_vectors(folder: Path) -> None:
    """Raise :class:`ModelError` naming ``folder`` unless it holds the vectors :func:`train_vectors` writes."""
    if not (folder / "vocab" / "vectors.cfg").is_file():
        raise ModelError(folder, "no static vectors here; train them with scripts/train_vectors.py")
