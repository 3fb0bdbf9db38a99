"""JSONL: one JSON object with string fields ``id`` and ``text`` a line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from entitylink.io.document import Document

__all__ = ["is_jsonl_record", "jsonl_documents", "read_jsonl"]


def read_jsonl(path: Path) -> Iterator[Document]:
    """The documents of a JSONL file, one JSON object with string fields ``id`` and ``text`` a line, streamed.

    Blank lines are skipped. A line that is not UTF-8, not JSON (or JSON Python cannot hold: a
    5,000-digit number, nesting thousands deep), not an object or without a string ``id`` and
    ``text`` is a failed document (``<file stem>#<line number>``) saying so.
    """
    with open(path, "rb") as handle:
        yield from jsonl_documents(handle, str(path), path.stem)


def jsonl_documents(handle: IO[bytes], name: str, stem: str, first_line: int = 1) -> Iterator[Document]:
    """The documents of JSONL lines; ``first_line``: the line number of the first (a part of a larger file)."""
    for number, line in enumerate(handle, first_line):
        if not line.strip():
            continue
        fields = _jsonl_fields(line)
        if isinstance(fields, str):
            yield Document(f"{stem}#{number}", "", f"{name}#{number}", error=f"{name}, line {number}: {fields}")
        else:
            doc_id, text = fields
            error = None if text.strip() else f'{name}, line {number}: empty "text", nothing to annotate'
            yield Document(doc_id, text, f"{name}#{number}", error=error)


_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}


def _jsonl_fields(line: bytes) -> tuple[str, str] | str:
    """The ``id`` and ``text`` of a JSONL line, or what is wrong with it."""
    try:
        record = json.loads(line.decode("utf-8").lstrip("\ufeff"))
    except UnicodeDecodeError as error:
        return f"not UTF-8 text (byte {error.start}: {error.reason})"
    except json.JSONDecodeError as error:
        return f"not JSON ({error.msg} at column {error.colno})"
    except ValueError as error:  # an integer of more digits than Python converts
        return f"not readable JSON ({error})"
    except RecursionError:
        return "not readable JSON (nested too deeply)"
    if not isinstance(record, dict):
        return f"not a JSON object but {_JSON_TYPES[type(record)]}"
    missing = [f'"{key}"' for key in ("id", "text") if not isinstance(record.get(key), str)]
    if missing:
        return f"no string {' and '.join(missing)} field"
    return record["id"], record["text"]


def is_jsonl_record(line: bytes) -> bool:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and "id" in record and "text" in record
