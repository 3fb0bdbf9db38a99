"""Same input, same output (issue 16): a document's annotation is a function of its text and the
pipeline, whatever the batch size, its place in the batch, the number of worker processes or the
documents annotated before it.

The corpus test (slow: 3.5 CPU-minutes with the next test, most of it the NER) annotates the first
2,000 distinct train abstracts of S800, NCBI-disease, BC5CDR, BioRED and S1000 with the default
pipeline (NER and dictionary): at batch size 64 in file order (the reference), the same 2,000 at
batch size 7 in a shuffled order, 500 of them one at a time (batch size 1) in reverse order, and 300
with two worker processes (batch size 16, several batches per worker); every document's JSON record
must equal the reference's. The batch-size-1 and two-process runs take subsets to keep the test
within minutes on two cores: batch size 1 is also what
``test_a_document_alone_and_inside_a_batch_gets_the_same_entities`` checks, and a fresh process
(where orders that follow memory addresses differ) is what ``tests/cli/test_annotate_kill_resume.py``
starts six times.
"""

from __future__ import annotations

import json
import random

import pytest
from spacy.language import Language

from entitylink.annotate import annotate_documents
from entitylink.io.readers import Document
from entitylink.io.writers import document_record

DOCUMENTS = 2000
ALONE_DOCUMENTS = 500
WORKER_DOCUMENTS = 300
#: S800's "The peptidoglycan-binding protein FimV...": "peptidoglycan (PG)", whose PG an NER has tagged a THERAPY
#: in one place and a DISEASE in another
PEPTIDOGLYCAN = "21097635"


def records(nlp: Language, documents: list[Document], batch_size: int, n_process: int = 1) -> dict[str, str]:
    """Document id -> its JSON record, as ``entitylink annotate`` writes it."""
    docs = annotate_documents(nlp, documents, batch_size=batch_size, n_process=n_process)
    return {str(doc._.doc_id): json.dumps(document_record(doc), sort_keys=True) for doc in docs}


def differences(expected: dict[str, str], found: dict[str, str]) -> list[str]:
    assert found.keys() == expected.keys()
    return [key for key in expected if found[key] != expected[key]]


@pytest.fixture(scope="module")
def abstracts(corpus_abstracts: list[Document]) -> list[Document]:
    documents = corpus_abstracts[:DOCUMENTS]
    assert len(documents) == DOCUMENTS and len({d.id for d in documents}) == DOCUMENTS
    assert PEPTIDOGLYCAN in {d.id for d in documents}
    return documents


@pytest.fixture(scope="module")
def reference(nlp: Language, abstracts: list[Document]) -> dict[str, str]:
    return records(nlp, abstracts, batch_size=64)


@pytest.mark.slow
def test_corpus_records_do_not_depend_on_batching_order_or_workers(nlp, abstracts, reference):
    shuffled = random.Random(16).sample(abstracts, len(abstracts))
    assert differences(reference, records(nlp, shuffled, batch_size=7)) == [], 7
    for documents, batch_size, n_process in ((shuffled[:ALONE_DOCUMENTS][::-1], 1, 1), (abstracts[:WORKER_DOCUMENTS], 16, 2)):
        found = records(nlp, documents, batch_size, n_process)
        assert differences({key: reference[key] for key in found}, found) == [], (batch_size, n_process)


@pytest.mark.slow
def test_a_document_alone_and_inside_a_batch_gets_the_same_entities(nlp, abstracts, reference):
    target = next(d for d in abstracts if d.id == PEPTIDOGLYCAN)
    others = [d for d in abstracts[:200] if d.id != PEPTIDOGLYCAN]
    alone = records(nlp, [target], batch_size=1)[PEPTIDOGLYCAN]
    for position in (0, 63):
        batch = others[:position] + [target] + others[position:63]
        assert records(nlp, batch, batch_size=64)[PEPTIDOGLYCAN] == alone
    assert alone == reference[PEPTIDOGLYCAN]
    entities = json.loads(alone)["entities"]
    labels = {e["label"] for e in entities if e["text"] in ("peptidoglycan", "PG")}
    # the long form and its short forms: one label (merge_policies.tie_abbreviations), or none at all when
    # nothing links any of them (the shipped NER tags every PG a THERAPY, which peptidoglycan is not)
    assert len(labels) <= 1
