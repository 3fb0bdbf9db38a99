"""The README's Python snippets, run as a new user runs them: saved as a script and run with ``python FILE``
on an empty index cache, with the values their comments claim checked."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from entitylink.resources import DEFAULT_ONTOLOGIES

ROOT = Path(__file__).resolve().parents[1]
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.DOTALL | re.MULTILINE)


def readme_blocks() -> list[tuple[str, str]]:
    """The README's fenced blocks, in order, as (language, text)."""
    return [(m.group(1), m.group(2)) for m in _FENCE.finditer((ROOT / "README.md").read_text(encoding="utf-8"))]


def snippets() -> list[tuple[str, str | None]]:
    """Each runnable Python snippet (one that imports entitylink; the others illustrate your own files),
    with the plain block printed right after it, if any."""
    blocks = readme_blocks()
    found = []
    for number, (language, text) in enumerate(blocks):
        if language == "python" and "import entitylink" in text:
            after = blocks[number + 1] if number + 1 < len(blocks) else None
            found.append((text, after[1] if after and after[0] == "" else None))
    return found


def claims(snippet: str) -> str:
    """``assert`` lines for the snippet's ``EXPRESSION  # LITERAL`` lines (the values its comments claim)."""
    checks = []
    for line in snippet.splitlines():
        code, sep, comment = line.partition("  #")
        claim = comment.strip().split("  ")[0]
        if not sep or claim[:1] not in "'([{\"":
            continue
        try:
            ast.parse(code.strip(), mode="eval")
            expected = ast.literal_eval(claim)
        except (SyntaxError, ValueError):
            continue
        checks.append(f"assert ({code.strip()}) == {expected!r}, ({code.strip()!r}, {code.strip()})")
    return "\n".join(checks)


def printed_claims(snippet: str, output_block: str | None) -> list[str]:
    """The lines the snippet says it prints: its whole-line comments after a ``print``, and the block after it."""
    lines = []
    if "print(" in snippet:
        after_print = snippet[snippet.index("print(") :]
        lines += [re.split(r"\s{3,}", line[2:])[0] for line in after_print.splitlines() if line.startswith("# ")]
    return lines + [line for line in (output_block or "").splitlines() if line]


def test_snippets_are_found():
    found = snippets()
    assert len(found) >= 3
    assert all(claims(text) or "print(" in text for text, _ in found[:1])


@pytest.mark.slow
def test_every_readme_snippet_runs_as_a_script_on_an_empty_cache(tmp_path):
    """Each snippet, saved verbatim with its claims appended, runs with ``python FILE`` from the repository
    root; the first one builds the empty cache, the others read it."""
    env = {**os.environ, "ENTITYLINK_CACHE_DIR": str(tmp_path / "cache")}
    for number, (snippet, output_block) in enumerate(snippets()):
        script = tmp_path / f"snippet{number}.py"
        script.write_text(snippet + "\n" + claims(snippet) + "\n", encoding="utf-8")
        done = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
        assert done.returncode == 0, f"snippet {number}:\n{snippet}\n{done.stderr}"
        printed = done.stdout.splitlines()
        for line in printed_claims(snippet, output_block):
            assert line in printed, f"snippet {number} does not print {line!r}:\n{done.stdout}"
    assert len(list((tmp_path / "cache").glob("*.npz"))) == len(DEFAULT_ONTOLOGIES)


def test_a_snippet_on_standard_input_runs(kb):
    """``python - <<EOF ... EOF`` (the knowledge-base snippet) on the user's cache."""
    snippet = next(text for text, _ in snippets() if "load_kb()" in text)
    done = subprocess.run([sys.executable, "-"], input=snippet + "\n" + claims(snippet) + "\n", cwd=ROOT,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_the_printed_example_abstracts_are_the_golden_output():
    """The README's Markdown of the three example abstracts is the start of tests/golden/examples.markdown."""
    (shown,) = [text for language, text in readme_blocks() if language == "markdown" and text.startswith("# 19309241")]
    golden = (ROOT / "tests" / "golden" / "examples.markdown").read_text(encoding="utf-8")
    assert golden.startswith(shown)
