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


LAYOUTS = {
    "blank lines": [_article(1), "", _article(2), _article(3, ""), "", "", _article(4), "{bad", _article(5)],
    "whitespace-only and CRLF lines": [_article(1) + "\r", "  \t", _article(2) + "\r", "\r", _article(3, ""), "{bad", _article(4)],
    "blank lines only around a bad line": [_article(1), "", "", "{bad", "", "", _article(2, "")],
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("newline_at_end", [True, False])
def test_rows_are_record_numbers_whatever_the_partitions(tmp_path, layout, newline_at_end):
    """Blank lines are no records: ``row`` and ``record_no`` are the numbers ``load`` gives,
    for every partition size, including partitions of blank lines only and block cuts that
    fall inside a line."""
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(LAYOUTS[layout]) + ("\n" if newline_at_end else ""), encoding="utf-8")
    loaded = load(path, on_bad_lines="quarantine")
    expected_bad = loaded.quarantine[["row", "doc_id", "reason"]].to_dict("records")
    expected_kept = loaded.corpus["record_no"].tolist()
    assert len(expected_bad) == 2 and len(expected_kept) >= 1
    for rows in (1, 2, 3, 100):
        assert scale.read_quarantine(path, rows_per_partition=rows)[["row", "doc_id", "reason"]].to_dict("records") == expected_bad, rows
        assert scale.read_corpus(path, rows_per_partition=rows).compute()["record_no"].tolist() == expected_kept, rows
    from presslens.scale.plan import jsonl_chunks

    records = len(expected_bad) + len(expected_kept)
    for block in (1, 2, 5, 7, 64, 1 << 20):  # the file read in blocks that cut lines anywhere
        chunks, counted = jsonl_chunks(path, 2, 0, 1, block=block)
        assert counted == records, block
        assert [c.first_record for c in chunks] == [c.first_record for c in jsonl_chunks(path, 2, 0, 1)[0]], block


def test_a_gzipped_file_is_read_once_decompressed(tmp_path):
    """A ``.jsonl.gz`` file is one partition, read and numbered as ``load`` reads it (it was
    decompressed twice and failed)."""
    import gzip

    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(LAYOUTS["blank lines"]) + "\n").encode("utf-8")))
    loaded = load(path, on_bad_lines="quarantine")
    assert scale.read_quarantine(path)[["row", "reason"]].to_dict("records") == loaded.quarantine[["row", "reason"]].to_dict("records")
    assert scale.read_corpus(path).compute()["record_no"].tolist() == loaded.corpus["record_no"].tolist() == [1, 2, 4, 6]


def test_a_partition_is_decoded_as_its_whole_file(tmp_path):
    """A UTF-8 file with one line in Latin-1: ``load`` quarantines that line.  A partition
    whose only non-ASCII line is that one must do the same, not guess a code page for
    itself and keep the line (the result then depended on the partition size)."""
    lines = [_article(1, "Councillors backed lessons costing £5,000."), _article(2), _article(3), _article(4)]
    raw = ("\n".join(lines[:2]) + "\n").encode("utf-8") + (_article(3, "The café owner said police were called.") + "\n").encode("latin-1")
    path = tmp_path / "articles.jsonl"
    path.write_bytes(raw + (lines[3] + "\n").encode("utf-8"))
    loaded = load(path, on_bad_lines="quarantine")
    assert loaded.quarantine["row"].tolist() == [3]
    for rows in (1, 2, 100):
        assert scale.read_quarantine(path, rows_per_partition=rows)[["row", "reason"]].to_dict("records") == loaded.quarantine[["row", "reason"]].to_dict("records"), rows
        assert scale.read_corpus(path, rows_per_partition=rows).compute()["doc_id"].tolist() == ["n1", "n2", "n4"], rows
