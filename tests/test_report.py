"""The report: written where promised, deterministic, escaped, and honest about quarantine."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from presslens.cli import main
from presslens.report import build_report


def test_report_files(teaching_report):
    out, index = teaching_report
    assert index == out / "one" / "index.html"
    html = index.read_text()
    assert "The corpus" in html and "Articles by outlet" in html
    for name in ("articles_by_outlet", "articles_by_year", "outlet_types", "article_lengths", "quarantine_summary"):
        assert (out / "one" / "tables" / f"{name}.csv").exists()
        assert f"tables/{name}.csv" in html
    for name in ("articles_by_outlet", "articles_by_year", "article_lengths"):
        assert (out / "one" / "figures" / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    manifest = json.loads((out / "one" / "manifest.json").read_text())
    assert manifest["rows_read"] == manifest["rows_kept"] + manifest["rows_quarantined"]
    assert any(f["file"] == "articles.jsonl" and len(f["sha256"]) == 64 for f in manifest["files_read"])


def test_kinds_of_coverage_section(teaching_report):
    out, index = teaching_report
    html = index.read_text()
    assert "Kinds of coverage" in html
    choose = pd.read_csv(out / "one" / "tables" / "choose_k.csv")
    assert list(choose["k"]) == list(range(3, 13))
    clusters = pd.read_csv(out / "one" / "tables" / "clusters.csv")
    assert clusters["articles"].sum() == 1500
    chosen = len(clusters)
    assert f"k = {chosen}:" in html, "the reason for the chosen k is stated"
    assert clusters["typical_headlines"].str.len().min() > 10
    by_group = pd.read_csv(out / "one" / "tables" / "clusters_by_group.csv").drop(columns=["corpus", "corpus_sha256"]).set_index("cluster_name")
    assert (by_group.sum().round(2) == 1.0).all()
    prevalence = pd.read_csv(out / "one" / "tables" / "topic_prevalence_by_year.csv")
    assert set(prevalence["group"]) == set(range(2013, 2025))
    assert ((prevalence["lower"] <= prevalence["share"]) & (prevalence["share"] <= prevalence["upper"])).all()
    for name in ("choose_k", "clusters_by_group", "article_map", "topic_prevalence_by_year"):
        assert (out / "one" / "figures" / f"{name}.png").exists()


def test_outlets_and_time_sections(teaching_report):
    out, index = teaching_report
    html = index.read_text()
    assert "How outlets differ" in html and "Attention over time" in html
    over = pd.read_csv(out / "one" / "tables" / "keyness_over.csv")
    assert {"brave", "sick", "heroic"} <= set(over["term"].head(20))
    assert (over["n_tabloid"] > 0).all() and "p_adjusted" in over
    shares = pd.read_csv(out / "one" / "tables" / "cluster_prevalence.csv")
    assert (shares.groupby("group")["share"].sum().round(2) == 1.0).all()
    assert "Cramér" in html
    inertia = pd.read_csv(out / "one" / "tables" / "correspondence_inertia.csv")
    assert inertia["share"].sum() == pytest.approx(1.0, abs=1e-3)
    bursts = pd.read_csv(out / "one" / "tables" / "bursts.csv")
    assert len(bursts) >= 10 and (bursts["level"] >= 2).all()
    monthly = pd.read_csv(out / "one" / "tables" / "volume_by_month.csv")
    assert monthly.groupby("period")["matching"].sum().sum() == 1500
    for name in ("fightin_words", "correspondence", "bursts", "volume_share_by_month"):
        assert (out / "one" / "figures" / f"{name}.png").exists()


def test_framing_and_quotes_sections(teaching_report):
    out, index = teaching_report
    html = index.read_text()
    assert "How police and vigilantes are framed" in html and "Who is quoted" in html
    frames = pd.read_csv(out / "one" / "tables" / "frames_by_group.csv").set_index(["group", "category"])
    assert frames.loc[("tabloid", "vigilante_justice"), "share"] > frames.loc[("broadsheet", "vigilante_justice"), "share"]
    differences = pd.read_csv(out / "one" / "tables" / "tone_differences.csv").set_index("actor")
    assert differences.loc["vigilantes", "lower"] > 0
    roles = pd.read_csv(out / "one" / "tables" / "quotes_by_role.csv")
    assert (roles.groupby("group")["share"].sum().round(3) == 1.0).all()
    assert "speaker" not in roles.columns
    for name in ("frames_by_group", "frames_by_year", "quotes_by_role"):
        assert (out / "one" / "figures" / f"{name}.png").exists()


def test_reuse_and_claims_sections(teaching_report):
    from presslens.corpus import load_labels

    out, index = teaching_report
    html = index.read_text()
    assert "Recycled coverage" in html and "Statistics that travel" in html
    churn = pd.read_csv(out / "one" / "tables" / "churn.csv").set_index("group")
    copies = load_labels("articles").query("story == 'wire_copy'").groupby("outlet_type").size()
    for outlet_type, planted in copies.items():
        assert churn.loc[outlet_type, "reusing"] == pytest.approx(planted, abs=2)
    dedup = pd.read_csv(out / "one" / "tables" / "deduplication.csv")
    assert (dedup["after_deduplication"] <= dedup["articles"]).all() and dedup["removed"].sum() > 100
    stats = pd.read_csv(out / "one" / "tables" / "travelling_statistics.csv")
    assert len(stats) >= 5 and (stats["mentions"] >= 3).all()
    trail = pd.read_csv(out / "one" / "tables" / "claim_trail.csv")
    assert trail["mutation"].iloc[0] == "none"
    assert (out / "one" / "figures" / "claim_trail.png").exists()


def test_no_private_name_in_any_report_file(teaching_report):
    """Private individuals are pseudonymised by default: scan every HTML and CSV output
    for every name the teaching corpus labels private; officials' names may remain."""
    from presslens.corpus import load_labels, load_teaching

    out, index = teaching_report
    persons = load_labels("persons")
    corpus = load_teaching()
    raw = "\n".join(corpus["text"]) + "\n".join(corpus["headline"])
    private = [n for n in persons.loc[persons["public"].astype(str).str.lower() == "false", "name"].unique() if n in raw]
    files = [p for p in (out / "one").rglob("*") if p.suffix in (".html", ".csv", ".json")]
    assert len(files) > 30
    leaks = {p.name: [n for n in private if n in p.read_text(encoding="utf-8")] for p in files}
    assert not {k: v for k, v in leaks.items() if v}
    assert "replaced by pseudonyms" in index.read_text()
    # the scan is not empty-handed: the pseudonyms that replaced those names are in the outputs
    # (the explorer page carries the articles' text)
    from presslens.text import PSEUDONYM_PATTERN

    assert any(PSEUDONYM_PATTERN.search(p.read_text(encoding="utf-8")) for p in files)


