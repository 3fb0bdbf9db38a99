"""annotate_documents: one Doc per input document, in order, failed documents reported and not annotated."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import entitylink
from entitylink.annotate import annotate_documents
from entitylink.io.readers import Document
from entitylink.pipeline.extensions import doc_error, title_end

TITLE = "Anemia in cats."
ERROR = "not UTF-8 text (byte 0: invalid start byte)"


def documents():
    return [
        Document("first", "Acute myeloid leukemia in patients."),
        Document("unreadable", "", "bad.txt", error=ERROR),
        Document("pubtator", f"{TITLE} The cat received prednisolone.", "x.pubtator#1", title_end=len(TITLE)),
        Document("empty", ""),
        Document("last", "Mice with asthma."),
    ]


def test_one_doc_per_document_in_order(nlp):
    docs = list(annotate_documents(nlp, documents()))
    assert [doc._.doc_id for doc in docs] == ["first", "unreadable", "pubtator", "empty", "last"]
    assert [doc.text for doc in docs] == [d.text for d in documents()]


def test_documents_are_annotated(nlp):
    docs = {doc._.doc_id: doc for doc in annotate_documents(nlp, documents())}
    assert [(e.text, e._.kb_id) for e in docs["first"].ents] == [("Acute myeloid leukemia", "MONDO:0018874"),
                                                                 ("patients", "NCBITaxon:9606")]  # fmt: skip
    assert [e._.kb_id for e in docs["last"].ents] == ["NCBITaxon:10090", "MONDO:0004979"]
    assert "MESH:D011239" in [e._.kb_id for e in docs["pubtator"].ents]
    assert all(doc_error(doc) is None for name, doc in docs.items() if name != "unreadable")


def test_failed_document_is_empty_with_its_error(nlp):
    docs = {doc._.doc_id: doc for doc in annotate_documents(nlp, documents())}
    failed = docs["unreadable"]
    assert doc_error(failed) == ERROR
    assert len(failed) == 0 and failed.text == "" and not failed.ents
    assert failed._.linked_entities == {"DISEASE": [], "SPECIES": [], "THERAPY": []}


def test_failed_document_text_is_never_annotated(nlp):
    (doc,) = annotate_documents(nlp, [Document("x", "Acute myeloid leukemia in a cat.", error="unreadable input")])
    assert doc_error(doc) == "unreadable input"
    assert doc.text == "" and not doc.ents


def test_title_end_is_kept(nlp):
    docs = {doc._.doc_id: doc for doc in annotate_documents(nlp, documents())}
    assert title_end(docs["pubtator"]) == len(TITLE)
    assert docs["pubtator"].text[: title_end(docs["pubtator"])] == TITLE
    assert title_end(docs["first"]) is None and title_end(docs["unreadable"]) is None


def test_small_batches_and_a_lazy_input(nlp):
    lazy = (d for d in documents())
    docs = list(annotate_documents(nlp, lazy, batch_size=2))
    assert [doc._.doc_id for doc in docs] == ["first", "unreadable", "pubtator", "empty", "last"]
    assert doc_error(docs[1]) == ERROR and docs[4].ents


def test_no_documents(nlp):
    assert list(annotate_documents(nlp, [])) == []


def test_many_documents_keep_their_ids(nlp):
    many = [Document(f"d{i}", "A cat." if i % 2 else "Anemia.") for i in range(150)]
    docs = list(annotate_documents(nlp, many, batch_size=64))
    assert [doc._.doc_id for doc in docs] == [f"d{i}" for i in range(150)]
    assert all(doc.ents[0]._.kb_id == ("NCBITaxon:9685" if i % 2 else "MONDO:0002280") for i, doc in enumerate(docs))


@Language.component("entitylink_test_fails_on_boom")
def _fails_on_boom(doc):
    if "boom" in doc.text:
        raise RuntimeError("boom found")
    doc.user_data["seen"] = True
    return doc


def test_a_component_failure_still_yields_the_doc_with_its_error():
    nlp = spacy.blank("en")
    nlp.add_pipe("entitylink_test_fails_on_boom")
    docs = list(annotate_documents(nlp, [Document("ok", "fine"), Document("bad", "boom here"), Document("after", "fine too")]))
    assert [doc._.doc_id for doc in docs] == ["ok", "bad", "after"]
    assert doc_error(docs[1]) == "entitylink_test_fails_on_boom failed: RuntimeError: boom found"
    assert doc_error(docs[0]) is None and doc_error(docs[2]) is None
    assert docs[2].user_data.get("seen") is True


class _HoldsNoHandler:
    """A component like spaCy 3.8's compiled NER: it batches with ``pipe`` and cannot hold an error handler."""

    __slots__ = ()

    def __call__(self, doc):
        if "boom" in doc.text:
            raise RuntimeError("boom found")
        return doc

    def pipe(self, docs, batch_size=None):
        for doc in docs:
            yield self(doc)

    def set_error_handler(self, handler):
        raise AttributeError("'_HoldsNoHandler' object has no attribute 'error_handler'")


