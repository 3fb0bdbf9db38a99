"""Writing files atomically: readers see the old file or the whole new one, never a partial one."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["atomic_path", "atomic_text_file"]


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path next to ``target``, moved onto ``target`` when the block succeeds and removed otherwise."""
    if target.parent.exists() and not target.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "its folder is a file", str(target.parent))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    os.chmod(name, 0o644)
    try:
        yield Path(name)
        os.replace(name, target)
    finally:
        if os.path.exists(name):
            os.unlink(name)


@contextmanager
def atomic_text_file(target: Path) -> Iterator[IO[str]]:
    """A UTF-8 text file written in place of ``target`` once the block succeeds."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        yield handle
