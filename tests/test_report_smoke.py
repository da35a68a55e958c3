"""Smoke suite: the report (and notebooks through its runner) on FICTIONAL corpora built to
look like real exports: no ``outlet_type``, one outlet, one year, a few dozen articles, US
house style (month/day dates, datelines), no duplicates, no quotes, and a corpus whose rows
are all unusable.  Every section either runs or says in the report why it was skipped."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pandas as pd
import pytest

from presslens.cli import main

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# fictional places, people and bodies; sentences are assembled from parts so that no two
# articles share a run of five words often enough to be near duplicates
PLACES = ["Marlow County", "Port Ansel", "Lake Verity", "Bramford", "East Hollis", "Cedar Falls Township", "North Quarry", "Ridgemont"]
OFFICIALS = ["Sheriff Dana Whitcomb", "State Attorney General Ruth Okafor", "Mayor Len Abernathy", "Police Chief Mara Ostrowski",
             "Senator Paul Ketteridge", "Governor Alma Ruiz-Tate", "District Attorney Simon Vale", "Detective Lt. Rosa Imbert"]
BODIES = ["the county task force", "the state police", "a citizens' watch group", "the school board", "the city council", "a children's charity"]
VERBS = ["announced", "defended", "questioned", "expanded", "reviewed", "postponed", "funded", "criticized", "praised", "outlined"]
OBJECTS = ["a new online safety program", "the budget for investigators", "a pilot scheme for schools", "the sting operations of volunteers",
           "a hotline for parents", "training for patrol officers", "the backlog of digital evidence", "guidance for social media companies"]
TAILS = ["after months of debate", "at a news conference on Tuesday", "in a statement late Friday", "during a packed public meeting",
         "amid questions about cost", "ahead of the legislative session", "following complaints from residents", "as the summer recess began"]
NUMBERS = ["The program will cost about ${n} million over {y} years, officials said.", "Reports to the hotline rose {n} percent last year, according to the department.",
           "Officials said {n} cases were referred to prosecutors in {y} months.", "The task force has {n} investigators, up from {y} two years ago."]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(OFFICIALS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {rng.choice(PLACES)} {rng.choice(TAILS)}."


def us_article(rng: random.Random, i: int, *, quotes: bool, numbers: bool) -> str:
    place = rng.choice(PLACES).upper()
    body = [f"{place} — {sentence(rng)}"] + [sentence(rng) for _ in range(rng.randint(7, 11))]
    body.insert(3, f"Members of {rng.choice(BODIES)} met {rng.randint(2, 40)} times this year, and article {i} of the series followed them.")
    if numbers:
        body.append(rng.choice(NUMBERS).format(n=rng.randint(3, 90), y=rng.randint(2, 9)))
    if quotes:
        body.append(f"\"We owe families a clear answer,\" {rng.choice(OFFICIALS)} said.")
    return " ".join(body)


def us_export(n: int, *, outlets=("The Marlow Ledger",), year: int = 2019, quotes: bool = False, numbers: bool = False, seed: int = 0) -> pd.DataFrame:
    """A fictional CSV export in US house style: month/day/year dates, datelines, no
    outlet_type, ids as strings."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        rows.append({"doc_id": f"ML-{year}-{i:04d}", "outlet": outlets[i % len(outlets)], "published": f"{month:02d}/{day:02d}/{year}",
                     "headline": f"{rng.choice(OFFICIALS).split()[-1]} {rng.choice(VERBS)} {rng.choice(OBJECTS).split(' ', 1)[1]}",
                     "text": us_article(rng, i, quotes=quotes, numbers=numbers)})
    return pd.DataFrame(rows)


def run_report(tmp_path: Path, frame: pd.DataFrame, *extra: str) -> tuple[int, Path]:
    corpus = tmp_path / "export.csv"
    frame.to_csv(corpus, index=False)
    out = tmp_path / "report"
    code = main(["report", "--corpus", str(corpus), "--out", str(out), "--no-dayfirst", "--notebooks", "none", *extra])
    return code, out


def section_texts(out: Path) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


THIN = {  # the thin-corpus matrix of 30 articles
    "one outlet, one year, no quotes": dict(outlets=("The Marlow Ledger",)),
    "three outlets, quotes and figures": dict(outlets=("The Marlow Ledger", "Port Ansel Courier", "Ridgemont Daily Star"), quotes=True, numbers=True),
}


