"""First contact (issue 21): a newcomer's own spreadsheet through ``presslens check`` and
``presslens report`` with no flags.

The spreadsheets are FICTIONAL, in the shapes people export: a scraper's CSV, a Google
Sheet, an Excel file, a Media Cloud-like download; columns named ``title``, ``body``,
``date``, ``source`` in different spellings; no ids; extra columns; an outlet per row or
none at all.  Every one is read with no other flag: the mapping is printed, every row is
kept or quarantined with a reason, and the check names what can run.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from presslens import open_corpus
from presslens.cli import main
from presslens.corpus import CorpusError, check_corpus, load, stable_ids

OUTLETS = ["The Fenland Examiner", "Wisbech Standard Gazette", "Northmoor Evening Post"]
HEADLINES = ["Council reviews online safety plan", "Police urge parents to check app settings", "Charity opens helpline for families",
             "Court hears case of man accused over messages", "Group's sting criticised by force", "School adds lessons on sharing images"]


def articles(n: int, *, outlets=OUTLETS, start_day: int = 1) -> list[dict]:
    rows = []
    for i in range(n):
        rows.append({"title": f"{HEADLINES[i % len(HEADLINES)]} ({i})", "body": (
            f"Officials in Wisbech said on Tuesday that item {i} of the plan would be reviewed. "
            f"\"We want parents to feel supported,\" a spokesperson said, adding that 1{i % 10}0 families had been contacted."),
            "date": f"2021-{(start_day + i) % 12 + 1:02d}-{i % 27 + 1:02d}", "source": outlets[i % len(outlets)]})
    return rows


def write(path: Path, rows: list[dict], names: dict, *, extra: dict | None = None) -> Path:
    """Write ``rows`` with columns renamed by ``names`` (ours → theirs) in the format of the suffix."""
    frame = pd.DataFrame(rows).rename(columns=names)
    for column, value in (extra or {}).items():
        frame[column] = value
    suffix = "".join(path.suffixes)
    if suffix == ".csv":
        frame.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
    elif suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif suffix == ".xlsx":
        frame.to_excel(path, index=False)
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records")), encoding="utf-8")
    elif suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        raise AssertionError(suffix)
    return path


SHEETS = {
    # name: (file name, our field → their column, extra columns, outlets, expected mapping of headline/text/published/outlet)
    "scraper_csv": ("scrape.csv", {}, None, OUTLETS),
    "google_sheet_capitals": ("Sheet1.csv", {"title": "Title", "body": "Body", "date": "Date", "source": "Source"}, {"Notes": ""}, OUTLETS),
    "excel_spaces": ("clippings.xlsx", {"title": "Heading", "body": "Full Text", "date": "Publication Date", "source": "Newspaper"}, {"Page": 3}, OUTLETS),
    "excel_one_outlet_no_column": ("examiner.xlsx", {"title": "Headline", "body": "Article", "date": "Pub_Date"}, None, None),
    "mediacloud_like": ("mc.csv", {"title": "title", "body": "text", "date": "publish_date", "source": "media_name"}, {"url": "https://x.example/a", "language": "en"}, OUTLETS),
    "tsv_content": ("export.tsv", {"title": "headline", "body": "content", "date": "published", "source": "publisher"}, None, OUTLETS),
    "jsonl_story": ("feed.jsonl", {"title": "TITLE", "body": "Story", "date": "Timestamp", "source": "Site"}, None, OUTLETS),
    "parquet_domain": ("crawl.parquet", {"title": "title", "body": "body_text", "date": "datetime", "source": "domain"}, {"wordcount": 60}, OUTLETS),
    "csv_one_outlet_with_column": ("one.csv", {"title": "title", "body": "body", "date": "date", "source": "publication"}, None, OUTLETS[:1]),
    "csv_pub_date_underscores": ("pub.csv", {"title": "Title_", "body": "BODY", "date": "pub date", "source": "Outlet"}, None, OUTLETS),
    "excel_publisher": ("press.xlsx", {"title": "title", "body": "content", "date": "published_at", "source": "publisher"}, {"Author": "Staff"}, OUTLETS),
    "csv_site_and_timestamp": ("site.csv", {"title": "heading", "body": "article_text", "date": "timestamp", "source": "site"}, None, OUTLETS[1:]),
}


@pytest.mark.parametrize("name", sorted(SHEETS))
def test_check_reads_every_spreadsheet_with_no_flags(tmp_path, name, capsys):
    filename, names, extra, outlets = SHEETS[name]
    rows = articles(12, outlets=outlets or OUTLETS[:1])
    rows[5]["date"] = "today"   # one unusable row in each, to see it accounted for
    if outlets is None:
        for row in rows:
            row.pop("source")
    path = write(tmp_path / filename, rows, names, extra=extra)
    assert main(["check", str(path)]) == 0
    printed = capsys.readouterr().out
    for field in ("headline", "text", "published"):
        assert f"{field:<10} <- {names.get({'headline': 'title', 'text': 'body', 'published': 'date'}[field], {'headline': 'title', 'text': 'body', 'published': 'date'}[field])}" in printed
    assert "doc_id     <- (made)" in printed and "ids: made from a hash of outlet, date and headline" in printed
    assert "Rows: 12 read = 11 kept + 1 quarantined" in printed
    assert "relative date 'today' (not a calendar date)" in printed
    assert "Report sections:" in printed and "skipped  Kinds of coverage: needs at least 60 articles (has 11)" in printed
    assert "runs     01 corpus tour" in printed
    result = check_corpus(path)
    assert result.facts["kept"] + result.facts["quarantined"] == 12
    if outlets is None:
        assert result.mapping["outlet"] == "(no outlet column: the file name 'examiner')"


def test_report_with_no_flags_on_a_spreadsheet_without_ids(tmp_path, capsys):
    path = write(tmp_path / "mini.csv", articles(8), {"title": "title", "body": "body", "date": "date", "source": "source"})
    assert main(["report", "--corpus", str(path), "--out", str(tmp_path / "report"), "--notebooks", "none"]) == 0
    printed = capsys.readouterr().out
    assert "columns used (contract <- yours): doc_id <- (made); outlet <- source; published <- date; headline <- title; text <- body" in printed
    assert "Rows: 8 read = 8 kept + 0 quarantined" in printed
    manifest = json.loads((tmp_path / "report" / "manifest.json").read_text())
    assert manifest["parse_report"][0]["doc_ids"].startswith("made from a hash")
    # no CSV table carries the absolute path of the corpus, and no header or cell starts a formula
    for table in (tmp_path / "report" / "tables").glob("*.csv"):
        text = table.read_text(encoding="utf-8")
        assert str(tmp_path) not in text, table.name
        for cells in csv.reader(text.splitlines()):
            assert not any(c.startswith(("=", "+", "@")) or (c.startswith("-") and not c[1:2].isdigit()) for c in cells), (table.name, cells)


def test_report_dry_run_writes_nothing(tmp_path, capsys):
    path = write(tmp_path / "mini.xlsx", articles(4), {"title": "Title", "body": "Body", "date": "Date", "source": "Source"})
    assert main(["report", "--corpus", str(path), "--out", str(tmp_path / "report"), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "headline   <- Title" in printed and "(dry run: no report written)" in printed
    assert not (tmp_path / "report").exists()


def test_ambiguous_columns_name_both_and_the_flag_from_the_cli(tmp_path, capsys):
    rows = articles(3)
    path = write(tmp_path / "amb.csv", rows, {}, extra={"heading": "Another title"})
    assert main(["check", str(path)]) == 2
    error = capsys.readouterr().err
    assert "two columns could be the headline: 'title' and 'heading'" in error
    assert "--columns title=headline" in error and "columns={" not in error
    with pytest.raises(CorpusError) as info:
        load(path)
    assert "columns={'title': 'headline'}" in str(info.value) and "--columns" not in str(info.value)
    assert main(["check", str(path), "--columns", "heading=headline"]) == 0
    assert "headline   <- heading" in capsys.readouterr().out


def test_missing_column_error_speaks_the_interface_used(tmp_path, capsys):
    path = tmp_path / "nodate.csv"
    path.write_text("title,body,source\nCouncil reviews plan,Officials met.,The Fenland Examiner\n", encoding="utf-8")
    assert main(["report", "--corpus", str(path), "--out", str(tmp_path / "r"), "--notebooks", "none"]) == 2
    error = capsys.readouterr().err
    assert "required column(s) ['published'] missing" in error and "--columns 'Your column=published'" in error
    assert "load(" not in error and "make_doc_ids" not in error
    with pytest.raises(CorpusError, match=r"columns=\{'Your column': 'published'\}"):
        open_corpus(path, pseudonymise=False)


def test_columns_flag_rejects_unknown_fields(tmp_path, capsys):
    path = write(tmp_path / "a.csv", articles(2), {})
    with pytest.raises(SystemExit, match="not fields of the corpus"):
        main(["check", str(path), "--columns", "title=headlines"])


def test_ids_are_stable_and_collisions_use_the_text(tmp_path):
    rows = articles(4)
    rows[1].update(title=rows[0]["title"], date=rows[0]["date"], source=rows[0]["source"])   # same outlet, date, headline; other text
    rows[1]["body"] = "A different report under the same headline."
    path = write(tmp_path / "ids.csv", rows, {})
    first, second = load(path), load(path)
    assert first.corpus["doc_id"].tolist() == second.corpus["doc_id"].tolist()
    assert first.corpus["doc_id"].is_unique and len(first.corpus) == 4
    moved = write(tmp_path / "moved.csv", rows[::-1], {})
    assert sorted(load(moved).corpus["doc_id"]) == sorted(first.corpus["doc_id"]), "ids do not depend on row order or file name"
    table = pd.DataFrame(rows).rename(columns={"title": "headline", "body": "text", "date": "published", "source": "outlet"})
    assert stable_ids(table) == first.corpus["doc_id"].tolist()


def test_no_make_ids_requires_an_id_column(tmp_path, capsys):
    path = write(tmp_path / "a.csv", articles(2), {})
    assert main(["check", str(path), "--no-make-ids"]) == 2
    assert "required column(s) ['doc_id'] missing" in capsys.readouterr().err


def test_outlet_flag_names_a_single_paper(tmp_path, capsys):
    rows = [{k: v for k, v in r.items() if k != "source"} for r in articles(3)]
    path = write(tmp_path / "paper.csv", rows, {})
    assert main(["check", str(path), "--outlet", "The Fenland Examiner"]) == 0
    printed = capsys.readouterr().out
    assert "outlet     <- (constant 'The Fenland Examiner')" in printed and "Outlets: 1 (The Fenland Examiner)" in printed


def test_check_names_what_can_run_on_a_full_corpus(capsys):
    result = check_corpus()
    assert result.sections["runs"].all() and result.notebooks["runs"].all()
    text = result.to_text()
    assert "Rows: 1,5" in text and "skipped" not in text
