"""On-disk cache of compiled term indexes, one per machine and user.

Each ontology file gets one cache file, named after the SHA-256 of the file's content
and the index format (:func:`~entitylink.kb.term_index.index_fingerprint`), never after
where the file or the package lives: every install of the same entitylink and every
copy of the same ontology file share it. A damaged cache file is rebuilt with a
:class:`~entitylink.errors.CacheWarning`. Builds hold a file lock, so two processes
starting at once build the index once, and the result is moved into place atomically.

Missing indexes are built in worker processes (``python -c``, so any entry point works:
a script without a main guard, ``python -``, a notebook, a Dask worker), or in the
current process when no worker can start; a progress bar shows on a terminal.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from filelock import FileLock

from entitylink.atomic_files import atomic_path
from entitylink.errors import CacheWarning, CorruptIndexError
from entitylink.kb.ontology_files import check_readable, load_ontology, read_header
from entitylink.kb.taxon_table import is_taxon_table, read_taxon_table
from entitylink.kb.term_index import TermIndex, index_fingerprint

__all__ = ["cache_path", "cache_size", "default_cache_dir", "file_digest", "load_index", "load_indexes"]

CACHE_ENV = "ENTITYLINK_CACHE_DIR"
#: Seconds one core takes to index a megabyte of gzipped OBO (the estimate shown before a cold build).
_SECONDS_PER_MB = 6.0
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


@functools.cache
def _fingerprint() -> str:
    return index_fingerprint()


def cache_path(source: Path, cache_dir: Path, digest: str | None = None) -> Path:
    """Where the compiled index of ``source`` is cached: ``NAME-CONTENT-FORMAT.npz``.

    ``digest`` is the file's SHA-256 if the caller has it already.
    """
    digest = digest or file_digest(Path(source))
    return Path(cache_dir) / f"{Path(source).name.split('.')[0]}-{digest[:16]}-{_fingerprint()}.npz"


def cache_size(cache_dir: Path) -> int:
    """Bytes of the index files in ``cache_dir`` (0 if there is none)."""
    return sum(path.stat().st_size for path in Path(cache_dir).glob("*.npz"))


def _cached(target: Path, digest: str, *, warn: bool) -> TermIndex | None:
    if not target.exists():
        return None
    try:
        index = TermIndex.load(target)
        if index.meta.get("format") != _fingerprint() or index.meta.get("sha256") != digest:
            raise CorruptIndexError(f"{target}: holds the index of another file or format")
    except CorruptIndexError as error:
        if warn:
            warnings.warn(f"damaged index cache, rebuilding it: {error}", CacheWarning, stacklevel=4)
        return None
    return index


def _compile(source: Path, digest: str) -> TermIndex:
    logger.debug("compiling the term index of %s", source)
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
    target = cache_path(source, cache_dir, digest)
    index = _cached(target, digest, warn=False) or _locked_build(source, digest, target)
    index.meta["source"] = str(source)  # the cache may have been written for another copy of the file
    return index


def _locked_build(source: Path, digest: str, target: Path) -> TermIndex:
    """Build (under the file lock, unless another process just did) and store the index of ``source``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target) + ".lock")
        lock.acquire()
    except OSError as error:
        warnings.warn(f"cannot use the cache directory {target.parent} ({error}); indexing {source} in memory",
                      CacheWarning, stacklevel=3)  # fmt: skip
        return _compile(source, digest)
    try:
        index = _cached(target, digest, warn=True)
        if index is None:
            index = _compile(source, digest)
            try:
                _write_atomically(index, target)
            except OSError as error:
                warnings.warn(f"cannot write the index cache {target} ({error})", CacheWarning, stacklevel=3)
        return index
    finally:
        lock.release()


def _is_fresh(target: Path, digest: str) -> bool:
    try:
        meta = TermIndex.read_meta(target)
    except CorruptIndexError:
        return False
    return meta.get("format") == _fingerprint() and meta.get("sha256") == digest


