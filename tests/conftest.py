"""Shared fixtures: the bundled knowledge base (built once per machine, then cached), the pipeline,
the annotated example abstracts, and tiny OBO files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import entitylink
from entitylink.io.readers import Document, read_inputs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "abstracts"
#: The gold corpora: ``../shared/data/corpora`` beside the clone (as CI has it), or ``$ENTITYLINK_CORPORA``.
CORPORA = Path(os.environ.get("ENTITYLINK_CORPORA") or Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora")
#: Train splits whose abstracts the determinism tests annotate, in this order (2,028 distinct abstracts together).
CORPUS_TRAIN_FILES = [CORPORA / name / "train.pubtator" for name in ("s800", "ncbi-disease", "bc5cdr", "biored", "s1000")]

TINY_OBO = """format-version: 1.4
data-version: tiny/2026-01-01
synonymtypedef: abbreviation "abbreviation"
ontology: tiny

[Term]
id: MONDO:0000001
name: disease

[Term]
id: MONDO:0000010
name: acute myeloid leukemia
synonym: "AML" EXACT abbreviation []
synonym: "acute myelogenous leukaemia" EXACT []
synonym: "myeloid leukemia, acute" RELATED []
xref: MESH:D015470
is_a: MONDO:0000001
property_value: skos:exactMatch MESH:D015470

[Term]
id: MONDO:0000011
name: obsolete acute myeloid leukemia, somatic
is_obsolete: true
replaced_by: MONDO:0000010

[Term]
id: MONDO:0000012
name: obsolete mystery syndrome
is_obsolete: true
consider: MONDO:0000001

[Term]
id: MONDO:0000020
name: Crohn disease
synonym: "regional enteritis" EXACT []
is_a: MONDO:0000001
"""


@pytest.fixture(scope="session")
def kb() -> entitylink.KnowledgeBase:
    """The bundled knowledge base, from the user cache (the first run on a machine compiles it, ~1 min)."""
    return entitylink.load_kb()


@pytest.fixture(scope="session")
def nlp(kb: entitylink.KnowledgeBase) -> Language:
    """The default pipeline on the bundled ontologies (shares the cached indexes with ``kb``)."""
    return entitylink.load()


@pytest.fixture(scope="session")
def example_docs(nlp: Language) -> dict[str, Doc]:
    """The three seed abstracts of examples/abstracts, annotated, by file name (without .txt)."""
    return {path.stem: nlp(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def corpus_abstracts() -> list[Document]:
    """The abstracts of :data:`CORPUS_TRAIN_FILES` in order, each PMID once (S1000 repeats S800's, for one);
    the test is skipped where the corpora are absent."""
    missing = [str(path) for path in CORPUS_TRAIN_FILES if not path.is_file()]
    if missing:
        pytest.skip(f"the corpora are not available: {missing} (set ENTITYLINK_CORPORA)")
    unique: dict[str, Document] = {}
    for document in read_inputs(CORPUS_TRAIN_FILES):
        unique.setdefault(str(document.id), document)
    return list(unique.values())


@pytest.fixture
def tiny_obo(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.obo"
    path.write_text(TINY_OBO, encoding="utf-8")
    return path


@pytest.fixture
def tiny_sources(tiny_obo: Path) -> dict[str, Path | None]:
    """Sources for :func:`entitylink.load_kb` with only the tiny ontology."""
    return {"mondo": tiny_obo, "mesh": None, "mesh-supplementary": None, "ncbitaxon": None, "ncbitaxon-full": None}
