"""render_markdown (the seed pages' "Linked entities" / "Full-text entities" sections), render_html and concept_url."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Span

from entitylink import render_html, render_markdown
from entitylink.render import concept_url

ITEM = re.compile(r"^- \*\*(Diseases|Therapies|Species):\*\* (.+)$")


@pytest.fixture(scope="module")
def prca(example_docs):
    return example_docs["PMC12171867"]


@pytest.fixture(scope="module")
def prca_markdown(prca):
    return render_markdown(prca)


def sections(markdown):
    """{heading: [item lines]}, checking the seed shape: heading, blank line, items, blank line between sections."""
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")
    found = {}
    for block in markdown.rstrip("\n").split("\n\n## "):
        block = block if block.startswith("## ") else "## " + block
        heading, blank, *items = block.split("\n")
        assert heading.startswith("## ") and blank == ""
        assert items and all(ITEM.match(line) for line in items), items
        found[heading[3:]] = items
    return found


def items_of(line):
    return ITEM.match(line).group(2).split(", ")


def test_markdown_has_the_seed_sections(prca_markdown):
    found = sections(prca_markdown)
    assert list(found) == ["Linked entities", "Full-text entities"]
    assert prca_markdown.startswith("## Linked entities\n\n- **Diseases:** ")
    assert [ITEM.match(line).group(1) for line in found["Linked entities"]] == ["Diseases", "Therapies"]
    assert [ITEM.match(line).group(1) for line in found["Full-text entities"]] == ["Diseases", "Therapies", "Species"]


def test_linked_entities_are_names_with_ontology_ids(prca_markdown):
    linked = sections(prca_markdown)["Linked entities"]
    diseases = items_of(linked[0])
    assert "acute myeloid leukemia (MONDO:0018874)" in diseases
    assert "pure red-cell aplasia (MONDO:0001705)" in diseases
    assert all(re.fullmatch(r".+ \(MONDO:\d{7}\)", item) for item in diseases)
    therapies = items_of(linked[1])
    assert "Fetal Blood (MESH:D005312)" in therapies
    assert all(re.fullmatch(r".+ \(MESH:[CD]\d+\)", item) for item in therapies)


def test_full_text_entities_use_the_words_of_the_text(prca_markdown):
    full_text = sections(prca_markdown)["Full-text entities"]
    assert items_of(full_text[0]) == [
        "AML (MESH:D015470)",
        "hematological and immune system diseases (MESH:D006402)",
        "immune dysfunction (MESH:D007154)",
        "PRCA (MESH:D012010)",
    ]
    assert "UCB (MESH:D005312)" in items_of(full_text[1])
    assert full_text[2] == "- **Species:** Homo sapiens (human, species) [taxon 9606]"


def test_items_are_sorted_case_insensitively(prca_markdown):
    for lines in sections(prca_markdown).values():
        for line in lines:
            if line.startswith("- **Species:**"):
                continue
            names = [item.rsplit(" (", 1)[0] for item in items_of(line)]
            assert names == sorted(names, key=str.casefold), line
    # case-sensitive sorting would put "MSCs" and "UCB" before "cell therapy"
    therapies = items_of(sections(prca_markdown)["Full-text entities"][1])
    assert therapies.index("cell therapy (MESH:D064987)") < therapies.index("MSCs (MESH:D059630)")


def test_species_without_common_name(example_docs):
    species = [line for line in render_markdown(example_docs["19309241"]).splitlines() if line.startswith("- **Species:**")]
    assert species == [
        "- **Species:** Homo sapiens (human, species) [taxon 9606], Human betaherpesvirus 5 [taxon 10359]"  # no rank in 2024
    ]


def test_only_species_gives_only_the_full_text_section(nlp):
    assert render_markdown(nlp("A cat.")) == (
        "## Full-text entities\n\n- **Species:** Felis catus (domestic cat, species) [taxon 9685]\n"
    )


@pytest.mark.parametrize("text", ["", "   ", "The weather was fine on Tuesday."])
def test_no_entities_renders_nothing(nlp, text):
    assert render_markdown(nlp(text)) == ""


def test_unlinked_entities_are_not_rendered(nlp):
    doc = nlp("The weather was fine.")
    doc.ents = [Span(doc, 1, 2, label="DISEASE")]
    assert render_markdown(doc) == ""


# -- render_html ---------------------------------------------------------------------------------------
def test_html_marks_and_links_every_entity(prca):
    html = render_html(prca)
    assert html.count("<mark") == len(prca.ents)
    for text in ("Pure red cell aplasia", "PRCA", "acute myeloid leukemia", "AML", "patients", "UCB"):
        assert f"\n    {text}\n" in html
    assert 'href="http://purl.obolibrary.org/obo/MONDO_0018874"' in html
    assert 'href="http://purl.obolibrary.org/obo/MONDO_0001705"' in html
    assert 'href="https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=9606"' in html
    assert 'href="https://meshb.nlm.nih.gov/record/ui?ui=D005312"' in html
    for label in ("DISEASE", "SPECIES", "THERAPY"):
        assert label in html
    assert "#f4a6a6" in html and "#a6d8f4" in html and "#b6e3a8" in html  # label colours


def test_html_title_escaping_and_page(nlp):
    doc = nlp("AML in a <b>cat</b> & anemia")
    doc._.doc_id = "doc-42"
    html = render_html(doc)
    assert "doc-42" in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "&amp;" in html
    page = render_html(doc, page=True)
    assert page.lstrip().lower().startswith("<!doctype html>") and "</html>" in page


def test_html_unlinked_entity_has_no_link(nlp):
    doc = nlp("The weather was fine.")
    doc.ents = [Span(doc, 1, 2, label="DISEASE")]
    html = render_html(doc)
    assert "weather" in html and "DISEASE" in html
    assert "href" not in html


def test_html_of_an_empty_document(nlp):
    html = render_html(nlp(""))
    assert "<mark" not in html


# -- concept_url ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "curie, url",
    [
        ("MONDO:0018874", "http://purl.obolibrary.org/obo/MONDO_0018874"),
        ("MESH:D015470", "https://meshb.nlm.nih.gov/record/ui?ui=D015470"),
        ("MESH:C537705", "https://meshb.nlm.nih.gov/record/ui?ui=C537705"),
        ("NCBITaxon:9606", "https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=9606"),
        ("OMIM:601626", None),
        ("HP:0001903", None),
        ("no-prefix", None),
        ("", None),
    ],
)
def test_concept_url(curie, url):
    assert concept_url(curie) == url


@pytest.mark.parametrize("doc_id", ["19309241", "41689919", "PMC12171867"])
def test_examples_markdown_lists_no_unlinked_entity_and_no_wrong_anemia(example_docs, doc_id):
    doc = example_docs[doc_id]
    markdown = render_markdown(doc)
    for ent in doc.ents:
        if ent._.kb_id is None:
            assert f"{ent.text} (" not in markdown
    assert "MONDO:0005272" not in markdown
    assert markdown.startswith("## Linked entities\n\n- **Diseases:** ")


def test_cat_anemia_is_anemia(example_docs):
    markdown = render_markdown(example_docs["41689919"])
    assert "anemia (MONDO:0002280)" in markdown


def test_html_reads_well_in_a_browser(prca):
    """A sans-serif font, underlined links, boxes that wrap line by line, and a legend of the labels found."""
    html = render_html(prca)
    assert html.startswith('<div class="entitylink-doc"><style>')
    assert "sans-serif" in html and "text-decoration: underline !important" in html
    assert "box-decoration-break: clone" in html
    legend = html[html.index('<div class="entitylink-legend">') : html.index('<div class="entities"')]
    assert [label for label in ("DISEASE", "SPECIES", "THERAPY") if label in legend] == ["DISEASE", "SPECIES", "THERAPY"]


def test_html_legend_lists_only_labels_found(nlp):
    html = render_html(nlp("A cat."))
    legend = html[html.index('<div class="entitylink-legend">') : html.index('<div class="entities"')]
    assert "SPECIES" in legend and "DISEASE" not in legend and "THERAPY" not in legend
