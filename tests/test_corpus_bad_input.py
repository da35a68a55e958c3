"""Malformed inputs: each gives a clear CorpusError or quarantine rows, never a silent loss.

Every case that loads checks the invariant rows read = rows kept + rows quarantined
against the number of records written into the file by the test itself.
"""

from __future__ import annotations

import csv
import gzip
import json

import pandas as pd
import pytest

from presslens.corpus import CorpusError, load

HEADER = ["doc_id", "outlet", "published", "headline", "text"]


def rows(n, **overrides):
    out = []
    for i in range(n):
        row = {"doc_id": f"d{i}", "outlet": "The Test Herald", "published": f"2020-01-{i % 28 + 1:02d}", "headline": f"Headline {i}", "text": f"Body of article {i}.\n\nSecond paragraph."}
        row.update({k: v(i) if callable(v) else v for k, v in overrides.items()})
        out.append(row)
    return out


def write_csv(path, records, encoding="utf-8", header=HEADER):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    return path


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def assert_reconciles(result, n_written):
    corpus, quarantine = result
    assert len(corpus) + len(quarantine) == n_written == result.n_read
    # a quarantined row is not also kept (duplicates share their id with the kept first copy)
    others = quarantine.loc[~quarantine["reason"].str.startswith("duplicate"), "doc_id"]
    assert not set(corpus["doc_id"]) & (set(others) - {""})


def assert_error(path, *fragments, **kwargs):
    with pytest.raises(CorpusError) as info:
        load(path, **kwargs)
    message = str(info.value)
    assert str(path) in message, "the error names the file"
    assert "Fix:" in message, "the error says how to fix it"
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    return message


# ---------------------------------------------------------------- structural errors


def test_missing_required_column(tmp_path):
    path = write_csv(tmp_path / "a.csv", rows(3), header=["doc_id", "outlet", "published", "text"])
    message = assert_error(path, "headline", "columns=")
    assert "missing" in message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert_error(path, "empty")


def test_header_only(tmp_path):
    path = write_csv(tmp_path / "header.csv", [])
    assert_error(path, "no rows")


def test_truncated_gzip(tmp_path):
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in rows(50)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    assert_error(path, "gzip", "truncated")


def test_truncated_json_line_names_line(tmp_path):
    text = "".join(json.dumps(r) + "\n" for r in rows(4))
    path = tmp_path / "cut.jsonl"
    path.write_text(text + json.dumps(rows(5)[4])[:40], encoding="utf-8")
    message = assert_error(path, "line 5", "truncated")
    assert "on_bad_lines" in message


def test_truncated_json_line_can_be_quarantined(tmp_path):
    text = "".join(json.dumps(r) + "\n" for r in rows(4))
    path = tmp_path / "cut.jsonl"
    path.write_text(text + json.dumps(rows(5)[4])[:40], encoding="utf-8")
    result = load(path, on_bad_lines="quarantine")
    assert_reconciles(result, 5)
    assert result.quarantine["row"].tolist() == [5]
    assert "line 5" in result.quarantine["reason"].iat[0]


def test_binary_file_renamed_csv(tmp_path):
    path = tmp_path / "spreadsheet.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    assert_error(path, "binary")


def test_unknown_format(tmp_path):
    path = tmp_path / "articles.docx"
    path.write_bytes(b"whatever")
    assert_error(path, "unknown format", "importers")


def test_unparsable_parquet(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"not parquet at all")
    assert_error(path, "Parquet")


def test_ambiguous_slashed_dates_need_dayfirst(tmp_path):
    path = write_csv(tmp_path / "dates.csv", rows(3, published=lambda i: f"0{i + 1}/04/2020"))
    assert_error(path, "dayfirst")
    uk = load(path, dayfirst=True).corpus["published"]
    us = load(path, dayfirst=False).corpus["published"]
    assert uk.dt.month.tolist() == [4, 4, 4] and uk.dt.day.tolist() == [1, 2, 3]
    assert us.dt.month.tolist() == [1, 2, 3] and us.dt.day.tolist() == [4, 4, 4]