def load_indexes(sources: dict[str, Path], cache_dir: Path | None = None, workers: int = 2) -> dict[str, TermIndex]:
    """:func:`load_index` for several files; missing caches are built ``workers`` at a time."""
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    for path in sources.values():
        check_readable(path)  # a missing file fails before anything is built
    digests = {path: file_digest(path) for path in sources.values()}
    to_build = list(dict.fromkeys(p for p in sources.values() if not _is_fresh(cache_path(p, cache_dir, digests[p]), digests[p])))
    if not to_build:
        return {name: load_index(path, cache_dir, digests[path]) for name, path in sources.items()}
    estimate = _estimate(to_build, workers)
    logger.info("indexing %s into %s (once per machine; about %s)", ", ".join(p.name for p in to_build), cache_dir, estimate)
    with _progress(to_build, f"indexing {len(to_build)} ontology files (once; about {estimate})") as done:
        if workers > 1 and len(to_build) > 1:
            for source in _build_in_workers(to_build, cache_dir, workers):
                done(source)
        indexes = {}
        for name, path in sources.items():
            indexes[name] = load_index(path, cache_dir, digests[path])  # builds here what no worker could
            if path in to_build:
                done(path)
    return indexes


def _estimate(to_build: list[Path], workers: int) -> str:
    """A rough duration of building ``to_build``: the largest file, or the total shared by the workers."""
    sizes = [path.stat().st_size / 1e6 for path in to_build]
    seconds = _SECONDS_PER_MB * max(max(sizes), sum(sizes) / max(1, min(workers, len(sizes))))
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{max(10, round(seconds, -1)):.0f} s"


@contextmanager
def _progress(to_build: list[Path], description: str) -> Iterator[Any]:
    """A callable marking one file built; it moves a bar of ontology bytes on a terminal (not with ``-q``)."""
    quiet = logging.getLogger().handlers and not logging.getLogger(__name__).isEnabledFor(logging.INFO)
    if quiet or not sys.stderr.isatty():
        yield lambda source: None
        return
    from tqdm import tqdm

    sizes = {path: path.stat().st_size for path in to_build}
    seen: set[Path] = set()
    with tqdm(total=sum(sizes.values()), unit="B", unit_scale=True, unit_divisor=1000, desc=description, file=sys.stderr,
              bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}]{postfix}") as bar:  # fmt: skip

        def done(source: Path) -> None:
            if source not in seen:
                seen.add(source)
                bar.set_postfix_str(f"{source.name} done")
                bar.update(sizes[source])

        yield done


def _build_in_workers(to_build: list[Path], cache_dir: Path, workers: int) -> Iterator[Path]:
    """Build the caches of ``to_build`` in worker processes, ``workers`` at a time; yield each file built.

    A file whose worker cannot start or fails is left to the caller, which builds it in
    this process (and reports a real error there, with the file and line).
    """
    if not sys.executable:
        return
    with ThreadPoolExecutor(min(workers, len(to_build))) as pool:
        futures = {pool.submit(_run_worker, source, cache_dir): source for source in to_build}
        for future in as_completed(futures):
            if future.result():
                yield futures[future]


def _run_worker(source: Path, cache_dir: Path) -> bool:
    """Build one cache file in a fresh Python process running this very package; relay its warnings."""
    package_root = str(Path(__file__).resolve().parents[2])
    code = f"import sys; sys.path.insert(0, {package_root!r}); from entitylink.kb.index_cache import _worker; _worker()"
    try:
        done = subprocess.run([sys.executable, "-c", code, str(source), str(cache_dir)], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, check=False)  # fmt: skip
    except OSError as error:
        logger.debug("cannot start a worker process (%s); indexing %s in this process", error, source)
        return False
    if done.returncode != 0:
        logger.debug("the worker indexing %s failed: %s", source, done.stderr.strip()[-500:])
        return False
    for message in json.loads(done.stdout or "[]"):
        warnings.warn(message, CacheWarning, stacklevel=2)
    return True


def _worker() -> None:
    """Entry point of a worker process: ``SOURCE CACHE_DIR`` in ``sys.argv``; the CacheWarnings as JSON on stdout."""
    source, cache_dir = sys.argv[1:3]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_index(Path(source), Path(cache_dir))
    print(json.dumps([str(w.message) for w in caught if issubclass(w.category, CacheWarning)]))
