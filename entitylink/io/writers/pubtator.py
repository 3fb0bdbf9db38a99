"""PubTator: title and abstract lines, then one tab-separated line per entity with its MeSH id or taxon number."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from spacy.tokens import Doc, Span

from entitylink.curie import corpus_id
from entitylink.pipeline.extensions import title_end

__all__ = ["pubtator_id", "write_pubtator"]


def pubtator_id(ent: Span) -> str:
    """The identifier column of PubTator (:func:`entitylink.curie.corpus_id`): a species' taxon number, a
    disease's MeSH id (``D015470``), else its OMIM id, else its MONDO id, a therapy's MeSH id; ``-`` when
    unlinked. A coordinated mention has the id of each concept it names, joined with ``|`` as the corpora
    write a composite mention ("breast and ovarian cancer": ``D001943|D010051``)."""
    groups = ent._.conjuncts or [list(ent._.kb_ids) or ([ent._.kb_id] if ent._.kb_id else [])]
    curies = [curie for ids in groups if (curie := corpus_id(ids, ent.label_)) is not None]
    if not curies:
        return "-"
    return "|".join(dict.fromkeys(_local(curie) for curie in curies))


def _local(curie: str) -> str:
    """A PubTator identifier: MeSH and taxon ids without their prefix (``D015470``, ``9606``), others whole."""
    prefix, _, local = curie.partition(":")
    return local if prefix in ("MESH", "NCBITaxon") else curie


def write_pubtator(docs: Iterable[Doc], out: IO[str]) -> None:
    """PubTator: title and abstract lines, then ``PMID<TAB>start<TAB>end<TAB>text<TAB>LABEL<TAB>id`` per entity.

    Offsets count in ``title + " " + abstract``. A document read from PubTator keeps
    its title and abstract; any other is written whole on the title line. A document
    that failed gets its text lines and no annotation.
    """
    for doc in docs:
        doc_id = doc._.doc_id or "-"
        text, end = doc.text, title_end(doc)
        title, abstract = (text[:end], text[end + 1 :]) if end is not None else (text, "")
        out.write(f"{doc_id}|t|{_one_line(title)}\n{doc_id}|a|{_one_line(abstract)}\n")
        for ent in doc.ents:
            out.write(f"{doc_id}\t{ent.start_char}\t{ent.end_char}\t{_one_line(ent.text)}\t{ent.label_}\t{pubtator_id(ent)}\n")
        out.write("\n")


def _one_line(text: str) -> str:
    """Line breaks and tabs become spaces (PubTator's separators), so offsets stay the same."""
    return text.translate(_SEPARATORS)


_SEPARATORS = str.maketrans({"\r": " ", "\n": " ", "\t": " "})
