"""On-disk cache of compiled term indexes.

Each ontology file gets one cache file, named after the file's location and
checked against a SHA-256 of its content: an edited ontology file makes its cache
stale, and it is rebuilt with a :class:`~entitylink.errors.CacheWarning`, as is a
damaged one. Builds hold a file lock, so two processes starting at once build
the index once, and the result is moved into place atomically.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import platformdirs
from filelock import FileLock

from entitylink.atomic_files import atomic_path
from entitylink.errors import CacheWarning, CorruptIndexError
from entitylink.kb.ontology_files import check_readable, load_ontology, read_header
from entitylink.kb.taxon_table import is_taxon_table, read_taxon_table
from entitylink.kb.term_index import TermIndex, index_fingerprint

__all__ = ["cache_path", "default_cache_dir", "file_digest", "load_index", "load_indexes"]

CACHE_ENV = "ENTITYLINK_CACHE_DIR"
logger = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    """``$ENTITYLINK_CACHE_DIR`` if set, else the user cache directory (``~/.cache/entitylink`` on Linux)."""
    return Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("entitylink"))


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cache_path(source: Path, cache_dir: Path) -> Path:
    """Where the compiled index of ``source`` is cached."""
    location = hashlib.sha256(str(source.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir / f"{source.name.split('.')[0]}-{location}.npz"


def _staleness(meta: dict, target: Path, digest: str) -> str | None:
    """Why a cache with this metadata cannot serve a source of this digest, or None if it can."""
    if meta.get("format") != index_fingerprint():
        return f"index cache {target} was built by another version of entitylink; rebuilding it"
    if meta.get("sha256") != digest:
        return f"stale index cache {target}: {meta.get('source')} has changed since it was built; rebuilding it"
    return None


def _cached(target: Path, digest: str, *, warn: bool) -> TermIndex | None:
    if not target.exists():
        return None
    try:
        index = TermIndex.load(target)
    except CorruptIndexError as error:
        if warn:
            warnings.warn(f"damaged index cache, rebuilding it: {error}", CacheWarning, stacklevel=4)
        return None
    reason = _staleness(index.meta, target, digest)
    if reason is not None:
        if warn:
            warnings.warn(reason, CacheWarning, stacklevel=4)
        return None
    return index


def _compile(source: Path, digest: str) -> TermIndex:
    logger.info("compiling the term index of %s (once; later loads read the cache)", source)
    header, taxa = read_taxon_table(source) if is_taxon_table(source) else (read_header(source), None)
    meta = {
        "source": str(source),
        "sha256": digest,
        "ontology": header.get("ontology", ""),
        "data_version": header.get("data-version", ""),
    }
    return TermIndex.compile_taxa(taxa, meta) if taxa is not None else TermIndex.compile(load_ontology(source), meta)


def _write_atomically(index: TermIndex, target: Path) -> None:
    with atomic_path(target) as tmp:
        index.save(tmp)


def load_index(source: Path, cache_dir: Path | None = None, digest: str | None = None) -> TermIndex:
    """The compiled index of the ontology file ``source``, from the cache or freshly built.

    ``digest`` is the file's SHA-256 if the caller has it already. An unwritable
    cache directory is not an error: the index is built in memory and a
    :class:`CacheWarning` says why it was not kept.
    """
    source = Path(source)
    check_readable(source)
    digest = digest or file_digest(source)
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = cache_path(source, cache_dir)
    index = _cached(target, digest, warn=False)
    if index is not None:
        return index
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target) + ".lock")
        lock.acquire()
    except OSError as error:
        warnings.warn(
            f"cannot use the cache directory {cache_dir} ({error}); indexing {source} in memory", CacheWarning, stacklevel=2
        )
        return _compile(source, digest)
    try:
        index = _cached(target, digest, warn=True)
        if index is None:
            index = _compile(source, digest)
            try:
                _write_atomically(index, target)
            except OSError as error:
                warnings.warn(f"cannot write the index cache {target} ({error})", CacheWarning, stacklevel=2)
        return index
    finally:
        lock.release()


def _is_fresh(source: Path, cache_dir: Path, digest: str) -> bool:
    target = cache_path(source, cache_dir)
    try:
        return _staleness(TermIndex.read_meta(target), target, digest) is None
    except CorruptIndexError:
        return False


def _build_in_worker(source: Path, cache_dir: Path) -> list[str]:
    """Build one cache file in a worker process; return the warnings it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_index(source, cache_dir)
    return [str(w.message) for w in caught if issubclass(w.category, CacheWarning)]


def load_indexes(sources: dict[str, Path], cache_dir: Path | None = None, workers: int = 2) -> dict[str, TermIndex]:
    """:func:`load_index` for several files; missing or stale caches are built ``workers`` at a time."""
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    for path in sources.values():
        check_readable(path)  # a missing file fails before anything is built
    digests = {path: file_digest(path) for path in sources.values()}
    to_build = [path for path in sources.values() if not _is_fresh(path, cache_dir, digests[path])]
    if workers > 1 and len(to_build) > 1:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # load_index below reports the unusable directory and indexes in memory
        else:
            names = ", ".join(path.name for path in to_build)
            logger.info("compiling the term indexes of %s, %d at a time (once; later loads read the cache)", names, workers)
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(min(workers, len(to_build)), mp_context=context) as pool:
                for messages in pool.map(_build_in_worker, to_build, [cache_dir] * len(to_build)):
                    for message in messages:
                        warnings.warn(message, CacheWarning, stacklevel=2)
    return {name: load_index(path, cache_dir, digests[path]) for name, path in sources.items()}
