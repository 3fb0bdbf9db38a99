"""Exceptions raised by entitylink, each naming the input at fault: one hierarchy under :class:`EntitylinkError`.

Shared base layer: imports nothing of entitylink.
"""

from __future__ import annotations

__all__ = ["CacheWarning", "CorruptIndexError", "EntitylinkError", "InputError", "ModelError", "OntologyFileError"]


class EntitylinkError(Exception):
    """Base class of every error entitylink raises on purpose."""


class OntologyFileError(EntitylinkError):
    """An ontology file is missing, unreadable or malformed."""

    def __init__(self, path: object, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[OntologyFileError], tuple[str, str, int | None]]:
        """Pickle with the constructor's arguments, so the error crosses from an indexing worker process."""
        return type(self), (self.path, self.problem, self.line)


class ModelError(EntitylinkError):
    """A trained model (the NER) is missing or cannot be loaded."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CorruptIndexError(EntitylinkError):
    """A cached term index cannot be read back (damaged, truncated or of another format); it is rebuilt."""


class InputError(EntitylinkError):
    """An input path that cannot be read as documents."""


class CacheWarning(UserWarning):
    """The on-disk index cache was stale, damaged or unwritable, and was rebuilt or bypassed."""
