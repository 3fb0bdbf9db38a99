"""Annotate the example abstracts and print, for each, its entities and its "Linked entities" sections.

    python examples/annotate_abstracts.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

import entitylink


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "abstracts"
    nlp = entitylink.load()
    paths = sorted(folder.glob("*.txt"))
    for path, doc in zip(paths, nlp.pipe(p.read_text(encoding="utf-8") for p in paths)):
        print(f"# {path.stem}\n")
        for ent in doc.ents:
            print(f"  {ent.text!r:45} {ent.label_:8} {ent._.kb_id or '-':18} {ent._.kb_name or ''} ({ent._.score})")
        print()
        print(entitylink.render_markdown(doc))


if __name__ == "__main__":
    main()
