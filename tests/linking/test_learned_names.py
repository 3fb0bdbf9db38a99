"""Learned names as a table: reading, writing, and the longest name per first word."""

from __future__ import annotations

import pytest

from entitylink.errors import ModelError
from entitylink.linking.learned_names import LearnedName, LearnedNames


def test_write_then_read_gives_the_same_names(tmp_path):
    names = LearnedNames([LearnedName("DISEASE", "toxicity", "MESH:D064420", 88, 1),
                          LearnedName("DISEASE", "platelet aggregation", "MESH:D001791", 3, 1)])  # fmt: skip
    path = tmp_path / "names.tsv"
    names.write(path, "a comment")
    again = LearnedNames.read(path)
    assert again.names == names.names
    assert again.curie("DISEASE", "toxicity") == "MESH:D064420"
    assert again.curie("THERAPY", "toxicity") is None
    assert again.lengths() == {"toxicity": 1, "platelet": 2}


def test_the_shipped_names_are_read_by_default():
    names = LearnedNames.read()
    assert names.curie("DISEASE", "toxicity") == "MESH:D064420"
    assert all(name.annotated >= 3 and len(name.key) > 2 for name in names.names)


def test_a_bad_names_file_is_named_with_its_line(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text("# comment\nDISEASE\ttoxicity\tMESH:D064420\t5\t0\nDISEASE\ttoxicity\tMESH:D064420\tmany\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"names\.tsv: line 3: expected"):
        LearnedNames.read(path)
    with pytest.raises(ModelError, match="nowhere.tsv: cannot read"):
        LearnedNames.read(tmp_path / "nowhere.tsv")
