"""The index cache: reuse, staleness, damage, concurrent first use, unusable directories, bad files."""

from __future__ import annotations

import fcntl
import gzip
import io
import os
import pty
import struct
import subprocess
import sys
import termios
import textwrap
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest

import entitylink
from entitylink import CacheWarning, OntologyFileError
from entitylink.kb.index_cache import cache_path, load_index


def _no_cache_warning(callable_, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)
        return callable_(*args, **kwargs)


def test_second_load_reads_the_cache(tiny_obo, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = load_index(tiny_obo, cache)
    assert cache_path(tiny_obo, cache).exists()
    monkeypatch.setattr("entitylink.kb.index_cache._compile", lambda *a: pytest.fail("recompiled a fresh cache"))
    second = _no_cache_warning(load_index, tiny_obo, cache)
    assert second.meta == first.meta
    assert second.postings("acute myeloid leukemia") == first.postings("acute myeloid leukemia")


def test_edited_source_gets_its_own_cache_and_the_old_one_still_serves(tiny_obo, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    original = tiny_obo.read_text()
    load_index(tiny_obo, cache)
    tiny_obo.write_text(original.replace("regional enteritis", "granulomatous enteritis"))
    index = _no_cache_warning(load_index, tiny_obo, cache)
    assert "granulomatous enteritis" in index and "regional enteritis" not in index
    assert len(list(cache.glob("*.npz"))) == 2
    tiny_obo.write_text(original)  # back to the first content: its cache is still there
    monkeypatch.setattr("entitylink.kb.index_cache._compile", lambda *a: pytest.fail("recompiled a cached content"))
    assert "regional enteritis" in _no_cache_warning(load_index, tiny_obo, cache)


def test_copies_of_a_file_anywhere_share_one_cache(tiny_obo, tmp_path, monkeypatch):
    """The cache is keyed by content and index format, not by where the file (or the package) lives."""
    cache = tmp_path / "cache"
    load_index(tiny_obo, cache)
    elsewhere = tmp_path / "another" / "install" / tiny_obo.name
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(tiny_obo.read_bytes())
    monkeypatch.setattr("entitylink.kb.index_cache._compile", lambda *a: pytest.fail("recompiled a copy"))
    index = _no_cache_warning(load_index, elsewhere, cache)
    assert index.meta["source"] == str(elsewhere)  # the copy asked for, not the one that built the cache
    assert cache_path(elsewhere, cache) == cache_path(tiny_obo, cache)
    assert [p.name for p in cache.glob("*.npz")] == [cache_path(tiny_obo, cache).name]


@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip", "empty"])
def test_damaged_cache_is_rebuilt_with_a_warning(tiny_obo, tmp_path, damage):
    cache = tmp_path / "cache"
    load_index(tiny_obo, cache)
    target = cache_path(tiny_obo, cache)
    data = target.read_bytes()
    if damage == "truncate":
        target.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        target.write_bytes(b"not a cache at all" * 100)
    elif damage == "flip":  # one byte changed inside an array: the zip CRC must catch it
        middle = len(data) // 2
        target.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    else:
        target.write_bytes(b"")
    with pytest.warns(CacheWarning, match="damaged"):
        index = load_index(tiny_obo, cache)
    assert index.postings("crohn disease")
    _no_cache_warning(load_index, tiny_obo, cache)


def test_cache_claiming_a_huge_array_is_rebuilt_not_allocated(tiny_obo, tmp_path):
    """A damaged array header claiming 2**44 elements: a rebuild with a warning, not a MemoryError on every run."""
    cache = tmp_path / "cache"
    load_index(tiny_obo, cache)
    target = cache_path(tiny_obo, cache)
    with np.load(target, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    victim = next(name for name, array in arrays.items() if name != "meta" and array.ndim == 1 and array.dtype.kind in "iu")
    with zipfile.ZipFile(target, "w") as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            if name == victim:
                header = {"descr": np.lib.format.dtype_to_descr(array.dtype), "fortran_order": False, "shape": (2**44,)}
                np.lib.format.write_array_header_1_0(buffer, header)
                buffer.write(array.tobytes())
            else:
                np.lib.format.write_array(buffer, array)
            archive.writestr(f"{name}.npy", buffer.getvalue())
    with pytest.warns(CacheWarning, match="damaged.*claims"):
        index = load_index(tiny_obo, cache)
    assert index.postings("crohn disease")
    _no_cache_warning(load_index, tiny_obo, cache)


def test_cache_never_unpickles(tiny_obo, tmp_path):
    """A cache file holding a pickle is refused, not executed."""
    import numpy as np

    cache = tmp_path / "cache"
    load_index(tiny_obo, cache)
    target = cache_path(tiny_obo, cache)
    marker = tmp_path / "pwned"
    with open(target, "wb") as handle:
        np.savez(handle, meta=np.array([_Exploit(str(marker))], dtype=object))
    with pytest.warns(CacheWarning, match="damaged"):
        load_index(tiny_obo, cache)
    assert not marker.exists()


class _Exploit:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (Path(self.path),))


def test_unwritable_cache_directory_falls_back_to_memory(tiny_obo, tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    with pytest.warns(CacheWarning, match="cannot use the cache directory"):
        index = load_index(tiny_obo, blocker / "cache")
    assert index.postings("crohn disease")


def _big_obo(path: Path, terms: int = 15000) -> None:
    lines = ["format-version: 1.4", "ontology: big", ""]
    for i in range(terms):
        lines += ["[Term]", f"id: BIG:{i:07d}", f"name: condition number {i}", f'synonym: "cond {i} variant" EXACT []', ""]
    path.write_text("\n".join(lines))


def test_two_processes_starting_together_build_once(tmp_path):
    """Concurrent first use: both processes get a working index and only one compiles it."""
    source = tmp_path / "big.obo"
    _big_obo(source)
    cache = tmp_path / "cache"
    script = textwrap.dedent(
        f"""
        import entitylink.kb.index_cache as cache
        from entitylink.kb.term_index import TermIndex
        original = TermIndex.compile
        def counting(*args, **kwargs):
            print("COMPILED", flush=True)
            return original(*args, **kwargs)
        TermIndex.compile = counting
        index = cache.load_index(cache.Path({str(source)!r}), cache.Path({str(cache)!r}))
        assert index.postings("condition number 14999"), "lookup failed"
        print("OK")
        """
    )
    env = {**os.environ, "PYTHONWARNINGS": "error::UserWarning"}
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]  # fmt: skip
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "OK" in out
    assert sum(out.count("COMPILED") for out, _ in outputs) == 1
    assert [p.name for p in cache.glob("*.npz")] == [cache_path(source, cache).name]
    assert not list(cache.glob("*.tmp"))


def test_missing_ontology_file_is_named(tmp_path):
    missing = tmp_path / "nowhere" / "mondo.obo"
    with pytest.raises(OntologyFileError, match="nowhere/mondo.obo: no such file"):
        entitylink.load_kb({"mondo": missing}, cache_dir=tmp_path)


def test_malformed_ontology_file_names_file_and_line(tiny_obo, tmp_path):
    lines = tiny_obo.read_text().splitlines()
    lines.insert(12, "synonym: not-quoted EXACT []")
    tiny_obo.write_text("\n".join(lines) + "\n")
    with pytest.raises(OntologyFileError) as caught:
        load_index(tiny_obo, tmp_path / "cache")
    assert caught.value.path == str(tiny_obo)
    assert caught.value.line == 13
    assert f"{tiny_obo}, line 13: malformed OBO" in str(caught.value)


def test_gzip_that_is_not_gzip_is_a_clear_error(tmp_path):
    fake = tmp_path / "mondo.obo.gz"
    fake.write_bytes(b"format-version: 1.4\n")
    with pytest.raises(OntologyFileError, match="mondo.obo.gz: cannot be read"):
        load_index(fake, tmp_path / "cache")


def test_binary_garbage_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.obo"
    junk.write_bytes(gzip.compress(b"\x00\xff" * 100))
    with pytest.raises(OntologyFileError, match="junk.obo"):
        load_index(junk, tmp_path / "cache")


def test_parallel_cold_build_of_several_files(tiny_obo, tmp_path):
    other = tmp_path / "other.obo"
    _big_obo(other, terms=50)
    kb = entitylink.load_kb({"mondo": tiny_obo, "mesh": None, "mesh-supplementary": None, "ncbitaxon": other, "ncbitaxon-full": None},
                            cache_dir=tmp_path / "cache", workers=2)  # fmt: skip
    assert kb.best("acute myeloid leukemia").curie == "MONDO:0000010"
    assert kb.best("condition number 7").curie == "BIG:0000007"
    assert len(list((tmp_path / "cache").glob("*.npz"))) == 2


@pytest.mark.parametrize("executable", ["/nonexistent/python", "/bin/false"])
def test_cold_build_falls_back_to_this_process_when_workers_cannot_run(tiny_obo, tmp_path, monkeypatch, executable):
    """No usable Python for worker processes (not startable, or failing): every file is built here instead."""
    other = tmp_path / "other.obo"
    _big_obo(other, terms=50)
    monkeypatch.setattr(sys, "executable", executable)
    kb = entitylink.load_kb({"mondo": tiny_obo, "mesh": None, "mesh-supplementary": None, "ncbitaxon": other, "ncbitaxon-full": None},
                            cache_dir=tmp_path / "cache", workers=2)  # fmt: skip
    assert kb.best("condition number 7").curie == "BIG:0000007"
    assert len(list((tmp_path / "cache").glob("*.npz"))) == 2


_SMALL_KB = """
import entitylink
kb = entitylink.load_kb({"mondo": "tiny.obo", "mesh": None, "mesh-supplementary": None, "ncbitaxon-full": None})
print(kb.lookup("acute myeloid leukemia")[0].curie, kb.lookup("cat")[0].curie)
"""


@pytest.mark.parametrize("entry", ["unguarded script", "stdin", "-c"])
def test_cold_build_from_any_entry_point(tiny_obo, tmp_path, entry):
    """A script without a main guard, ``python -`` and ``python -c`` build an empty cache (two files, in workers)."""
    env = {**os.environ, "ENTITYLINK_CACHE_DIR": str(tmp_path / "cache")}
    script = tmp_path / "snippet.py"
    script.write_text(_SMALL_KB)
    args = {"unguarded script": [str(script)], "stdin": ["-"], "-c": ["-c", _SMALL_KB]}[entry]
    done = subprocess.run([sys.executable, *args], input=_SMALL_KB if entry == "stdin" else None, capture_output=True,
                          text=True, env=env, cwd=tiny_obo.parent, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["MONDO:0000010", "NCBITaxon:9685"]
    assert "Traceback" not in done.stderr
    assert len(list((tmp_path / "cache").glob("*.npz"))) == 2


@pytest.mark.parametrize("terminal", [True, False])
def test_cold_build_shows_progress_on_a_terminal_only(tiny_obo, tmp_path, terminal):
    other = tmp_path / "other.obo"
    _big_obo(other, terms=50)
    code = (f"import entitylink; entitylink.load_kb({{'mondo': {str(tiny_obo)!r}, 'mesh': None, 'mesh-supplementary': None, "
            f"'ncbitaxon': {str(other)!r}, 'ncbitaxon-full': None}}, cache_dir={str(tmp_path / 'cache')!r})")  # fmt: skip
    if terminal:
        parent, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a terminal 120 columns wide
        done = subprocess.run([sys.executable, "-c", code], stderr=child, stdout=subprocess.DEVNULL, timeout=300)
        os.close(child)
        shown = _read_all(parent)
    else:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        shown = done.stderr
    assert done.returncode == 0
    if terminal:
        assert "indexing 2 ontology files (once; about 10 s)" in shown and "100%" in shown and ".obo done" in shown
    else:
        assert shown == ""


def _read_all(fd: int) -> str:
    """Everything written to a pseudo-terminal whose other end is closed."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the other end is closed and everything was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")