@Language.factory("entitylink_test_holds_no_handler")
def _holds_no_handler(nlp, name):
    return _HoldsNoHandler()


def test_a_batch_a_component_without_error_handler_fails_on_is_annotated_one_by_one():
    nlp = spacy.blank("en")
    nlp.add_pipe("entitylink_test_holds_no_handler")
    inputs = [Document("ok", "fine"), Document("bad", "boom here"), Document("after", "fine too"), Document("next", "yes")]
    docs = list(annotate_documents(nlp, inputs, batch_size=2))
    assert [doc._.doc_id for doc in docs] == ["ok", "bad", "after", "next"]
    assert doc_error(docs[1]) == "annotation failed: RuntimeError: boom found"
    assert [doc_error(doc) for doc in (docs[0], docs[2], docs[3])] == [None, None, None]
    assert docs[3].text == "yes"


# -- nothing lost (issue 17) -------------------------------------------------------------------------------
def test_a_lone_surrogate_fails_its_document_only(nlp):
    docs = list(annotate_documents(nlp, [Document("a", "Anemia."), Document("b\ud800", "Bad \ud800 text."),
                                         Document("c", "Mice with asthma.")]))  # fmt: skip
    assert [d._.doc_id for d in docs] == ["a", "b\\ud800", "c"]
    assert doc_error(docs[1]) is not None and "lone surrogate" in doc_error(docs[1])
    assert [doc_error(d) is None for d in (docs[0], docs[2])] == [True, True]
    assert docs[1].text == ""  # nothing of it is annotated or written


def test_a_text_past_the_size_limit_is_a_failed_record(nlp, monkeypatch):
    import entitylink.io.document as document

    monkeypatch.setattr(document, "MAX_TEXT_LENGTH", 20)
    docs = list(annotate_documents(nlp, [Document("long", "Acute myeloid leukemia in patients."), Document("ok", "Anemia.")]))
    assert "more than the 20 annotated" in doc_error(docs[0]) and doc_error(docs[1]) is None


def test_an_iterable_that_raises_is_no_annotation_failure(nlp):
    """What the caller's iterable raises reaches the caller, after the documents read before it."""

    def documents():
        yield Document("a", "Anemia.")
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for doc in annotate_documents(nlp, documents()):
            seen.append(doc._.doc_id)
    assert seen == ["a"]


@pytest.mark.parametrize("n_process, error", [(0, ValueError), (-1, ValueError), ("2", TypeError), (1.5, TypeError),
                                              (True, TypeError)])  # fmt: skip
def test_n_process_is_validated(nlp, n_process, error):
    with pytest.raises(error, match="n_process"):
        list(annotate_documents(nlp, [Document("a", "Anemia.")], n_process=n_process))
    with pytest.raises(error, match="n_process"):
        entitylink.annotate(["Anemia."], nlp, n_process=n_process)


def test_one_string_is_not_a_sequence_of_texts(nlp):
    with pytest.raises(TypeError, match="annotate\\(\\[text\\]\\)"):
        entitylink.annotate("Anemia in a cat.", nlp)