def test_mapping_names_unknown_columns(tmp_path):
    path = write_csv(tmp_path / "a.csv", rows(2))
    assert_error(path, "title", columns={"title": "headline"})


# ---------------------------------------------------------------- encodings


def test_latin1_file_is_detected_and_decoded(tmp_path):
    records = rows(6, text=lambda i: f"Café owner in Llandudno said the £{i}00 fine was unfair. Señor García agreed, naïvely.")
    path = write_csv(tmp_path / "latin1.csv", records, encoding="latin-1")
    result = load(path)
    assert_reconciles(result, 6)
    assert result.corpus["text"].str.contains("Café").all()
    assert result.corpus["text"].str.contains("£").all()


def test_utf16_with_bom(tmp_path):
    path = write_csv(tmp_path / "utf16.csv", rows(4, headline="Police warn ‘hunters’"), encoding="utf-16")
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    result = load(path)
    assert_reconciles(result, 4)
    assert (result.corpus["headline"] == "Police warn ‘hunters’").all()


def test_explicit_wrong_encoding_is_an_error(tmp_path):
    path = write_csv(tmp_path / "utf8.csv", rows(2, text="naïve café ‘quote’"))
    assert_error(path, "ascii", encoding="ascii")


# ---------------------------------------------------------------- quarantine


def test_duplicate_ids_keep_first(tmp_path):
    records = rows(5)
    records[3]["doc_id"] = "d1"
    records[4]["doc_id"] = "d1"
    result = load(write_csv(tmp_path / "dupes.csv", records))
    assert_reconciles(result, 5)
    assert result.corpus["doc_id"].tolist() == ["d0", "d1", "d2"]
    assert result.quarantine["row"].tolist() == [4, 5]
    assert result.quarantine["reason"].str.contains("duplicate doc_id .first seen in row 2").all()


def test_unparsable_and_missing_dates(tmp_path):
    records = rows(4)
    records[1]["published"] = "the day after tomorrow"
    records[2]["published"] = ""
    result = load(write_csv(tmp_path / "dates.csv", records))
    assert_reconciles(result, 4)
    reasons = dict(zip(result.quarantine["row"], result.quarantine["reason"], strict=True))
    assert reasons[2].startswith("unparsable date 'the day after tomorrow'")
    assert reasons[3] == "missing date"


def test_mixed_date_formats(tmp_path):
    dates = ["2020-03-01", "1 March 2020", "March 1, 2020", "01/03/2020", "2020-03-01T23:30:00+01:00", "2020-03-01 10:00"]
    result = load(write_csv(tmp_path / "mixed.csv", rows(6, published=lambda i: dates[i])), dayfirst=True)
    assert_reconciles(result, 6)
    published = result.corpus["published"]
    assert str(published.dt.tz) == "UTC"
    assert (published.dt.strftime("%Y-%m-%d") == "2020-03-01").all()


def test_empty_and_whitespace_text(tmp_path):
    records = rows(4)
    records[0]["text"] = ""
    records[2]["text"] = "   \n\n\t "
    result = load(write_csv(tmp_path / "empty_text.csv", records))
    assert_reconciles(result, 4)
    assert result.quarantine.set_index("row")["reason"].to_dict() == {1: "empty text", 3: "empty text"}


def test_fifty_megabyte_article_is_quarantined(tmp_path):
    records = rows(3)
    records[1]["text"] = "word " * 10_000_000  # 50 MB
    path = tmp_path / "huge.jsonl"
    write_jsonl(path, records)
    result = load(path)
    assert_reconciles(result, 3)
    assert result.quarantine["row"].tolist() == [2]
    assert "longer than max_text_chars" in result.quarantine["reason"].iat[0]
    # the limit is configurable
    assert len(load(path, max_text_chars=60_000_000).corpus) == 3


def test_binary_junk_in_text_cell(tmp_path):
    records = rows(3)
    records[1]["text"] = "".join(chr(c) for c in range(1, 32)) * 20
    result = load(write_jsonl(tmp_path / "junk.jsonl", records))
    assert_reconciles(result, 3)
    assert result.quarantine["reason"].tolist() == ["text is not text (binary or control characters)"]


