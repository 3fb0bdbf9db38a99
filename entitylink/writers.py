"""Writing annotated documents: JSON Lines, PubTator, Markdown, and one row per mention as TSV, CSV or Parquet."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from spacy.tokens import Doc, Span

from .annotate import doc_error, title_end
from .labels import SPECIES
from .render import render_markdown
from .tables import write_mentions_csv

__all__ = ["BINARY_FORMATS", "FORMATS", "document_record", "pubtator_id", "write_docs", "write_jsonl", "write_markdown", "write_pubtator"]

FORMATS = ("jsonl", "pubtator", "markdown", "tsv", "csv", "parquet")
#: Formats written to a file path rather than a text stream (:func:`entitylink.tables.write_mentions_parquet`).
BINARY_FORMATS = ("parquet",)


def pubtator_id(ent: Span) -> str:
    """The identifier column of PubTator: the NCBI taxon number for species, the MeSH id for the others.

    Diseases without a MeSH id keep their MONDO id; unlinked entities get ``-``.
    """
    ids = list(ent._.kb_ids) or ([ent._.kb_id] if ent._.kb_id else [])
    if ent.label_ == SPECIES:
        taxon = next((i for i in ids if i.startswith("NCBITaxon:")), None)
        return taxon.partition(":")[2] if taxon else "-"
    mesh = next((i for i in ids if i.startswith("MESH:")), None)
    return (mesh.partition(":")[2] if mesh else ids[0]) if ids else "-"


def failed_record(doc_id: str, error: str) -> dict[str, Any]:
    return {"id": doc_id, "error": error, "entities": []}


def write_jsonl(docs: Iterable[Doc], out: IO[str]) -> None:
    """One JSON object per document (``doc._.to_dict()``, or the error of a failed document)."""
    for doc in docs:
        out.write(json.dumps(document_record(doc), ensure_ascii=False) + "\n")


def document_record(doc: Doc) -> dict[str, Any]:
    """The JSON record of an annotated document (``doc._.to_dict()``), or of a failed one: its id and error."""
    error = doc_error(doc)
    return failed_record(doc._.doc_id, error) if error else doc._.to_dict()


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


def write_markdown(docs: Iterable[Doc], out: IO[str]) -> None:
    """Per document, a heading with its id and the "Linked entities" / "Full-text entities" sections."""
    for doc in docs:
        error = doc_error(doc)
        body = f"_Not annotated: {error}_\n" if error else (render_markdown(doc) or "_No entities found._\n")
        out.write(f"# {doc._.doc_id}\n\n{body}\n")


_WRITERS = {"jsonl": write_jsonl, "pubtator": write_pubtator, "markdown": write_markdown}
_SEPARATORS_OF_TABLES = {"tsv": "\t", "csv": ","}


def write_docs(docs: Iterable[Doc], out: IO[str], output_format: str, header: bool = True) -> None:
    """Write ``docs`` to ``out`` in one of the text :data:`FORMATS` (``header``: the column names of
    TSV and CSV, left out when continuing a file)."""
    if output_format in _SEPARATORS_OF_TABLES:
        write_mentions_csv(docs, out, sep=_SEPARATORS_OF_TABLES[output_format], header=header)
    else:
        _WRITERS[output_format](docs, out)
