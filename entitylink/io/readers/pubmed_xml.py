"""PubMed XML (``<PubmedArticleSet>``, plain or gzip-compressed), streamed with lxml: no DTD, no entities, no network."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from entitylink.io.document import Document
from entitylink.io.readers.streams import decompressed, file_stem, xml_root

__all__ = ["is_pubmed_xml", "pubmed_documents", "read_pubmed_xml"]


def is_pubmed_xml(start: bytes, head: bytes) -> bool:
    """Whether an input's first bytes (``start``: without leading space) open a ``<PubmedArticleSet>``."""
    return start.startswith(b"<") and xml_root(start) == "PubmedArticleSet"


def read_pubmed_xml(path: Path) -> Iterator[Document]:
    """The articles of a PubMed XML file (``<PubmedArticleSet>``, plain or gzip-compressed), streamed.

    A document is named by its PMID; its text is ``title + " " + abstract``, the abstract's
    ``AbstractText`` sections joined by spaces, each after ``LABEL: `` when it has a label
    (inline markup such as ``<i>`` keeps its text); ``year`` and ``journal`` are the publication
    year and the journal's title, when the record gives them. ``PubmedBookArticle`` records are read
    the same way; the ``DeleteCitation`` lists of update files are not documents. A record
    without a PMID is a failed document.

    No DTD is loaded, no entity resolved and nothing fetched from the network: a file whose
    DTD declares entities (the XXE and "billion laughs" attacks) is one failed document, and
    so is a file that is not PubMed XML. Malformed XML (or a truncated file) ends the file
    with one failed document saying where.
    """
    with open(path, "rb") as handle:
        yield from pubmed_documents(decompressed(handle), str(path), file_stem(path))


#: a PubMed record's tag: the paths of its PMID, of its title (the first found) and of its abstract's sections
_PUBMED_RECORDS = {
    "PubmedArticle": ("MedlineCitation/PMID", ("MedlineCitation/Article/ArticleTitle",),
                      "MedlineCitation/Article/Abstract/AbstractText"),
    "PubmedBookArticle": ("BookDocument/PMID", ("BookDocument/ArticleTitle", "BookDocument/Book/BookTitle"),
                          "BookDocument/Abstract/AbstractText"),
}  # fmt: skip
#: a PubMed record's tag: the paths of its publication date and of its journal's title
_PUBLICATION = {
    "PubmedArticle": ("MedlineCitation/Article/Journal/JournalIssue/PubDate", "MedlineCitation/Article/Journal/Title"),
    "PubmedBookArticle": ("BookDocument/Book/PubDate", None),
}
_YEAR = re.compile(r"\b(1[5-9]\d\d|2\d\d\d)\b")


#: Bytes fed to the parser at a time: memory stays flat, and the records before an error are read first.
_CHUNK_BYTES = 1 << 16


def pubmed_documents(stream: io.BufferedIOBase, name: str, stem: str) -> Iterator[Document]:
    parser = etree.XMLPullParser(events=("start", "end"), tag=("PubmedArticleSet", *_PUBMED_RECORDS),
                                 resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                                 huge_tree=False)  # fmt: skip
    number = 0
    checked = False
    root = None
    while root is None:
        error: Exception | None = None
        closing = False
        try:
            chunk = stream.read(_CHUNK_BYTES)
            closing = not chunk
            if closing:
                root = parser.close()
            else:
                parser.feed(chunk)
        except (etree.XMLSyntaxError, OSError, EOFError, zlib.error) as caught:
            error = caught  # the events parsed before it are read first
        # a file that ends inside a record is closed with end events for what was left open: not a record
        events = () if closing and error is not None else parser.read_events()
        for event, element in events:
            if not checked:  # the first event: the DTD and the root element are known, no record read yet
                refused = _pubmed_refusal(element.getroottree())
                if refused:
                    yield Document(stem, "", name, error=f"{name}: {refused}")
                    return
                checked = True
            if event == "end" and element.tag in _PUBMED_RECORDS:
                number += 1
                yield _pubmed_document(element, number, name, stem)
                element.clear(keep_tail=True)  # memory stays flat: the record and those before it are dropped
                while element.getprevious() is not None:
                    del element.getparent()[0]
        if error is not None:
            yield _failure(error, number, name, stem)
            return
    if not checked:  # no event: the root element is not <PubmedArticleSet> and holds no record
        yield Document(stem, "", name, error=f"{name}: {_pubmed_refusal(root.getroottree())}")


def _failure(error: Exception, number: int, name: str, stem: str) -> Document:
    """The failed document that ends a file at ``error``, after ``number`` records."""
    where = f"after record {number}" if number else "before the first record"
    problem = (f"malformed XML {where} ({error.msg})" if isinstance(error, etree.XMLSyntaxError)
               else f"unreadable data {where} ({type(error).__name__}: {error})")  # fmt: skip
    return Document(f"{stem}#{number + 1}", "", f"{name}#{number + 1}", error=f"{name}: {problem}")


def _pubmed_refusal(tree: etree._ElementTree) -> str | None:
    """Why a PubMed XML file is refused: its DTD declares entities, or its root is not ``<PubmedArticleSet>``."""
    dtd = tree.docinfo.internalDTD
    entities = [entity.name for entity in dtd.entities()] if dtd is not None else []
    if entities:
        named = ", ".join(entities[:3]) + (", ..." if len(entities) > 3 else "")
        return f"the XML declares entities in its DTD ({named}); entity declarations are refused, none is read"
    root = tree.getroot().tag
    if root != "PubmedArticleSet":
        return f"not PubMed XML: the root element is <{root}>, not <PubmedArticleSet>"
    return None


def _pubmed_document(record: etree._Element, number: int, name: str, stem: str) -> Document:
    """The document of a ``PubmedArticle`` (or ``PubmedBookArticle``) element, the ``number``-th of the file."""
    pmid_path, title_paths, sections_path = _PUBMED_RECORDS[record.tag]
    pmid = (record.findtext(pmid_path) or "").strip()
    if not pmid:
        error = f"{name}, record {number}: {record.tag} without a PMID"
        return Document(f"{stem}#{number}", "", f"{name}#{number}", error=error)
    titles = [element for element in map(record.find, title_paths) if element is not None]
    title = _inner_text(titles[0]) if titles else ""
    sections = []
    for section in record.iterfind(sections_path):
        text, label = _inner_text(section), section.get("Label")
        if text:
            sections.append(f"{label}: {text}" if label else text)
    abstract = " ".join(sections)
    year, journal = _publication(record)
    return Document(pmid, f"{title} {abstract}" if abstract else title, f"{name}#{number}", title_end=len(title),
                    year=year, journal=journal)  # fmt: skip


def _publication(record: etree._Element) -> tuple[int | None, str | None]:
    """The year of publication (``<Year>``, else the first year of ``<MedlineDate>``) and the journal's title."""
    date_path, journal_path = _PUBLICATION[record.tag]
    date = record.find(date_path)
    found = _YEAR.search(date.findtext("Year") or date.findtext("MedlineDate") or "") if date is not None else None
    journal = (record.findtext(journal_path) or "").strip() if journal_path else ""
    return (int(found.group(1)) if found else None), (journal or None)


def _inner_text(element: etree._Element) -> str:
    """An element's text with that of its inline markup (``<i>``, ``<sup>``...)."""
    return "".join(element.itertext()).strip()