def test_csv_with_embedded_newlines_and_quotes(tmp_path):
    text = 'He said "stop" and left.\n\nA second paragraph, with a comma; and "quotes", too.'
    result = load(write_csv(tmp_path / "quoted.csv", rows(3, text=text, headline='Man says "no"')))
    assert_reconciles(result, 3)
    assert (result.corpus["text"] == text).all()
    assert (result.corpus["headline"] == 'Man says "no"').all()


def test_ragged_csv_row_is_quarantined_with_line(tmp_path):
    path = write_csv(tmp_path / "ragged.csv", rows(3))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("d9,Outlet,2020-01-01,headline,text,unexpected extra field\n")
    result = load(path)
    assert_reconciles(result, 4)
    assert result.quarantine["row"].tolist() == [4]
    assert "6 fields where the header has 5" in result.quarantine["reason"].iat[0]


def test_formula_like_cells_load_verbatim_and_are_neutralised_on_export(tmp_path):
    from presslens.corpus import neutralise_formulas

    result = load(write_csv(tmp_path / "formula.csv", rows(2, headline='=HYPERLINK("http://x.example","click")', text="+44 7700 900123 called police")))
    assert_reconciles(result, 2)
    assert result.corpus["headline"].iat[0].startswith("=HYPERLINK")
    safe = neutralise_formulas(result.corpus[["headline", "text"]])
    assert safe["headline"].iat[0].startswith("'=") and safe["text"].iat[0].startswith("'+")


def test_json_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "array.jsonl"
    path.write_text(json.dumps(rows(1)[0]) + "\n[1, 2, 3]\n", encoding="utf-8")
    result = load(path)
    assert_reconciles(result, 2)
    assert "not an object" in result.quarantine["reason"].iat[0]


def test_missing_doc_id_and_outlet_values(tmp_path):
    records = rows(3)
    records[0]["doc_id"] = ""
    records[1]["outlet"] = " "
    result = load(write_csv(tmp_path / "blank_ids.csv", records))
    assert_reconciles(result, 3)
    assert result.quarantine["reason"].tolist() == ["missing doc_id", "missing outlet"]


def test_blank_csv_rows_are_counted_not_lost(tmp_path):
    path = write_csv(tmp_path / "blank_rows.csv", rows(2))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(",,,,\n")
    result = load(path)
    assert_reconciles(result, 3)
    assert result.quarantine["reason"].iat[0].endswith("blank row")


def test_quarantine_summary_counts_reasons(tmp_path):
    records = rows(5)
    records[1]["text"] = ""
    records[2]["text"] = ""
    records[3]["published"] = "never"
    result = load(write_csv(tmp_path / "summary.csv", records))
    summary = result.summary().set_index("reason")["rows"]
    assert summary["empty text"] == 2
    assert summary["unparsable date"] == 1
    assert summary["(rows read)"] == 5 and summary["(rows kept)"] == 2 and summary["(rows quarantined)"] == 3


def test_stable_ids_made_when_there_is_no_id_column(tmp_path):
    path = write_csv(tmp_path / "noid.csv", rows(3), header=["outlet", "published", "headline", "text"])
    assert_error(path, "doc_id", make_doc_ids=False)
    result = load(path)
    assert result.corpus["doc_id"].str.fullmatch(r"id-[0-9a-f]{16}").all() and result.corpus["doc_id"].is_unique
    assert load(path, make_doc_ids=True).corpus["doc_id"].tolist() == result.corpus["doc_id"].tolist()
    assert result.corpus.attrs["doc_ids"].startswith("made from a hash of outlet, date and headline")


def test_kept_rows_carry_provenance(tmp_path):
    records = rows(3)
    records[1]["text"] = ""
    result = load(write_csv(tmp_path / "prov.csv", records))
    assert result.corpus["record_no"].tolist() == [1, 3]
    assert (result.corpus["source_file"] == "prov.csv").all()
    assert (result.corpus["source_format"] == "csv").all()
    assert pd.api.types.is_datetime64_any_dtype(result.corpus["published"])
