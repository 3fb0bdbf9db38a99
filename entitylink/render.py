"""Human-readable renderings of an annotated document: the Markdown sections and displaCy HTML.

:func:`render_markdown` writes the two sections of the project's seed pages::

    ## Linked entities

    - **Diseases:** acute myeloid leukemia (MONDO:0018874), pure red cell aplasia (MONDO:0001705)

    ## Full-text entities

    - **Diseases:** AML (MESH:D015470), PRCA (MESH:D012010)
    - **Species:** Homo sapiens (human, species) [taxon 9606]
"""

from __future__ import annotations

import html

from spacy import displacy
from spacy.tokens import Doc

from entitylink.curie import concept_url
from entitylink.labels import DISEASE, SPECIES, THERAPY
from entitylink.pipeline.outputs import LinkedConcept, linked_entities

__all__ = ["render_html", "render_markdown"]

_HEADINGS = {DISEASE: "Diseases", THERAPY: "Therapies", SPECIES: "Species"}
_COLORS = {DISEASE: "#f4a6a6", SPECIES: "#a6d8f4", THERAPY: "#b6e3a8"}


def _sorted(concepts: list[LinkedConcept], key: str) -> list[LinkedConcept]:
    return sorted(concepts, key=lambda c: (getattr(c, key).casefold(), c.curie))


def _species(concept: LinkedConcept) -> str:
    details = ", ".join(x for x in (concept.common_name, concept.rank) if x)
    taxon = concept.curie.partition(":")[2]
    return f"{concept.name} ({details}) [taxon {taxon}]" if details else f"{concept.name} [taxon {taxon}]"


def render_markdown(doc: Doc) -> str:
    """The "Linked entities" and "Full-text entities" Markdown sections of an annotated document.

    "Linked entities" lists canonical names: diseases with their MONDO ids, therapies
    with their MeSH ids. "Full-text entities" lists the words the text uses (the most
    frequent mention of each concept) with MeSH ids, and species as
    ``Homo sapiens (human, species) [taxon 9606]``. Empty lists are left out.
    """
    concepts = linked_entities(doc)
    linked, full_text = [], []
    for label, prefix in ((DISEASE, "MONDO"), (THERAPY, "MESH")):
        items = [f"{c.name} ({c.id_in(prefix)})" for c in _sorted(concepts[label], "name") if c.id_in(prefix)]
        if items:
            linked.append(f"- **{_HEADINGS[label]}:** " + ", ".join(items))
    for label in (DISEASE, THERAPY):
        items = [f"{c.surface} ({c.id_in('MESH') or c.curie})" for c in _sorted(concepts[label], "surface")]
        if items:
            full_text.append(f"- **{_HEADINGS[label]}:** " + ", ".join(items))
    taxa = [c for c in _sorted(concepts[SPECIES], "name") if c.curie.startswith("NCBITaxon:")]
    if taxa:
        full_text.append("- **Species:** " + ", ".join(_species(c) for c in taxa))
    sections = []
    if linked:
        sections.append("## Linked entities\n\n" + "\n".join(linked))
    if full_text:
        sections.append("## Full-text entities\n\n" + "\n".join(full_text))
    return "\n\n".join(sections) + "\n" if sections else ""


#: The look of :func:`render_html`, scoped to its fragment: a sans-serif font, links that look like links,
#: entity boxes that wrap with the text, and a legend of the labels.
_STYLE = """<style>
.entitylink-doc { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 16px; max-width: 60em; overflow-wrap: break-word; }
.entitylink-doc mark.entity { -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.entitylink-doc mark.entity a { color: #0645ad !important; text-decoration: underline !important; }
.entitylink-legend { margin: 0.5em 0; line-height: 2; }
.entitylink-legend span { padding: 0.25em 0.6em; margin-right: 0.5em; border-radius: 0.35em; font-size: 0.8em; font-weight: bold; }
</style>"""
_PAGE = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n'


def render_html(doc: Doc, *, page: bool = False) -> str:
    """displaCy entity HTML: each entity coloured by label, titled and linked to its ontology page.

    A fragment (``page=False``, what a notebook shows) with its own style and a legend of the
    labels found; ``page=True`` wraps it in a whole HTML page.
    """
    ents = []
    for ent in doc.ents:
        curie = ent._.kb_id
        ents.append({"start": ent.start_char, "end": ent.end_char, "label": ent.label_,
                     "kb_id": curie or "", "kb_url": concept_url(curie) if curie else "#"})  # fmt: skip
    data = {"text": doc.text, "ents": ents, "title": doc._.doc_id}
    body = displacy.render(data, style="ent", manual=True, page=False, jupyter=False, options={"colors": _COLORS})
    legend = "".join(f'<span style="background: {_COLORS[label]}">{label}</span>' for label in _COLORS
                     if any(ent.label_ == label for ent in doc.ents))  # fmt: skip
    legend_html = f'<div class="entitylink-legend">{legend}</div>' if legend else ""
    body = body.replace('<div class="entities"', legend_html + '<div class="entities"', 1)  # under the title
    fragment = f'<div class="entitylink-doc">{_STYLE}{body}</div>'
    return _PAGE.format(title=html.escape(str(doc._.doc_id or "entitylink")), body=fragment) if page else fragment
