"""Learning names from the corpora: texts annotated nearly every time they occur, with one identifier."""

from __future__ import annotations

import re

from entitylink.io.readers import Annotation, Document
from entitylink.training.learned_names import learn_names

DISEASES = frozenset({"DISEASE"})


def document(pmid: str, text: str, annotated: dict[str, str], kind: str = "Disease") -> Document:
    """``text`` with every occurrence of each word of ``annotated`` tagged with its identifier."""
    annotations = [Annotation(m.start(), m.end(), m[0], kind, mesh)
                   for word, mesh in annotated.items() for m in re.finditer(re.escape(word), text)]  # fmt: skip
    return Document(pmid, text, annotations=annotations)


def test_a_text_annotated_every_time_is_learned_with_its_identifier():
    training = [(DISEASES, document(str(i), "Severe toxicity was seen.", {"toxicity": "D064420"})) for i in range(3)]
    [name] = learn_names(training)
    assert (name.label, name.key, name.curie, name.annotated, name.unannotated) == ("DISEASE", "toxicity", "MESH:D064420", 3, 0)


def test_a_text_often_left_unannotated_is_not_learned():
    tagged = [(DISEASES, document(str(i), "Severe toxicity was seen.", {"toxicity": "D064420"})) for i in range(3)]
    untagged = [(DISEASES, document(f"u{i}", "No toxicity in toxicity studies.", {})) for i in range(2)]
    assert learn_names(tagged + untagged) == []


def test_occurrences_inside_longer_mentions_do_not_count_against_a_name():
    training = [(DISEASES, document(str(i), "Cardiac toxicity and toxicity.", {"Cardiac toxicity": "D066126", " toxicity.": "D064420"}))
                for i in range(3)]  # fmt: skip
    assert {name.key for name in learn_names(training)} >= {"toxicity"}


def test_too_rare_ambiguous_short_forms_and_incomplete_labels_teach_nothing():
    rare = [(DISEASES, document(str(i), "Severe toxicity.", {"toxicity": "D064420"})) for i in range(2)]
    assert learn_names(rare) == []
    short = [(DISEASES, document(str(i), "AD was seen.", {"AD": "D000544"})) for i in range(5)]
    assert learn_names(short) == []
    ambiguous = [(DISEASES, document(str(i), "A tumor.", {"tumor": "D009369" if i % 2 else "D002277"})) for i in range(6)]
    assert learn_names(ambiguous) == []
    partial = [(frozenset(), document(str(i), "Severe toxicity.", {"toxicity": "D064420"})) for i in range(5)]
    assert learn_names(partial) == []


def test_genes_and_words_for_people_are_never_learned():
    training = [(frozenset({"GENE"}), document(str(i), "The dystrophin gene.", {"dystrophin": "1756"}, "Gene")) for i in range(5)]
    assert learn_names(training) == []
    training = [(frozenset({"SPECIES"}), document(str(i), "Women.", {"Women": "9606"}, "Species")) for i in range(5)]
    assert learn_names(training) == []


def test_a_number_is_never_learned():
    species = frozenset({"SPECIES"})
    training = [(species, document(str(i), "Strain 0533 grew.", {"0533": "604089"}, "Species")) for i in range(5)]
    assert learn_names(training) == []
