"""A minimal OBO 1.4 model and a deterministic serializer.

The build scripts turn raw sources (JSON, SSSOM, TSV, XML) into these records
and write them with :func:`write_obo`. Reading goes through pronto; this module
only writes, so that the files we commit are byte-for-byte reproducible.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from entitylink.atomic_files import atomic_path

__all__ = ["OboHeader", "OboSynonym", "OboTerm", "open_text", "write_deterministic", "write_obo"]


@dataclass(frozen=True, order=True)
class OboSynonym:
    """A synonym line: text, scope (EXACT, RELATED, BROAD, NARROW) and optional type."""

    text: str
    scope: str = "EXACT"
    type: str | None = None


@dataclass
class OboTerm:
    """One ``[Term]`` frame."""

    id: str
    name: str | None = None
    definition: str | None = None
    synonyms: list[OboSynonym] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)
    is_a: list[str] = field(default_factory=list)
    relationships: list[tuple[str, str]] = field(default_factory=list)
    #: ``property_value`` lines: (property, value, datatype or None for a resource)
    properties: list[tuple[str, str, str | None]] = field(default_factory=list)
    obsolete: bool = False
    replaced_by: list[str] = field(default_factory=list)
    consider: list[str] = field(default_factory=list)


@dataclass
class OboHeader:
    """Header frame: ontology name, data version, remark lines and declarations."""

    ontology: str
    data_version: str
    remarks: list[str] = field(default_factory=list)
    #: ``synonymtypedef`` declarations: id -> description
    synonym_types: dict[str, str] = field(default_factory=dict)
    #: ``[Typedef]`` frames for the relationships used: id -> name
    typedefs: dict[str, str] = field(default_factory=dict)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", " ").replace("\t", " ")
    return f'"{escaped}"'


def _unquoted(text: str) -> str:
    """Escape a free-text value (a name): no newlines, no trailing comment markers."""
    return " ".join(text.replace("\\", "\\\\").replace("!", "\\!").replace("{", "\\{").split())


def _format_term(term: OboTerm) -> str:
    lines = ["[Term]", f"id: {term.id}"]
    if term.name:
        lines.append(f"name: {_unquoted(term.name)}")
    if term.definition:
        lines.append(f"def: {_quote(' '.join(term.definition.split()))} []")
    for syn in term.synonyms:
        type_part = f" {syn.type}" if syn.type else ""
        lines.append(f"synonym: {_quote(syn.text)} {syn.scope}{type_part} []")
    lines.extend(f"xref: {xref}" for xref in term.xrefs)
    lines.extend(f"is_a: {parent}" for parent in term.is_a)
    lines.extend(f"relationship: {rel} {target}" for rel, target in term.relationships)
    for prop, value, datatype in term.properties:
        if datatype is None:
            lines.append(f"property_value: {prop} {value}")
        else:
            lines.append(f"property_value: {prop} {_quote(value)} {datatype}")
    if term.obsolete:
        lines.append("is_obsolete: true")
    lines.extend(f"replaced_by: {target}" for target in term.replaced_by)
    lines.extend(f"consider: {target}" for target in term.consider)
    return "\n".join(lines) + "\n"


def write_obo(path: Path, header: OboHeader, terms: Iterable[OboTerm]) -> int:
    """Write ``terms`` sorted by id to ``path`` (gzipped when it ends in ``.gz``).

    The output is deterministic: same input, same bytes (gzip mtime is zeroed).
    The file is written to a temporary name and moved into place atomically.
    Returns the number of terms written.
    """
    buffer = io.StringIO()
    buffer.write("format-version: 1.4\n")
    buffer.write(f"data-version: {header.data_version}\n")
    for type_id, description in sorted(header.synonym_types.items()):
        buffer.write(f"synonymtypedef: {type_id} {_quote(description)}\n")
    buffer.write(f"ontology: {header.ontology}\n")
    for remark in header.remarks:
        buffer.write(f"remark: {_unquoted(remark)}\n")
    count = 0
    for term in sorted(terms, key=lambda t: t.id):
        buffer.write("\n")
        buffer.write(_format_term(term))
        count += 1
    for typedef_id, name in sorted(header.typedefs.items()):
        buffer.write(f"\n[Typedef]\nid: {typedef_id}\nname: {_unquoted(name)}\n")
    write_deterministic(path, buffer.getvalue().encode("utf-8"))
    return count


def write_deterministic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, gzipped with a zeroed mtime when it ends in ``.gz``."""
    with atomic_path(path) as tmp, open(tmp, "wb") as raw:
        if path.suffix == ".gz":
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
                gz.write(data)
        else:
            raw.write(data)


def open_text(path: Path) -> io.TextIOBase:
    """Open a text source, transparently gunzipping ``.gz`` files."""
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")
