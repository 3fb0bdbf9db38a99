"""Render an example abstract with ``entitylink.render_html`` and photograph the page with headless Chromium.

    python scripts/screenshot_html.py [--text examples/abstracts/PMC12171867.txt] [--out html-example.png]

Writes the HTML page next to the PNG (``.html``) and prints both paths. Needs a Chromium binary
(``apt-get install chromium`` on Debian); look at the PNG: a sans-serif font, underlined links, a
legend of the labels, and entity boxes that wrap at the right edge of a narrow window.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import entitylink


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=Path, default=Path("examples/abstracts/PMC12171867.txt"))
    parser.add_argument("--out", type=Path, default=Path("html-example.png"))
    parser.add_argument("--width", type=int, default=700, help="window width in pixels (narrow, to show wrapping)")
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("no Chromium found: apt-get install chromium")
    record = entitylink.annotate([(args.text.stem, args.text.read_text(encoding="utf-8"))])[0]
    page = args.out.with_suffix(".html").resolve()
    page.write_text(entitylink.render_html(record.doc, page=True), encoding="utf-8")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={args.width},1400", f"--screenshot={args.out.resolve()}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    print(page)
    print(args.out.resolve())


if __name__ == "__main__":
    main()