def test_two_runs_give_identical_tables(teaching_report):
    out, _ = teaching_report
    for table in sorted((out / "one" / "tables").glob("*.csv")):
        assert table.read_bytes() == (out / "two" / "tables" / table.name).read_bytes(), table.name
    assert (out / "one" / "manifest.json").read_bytes() == (out / "two" / "manifest.json").read_bytes()


def test_report_counts_match_the_corpus(teaching_report):
    from presslens.corpus import load_teaching

    out, _ = teaching_report
    corpus = load_teaching()
    by_outlet = pd.read_csv(out / "one" / "tables" / "articles_by_outlet.csv")
    assert by_outlet["articles"].sum() == len(corpus)
    assert dict(zip(by_outlet["outlet"], by_outlet["articles"], strict=True)) == corpus["outlet"].value_counts().to_dict()


def test_corpus_text_is_escaped_and_quarantine_reported(tmp_path):
    rows = pd.DataFrame({
        "doc_id": ["x1", "x2", "x3"],
        "outlet": ["<script>alert(1)</script>", "Plain Outlet", "Plain Outlet"],
        "published": ["2020-01-01", "2020-01-02", "not a date"],
        "headline": ["<img src=x onerror=alert(1)>", "ok", "ok"],
        "text": ["one two", "three four", "five"],
    })
    rows.to_csv(tmp_path / "evil.csv", index=False)
    index = build_report(tmp_path / "evil.csv", tmp_path / "out", progress=False)
    html = index.read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onerror=alert" not in html.replace("&lt;", "<").split("<body>")[0]
    summary = pd.read_csv(tmp_path / "out" / "tables" / "quarantine_summary.csv").set_index("reason")["rows"]
    assert summary["unparsable date"] == 1 and summary["(rows read)"] == 3
    quarantine = pd.read_csv(tmp_path / "out" / "tables" / "quarantine.csv")
    assert quarantine["doc_id"].tolist() == ["x3"] and quarantine["row"].tolist() == [3]


def test_cli_report_and_info(tmp_path, capsys):
    from presslens.corpus import teaching_path
    from presslens.importers.examples import write_examples

    write_examples(tmp_path / "examples")
    assert main(["report", "--corpus", str(tmp_path / "examples" / "nexis"), "--format", "nexis", "--out", str(tmp_path / "r"), "--notebooks", "none"]) == 0
    assert "Report written to" in capsys.readouterr().out
    parse = pd.read_csv(tmp_path / "r" / "tables" / "parse_report.csv")
    assert parse["source_file"].tolist() == ["export.docx", "old-export.txt", "second-export.rtf"]
    assert parse["parsed"].sum() == 7 and parse["quarantined"].sum() == 1 and (parse["importer"] == "nexis").all()
    assert main(["corpus", "info", str(teaching_path())]) == 0
    out = capsys.readouterr().out
    assert "0 quarantined" in out and "by outlet" in out and "The Daily Blaze" in out


def test_cli_reports_corpus_errors_without_traceback(tmp_path, capsys):
    (tmp_path / "empty.csv").write_text("")
    assert main(["corpus", "info", str(tmp_path / "empty.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("presslens: ") and "empty" in err and "Fix:" in err
