"""A bad line read in partitions is named by its line in the file, as ``load`` names it.

:func:`presslens.scale.read_quarantine` reads a JSON Lines file cut into partitions; the
``reason`` of a line that cannot be parsed must give the line's number in its file (the
same number as ``row`` for a single file, and as ``load``'s reason), not its number in
the partition.  Dask's default scheduler runs these; no cluster is needed.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

pytest.importorskip("dask")

from presslens import scale  # noqa: E402
from presslens.corpus import load  # noqa: E402


def _article(i: int, text: str = "Councillors backed online safety lessons in schools.") -> str:
    return json.dumps({"doc_id": f"n{i}", "outlet": "The Example Gazette", "published": f"2024-03-{i:02d}",
                       "headline": f"Council meeting {i}", "text": text}, ensure_ascii=False)


def _reasons(table: pd.DataFrame) -> list[tuple[int, str]]:
    return [(int(row), reason) for row, reason in zip(table["row"], table["reason"], strict=True)]


def test_bad_line_in_a_later_partition_is_named_by_its_line_in_the_file(tmp_path):
    lines = [_article(i) for i in range(1, 7)]
    lines[3] = '{"doc_id": "n4", "outlet": "The Example Gazette", "headline": oops}'  # line 4: line 1 of the second partition
    lines[4] = '{"doc_id": "n5", "outlet" "The Example Gazette"}'  # line 5: line 2 of the second partition
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    quarantined = scale.read_quarantine(path, rows_per_partition=3)
    assert _reasons(quarantined) == [(4, "line 4: not valid JSON (Expecting value)"), (5, "line 5: not valid JSON (Expecting ':' delimiter)")]
    assert _reasons(quarantined) == _reasons(load(path, on_bad_lines="quarantine").quarantine)
    assert len(scale.read_corpus(path, rows_per_partition=3).compute()) == 4


def test_a_line_that_is_not_utf8_is_named_by_its_line_in_the_file(tmp_path):
    lines = [_article(i, "Ministers met café owners about online safety.").encode("utf-8") for i in range(1, 7)]
    lines[4] = _article(5, "A café owner spoke to reporters.").encode("latin-1")  # line 5: line 2 of the second partition
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    quarantined = scale.read_quarantine(path, rows_per_partition=3)
    assert [row for row, _ in _reasons(quarantined)] == [5]
    assert quarantined["reason"].iloc[0].startswith("line 5 is not valid UTF-8 (byte 0xe9 at column ")
    assert _reasons(quarantined) == _reasons(load(path, on_bad_lines="quarantine").quarantine)


def test_parts_of_a_data_package_name_the_line_in_their_own_file(tmp_path):
    corpus = load(_write_plain(tmp_path / "source.jsonl", 10)).corpus
    descriptor = scale.write_partitions(corpus, tmp_path / "package", rows_per_partition=5)
    part = tmp_path / "package" / "articles" / "part-00001.jsonl"
    lines = part.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = '{"doc_id": "broken", "outlet": \n'  # line 4 of the second file, record 9 of the package
    part.write_text("".join(lines), encoding="utf-8")

    quarantined = scale.read_quarantine(descriptor, rows_per_partition=2)
    assert quarantined[["source_file", "row"]].to_dict("records") == [{"source_file": "part-00001.jsonl", "row": 9}]
    assert quarantined["reason"].iloc[0].startswith("line 4: ")
    loaded = load(descriptor, on_bad_lines="quarantine").quarantine
    assert _reasons(loaded) == [(9, "part-00001.jsonl: " + quarantined["reason"].iloc[0])]


def _write_plain(path, n):
    path.write_text("\n".join(_article(i) for i in range(1, n + 1)) + "\n", encoding="utf-8")
    return path
