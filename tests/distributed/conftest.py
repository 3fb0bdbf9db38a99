"""A small synthetic PubMed baseline (PubMed XML.gz files made from corpus abstracts, one of them corrupt, and a
JSONL file large enough to be cut) and a local Dask cluster of two worker processes for the tests of
:mod:`entitylink.distributed`."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from entitylink.io.readers import read_inputs

pytest.importorskip("distributed")

from distributed import Client, LocalCluster

REPO = Path(__file__).resolve().parents[2]
#: abstracts of the gold corpora shipped with the repository: four BC5CDR dev abstracts, the example abstracts
#: and the abstracts of the evaluation fixture
SOURCES = [
    REPO / "examples" / "pubmed_sample.xml",
    REPO / "examples" / "abstracts",
    REPO / "tests" / "fixtures" / "eval_tiny.pubtator",
]
JOURNALS = ["Blood", "Nephrology Dialysis Transplantation", "Journal of Feline Medicine and Surgery"]


def corpus_abstracts() -> list[tuple[str, str]]:
    """(title, abstract) of every document of :data:`SOURCES`."""
    pairs = []
    for document in read_inputs(SOURCES):
        end = document.title_end if document.title_end is not None else document.text.index("\n")
        pairs.append((document.text[:end].strip(), document.text[end:].strip()))
    return pairs


def pubmed_xml(articles: list[tuple[int, str, str]]) -> bytes:
    """A PubMed baseline file of ``(pmid, title, abstract)`` articles, with a journal and a publication year each."""
    records = "".join(
        f'<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">{pmid}</PMID><Article>'
        f"<Journal><JournalIssue><PubDate><Year>{2000 + pmid % 7}</Year></PubDate></JournalIssue>"
        f"<Title>{JOURNALS[pmid % 3]}</Title></Journal><ArticleTitle>{escape(title)}</ArticleTitle>"
        f"<Abstract><AbstractText>{escape(abstract)}</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n"
        for pmid, title, abstract in articles
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n{records}</PubmedArticleSet>\n'.encode()


def write_baseline(folder: Path, files: int = 4, per_file: int = 3, jsonl_documents: int = 12) -> list[Path]:
    """``files`` PubMed XML.gz files of ``per_file`` articles, the last one cut short (corrupt), and a JSONL file."""
    folder.mkdir(parents=True, exist_ok=True)
    abstracts = cycle(corpus_abstracts())
    paths = []
    for number in range(1, files + 1):
        articles = [(number * 1000 + i, *next(abstracts)) for i in range(per_file)]
        data = gzip.compress(pubmed_xml(articles), mtime=0)
        path = folder / f"pubmed26n{number:04d}.xml.gz"
        path.write_bytes(data[: len(data) * 2 // 3] if number == files else data)
        paths.append(path)
    jsonl = folder / "abstracts.jsonl"
    lines = [
        json.dumps({"id": f"J{i}", "text": f"{title} {text}"})
        for i, (title, text) in enumerate(islice(abstracts, jsonl_documents))
    ]
    lines[3] = '{"id": "broken", "text": '  # a line that is not JSON: a failed document named after its line
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*paths, jsonl]


@pytest.fixture(scope="session")
def make_baseline():
    """:func:`write_baseline`, for tests that need a baseline of their own."""
    return write_baseline


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_baseline(tmp_path_factory.mktemp("baseline"))


@pytest.fixture(scope="session")
def client(kb: object) -> Iterator[Client]:
    """Two worker processes of one thread each (the index cache is warm: ``kb`` built it)."""
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as connected,
    ):
        yield connected
