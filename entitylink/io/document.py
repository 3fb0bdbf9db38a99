"""The records readers yield: a document to annotate, with the gold annotations its file may carry."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Annotation", "Document"]


@dataclass(frozen=True)
class Annotation:
    """A mention of a PubTator file: offsets into the document text, its type and its raw identifier column."""

    start: int
    end: int
    text: str
    type: str
    id: str


@dataclass
class Document:
    """A document to annotate."""

    id: str
    text: str
    #: where it came from (a file, or a file and a record number)
    source: str = ""
    annotations: list[Annotation] = field(default_factory=list)
    #: set when the input could not be read as text; the document is reported, not annotated
    error: str | None = None
    #: PubTator documents: where the title ends in ``text`` (the abstract starts one character later)
    title_end: int | None = None
    #: PubMed articles: the year of publication and the journal's title, when the record gives them
    year: int | None = None
    journal: str | None = None
