"""The records readers yield: a document to annotate, with the gold annotations its file may carry."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = ["MAX_TEXT_LENGTH", "Annotation", "Document", "checked"]


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


#: The longest text annotated, in characters (spaCy's own default ``max_length``); a longer document is a
#: failed record saying so. Time and memory grow linearly with length (docs/benchmarks.md): at this size
#: prose takes about 1 GB, a text that is one long run of symbols (a million tokens) about 9 GB.
MAX_TEXT_LENGTH = 1_000_000


def checked(document: Document) -> Document:
    """``document``, or a failed copy of it when its text cannot be annotated: longer than
    :data:`MAX_TEXT_LENGTH` or not valid Unicode (a lone surrogate, which no output can encode).
    An id, source or error that is not valid Unicode (a file name that is not UTF-8) has its bad characters
    escaped (``\\ud800``)."""
    error = None if document.error is None else _escaped(document.error)
    if (_escaped(document.id), _escaped(document.source), error) != (document.id, document.source, document.error):
        document = replace(document, id=_escaped(document.id), source=_escaped(document.source), error=error)
    if document.error is not None:
        return document
    problem = _text_problem(document.text)
    return document if problem is None else replace(document, error=f"{document.source or document.id}: {problem}")


def _escaped(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _text_problem(text: str) -> str | None:
    if len(text) > MAX_TEXT_LENGTH:
        return f"{len(text):,} characters, more than the {MAX_TEXT_LENGTH:,} annotated in one document; split it"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"not valid Unicode text: a lone surrogate (U+{ord(text[error.start]):04X}) at character {error.start}"
    return None