@pytest.mark.parametrize("case", sorted(THIN))
def test_thin_corpora_say_why_each_section_is_skipped(case, tmp_path):
    code, out = run_report(tmp_path, us_export(30, **THIN[case]))
    assert code == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rows_kept"] == 30 and manifest["rows_quarantined"] == 0
    page = section_texts(out)
    for what in ("clustering", "comparisons", "a time series", "frames", "source profiles", "reuse detection", "claims"):
        assert f"Too few articles for {what} (at least 60 are needed)." in page


def test_sixty_articles_one_outlet_no_duplicates_runs_every_section(tmp_path):
    """60 articles, one outlet, one year, no outlet_type, no near duplicates (the reuse
    section used to crash on an empty pair table), no quotes."""
    code, out = run_report(tmp_path, us_export(60, numbers=True, seed=1))
    assert code == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rows_kept"] == 60 and manifest["group_by"] == "outlet_type"
    clusters = pd.read_csv(out / "tables" / "clusters.csv")
    assert {"top_group", "group_share", "group_lift"} <= set(clusters.columns)
    assert set(clusters["top_group"]) == {"The Marlow Ledger"}  # grouped by outlet: the corpus has no outlet_type
    assert "Only one value of outlet: nothing to compare." in section_texts(out)
    dedup = pd.read_csv(out / "tables" / "deduplication.csv")
    assert dedup[["articles", "after_deduplication", "removed"]].values.tolist() == [[60, 60, 0]]


def test_no_outlet_type_with_group_by_outlet_compares_outlets(tmp_path):
    frame = us_export(64, outlets=("The Marlow Ledger", "Port Ansel Courier"), quotes=True, seed=2)
    code, out = run_report(tmp_path, frame, "--group-by", "outlet")
    assert code == 0
    assert (out / "tables" / "fightin_words.csv").exists()
    by_group = pd.read_csv(out / "tables" / "clusters_by_group.csv")
    assert {"The Marlow Ledger", "Port Ansel Courier"} <= set(by_group.columns)


def test_all_rows_unusable_says_so(tmp_path):
    frame = us_export(5).assign(published="not a date")
    code, out = run_report(tmp_path, frame)
    assert code == 0
    assert "No usable articles: all 5 rows read were quarantined on loading" in section_texts(out)
    assert json.loads((out / "manifest.json").read_text())["rows_kept"] == 0


def test_notebooks_on_a_forty_article_export_with_an_outlets_file(tmp_path):
    """Notebooks 01 and 06 through the report runner on 40 articles of one year, with the
    outlets file passed on to them (OUTLETS)."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("01_corpus_tour.ipynb", "06_coverage_over_time.ipynb"):
        shutil.copy(NOTEBOOKS / name, folder / name)
    outlets = tmp_path / "outlets.csv"
    pd.DataFrame({"outlet": ["The Marlow Ledger", "Port Ansel Courier"], "outlet_type": ["daily", "weekly"]}).to_csv(outlets, index=False)
    frame = us_export(40, outlets=("The Marlow Ledger", "Port Ansel Courier"), numbers=True, seed=3)
    corpus = tmp_path / "export.csv"
    frame.to_csv(corpus, index=False)
    out = tmp_path / "report"
    code = main(["report", "--corpus", str(corpus), "--out", str(out), "--no-dayfirst", "--outlets", str(outlets), "--notebooks", str(folder)])
    assert code == 0
    runs = pd.read_csv(out / "tables" / "notebook_runs.csv")
    assert runs["status"].tolist() == ["ok", "ok"], runs[["notebook", "error"]].to_dict("records")
    executed = (out / "notebooks" / "01_corpus_tour.ipynb").read_text(encoding="utf-8")
    assert "outlets.csv" in executed  # the parameter reached the notebook


def test_every_notebook_on_a_thin_us_export(tmp_path):
    """The thin-corpus matrix for the notebooks (issues 15, 19): all twelve through the
    report runner on 40 articles of one outlet in one year, without ``outlet_type``, in US
    house style, with quotes and figures.  Every notebook must run to its end; a cell that
    has nothing to say on such a corpus says so in a sentence."""
    frame = us_export(40, quotes=True, numbers=True, seed=5)
    corpus = tmp_path / "export.csv"
    frame.to_csv(corpus, index=False)
    out = tmp_path / "report"
    code = main(["report", "--corpus", str(corpus), "--out", str(out), "--no-dayfirst", "--notebooks", str(NOTEBOOKS)])
    assert code == 0
    runs = pd.read_csv(out / "tables" / "notebook_runs.csv", keep_default_na=False)
    assert len(runs) == 12
    failed = runs[runs["status"] != "ok"]
    assert failed.empty, failed[["notebook", "failed_cell", "error"]].to_dict("records")
