"""Partitions: large JSONL and PubTator files cut at record boundaries, read back as the whole file reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from entitylink.distributed.partitions import Partition, plan_file, read_partition
from entitylink.io.readers import read_inputs
from entitylink.kb.index_cache import file_digest

PUBTATOR_RECORD = (
    "{n}|t|Cisplatin nephrotoxicity in rats {n}.\n{n}|a|Acute kidney injury followed.\n{n}\t0\t9\tCisplatin\tChemical\tD002945\n"
)


def fields(documents):
    return [(d.id, d.text, d.error, d.annotations, d.title_end) for d in documents]


def test_jsonl_is_cut_every_n_records_and_reads_as_the_whole_file(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [f'{{"id": "d{n}", "text": "Text {n} about asthma."}}' for n in range(7)]
    lines[4] = "not json"
    path.write_text("\n".join(lines[:2]) + "\n\n\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
    partitions, digest = plan_file(path, "jsonl", 3)
    assert digest == file_digest(path)
    assert [p.name for p in partitions] == ["big.jsonl.000000001-000000003", "big.jsonl.000000004-000000006",
                                            "big.jsonl.000000007-000000007"]  # fmt: skip
    assert [p.first_record for p in partitions] == [1, 4, 7]
    assert [p.first_line for p in partitions] == [1, 6, 9]  # the blank lines count as lines, not records
    read = [d for p in partitions for d in read_partition(p)]
    assert fields(read) == fields(read_inputs([path.resolve()]))
    assert read[4].id == "big#7" and "line 7" in read[4].error


def test_pubtator_is_cut_at_blank_lines(tmp_path):
    path = tmp_path / "corpus.pubtator"
    path.write_text("\n".join(PUBTATOR_RECORD.format(n=n) for n in range(100, 105)), encoding="utf-8")
    partitions, _ = plan_file(path, "pubtator", 2)
    assert [p.byte_range is not None for p in partitions] == [True] * 3
    assert b"".join(path.read_bytes()[slice(*p.byte_range)] for p in partitions) == path.read_bytes()
    read = [d for p in partitions for d in read_partition(p)]
    assert fields(read) == fields(read_inputs([path.resolve()], "pubtator"))
    assert [d.id for d in read] == ["100", "101", "102", "103", "104"]


@pytest.mark.parametrize("kind", ["jsonl", "pubtator"])
def test_a_small_file_is_one_partition(tmp_path, kind):
    path = tmp_path / "small.txt"
    path.write_text(PUBTATOR_RECORD.format(n=1) if kind == "pubtator" else '{"id": "a", "text": "b"}\n', encoding="utf-8")
    partitions, digest = plan_file(path, kind, 10)
    assert partitions == [Partition(str(path.resolve()), kind, "small.txt")] and digest == file_digest(path)


def test_pubmed_xml_is_one_partition_whatever_its_size():
    path = Path(__file__).resolve().parents[1] / "fixtures" / "pubmed_articles.xml"
    partitions, digest = plan_file(path, "pubmed-xml", 1)
    assert partitions == [Partition(str(path), "pubmed-xml", "pubmed_articles.xml")] and digest is None
    assert fields(read_partition(partitions[0])) == fields(read_inputs([path]))
