"""The report on any corpus: notebooks rerun through papermill with failures isolated,
provenance in every CSV, a Nexis DOCX round trip of the teaching corpus giving the same
tables, and the HTML opened in headless Chromium executing no injected script."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from presslens.cli import main
from presslens.corpus.teaching import TEACHING_KEY
from presslens.report import build_report, run_notebooks

PAYLOAD_HEADLINE = "<script>document.title='INJECTED'</script>Sting outside supermarket"
PAYLOAD_OUTLET = "<img src=x onerror=\"document.title='INJECTED'\">Gazette"


def write_notebook(path, cells):
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(notebook, str(path))


@pytest.fixture(scope="module")
def small_notebooks(tmp_path_factory):
    """Three numbered notebooks: one that loads the corpus, one that fails in its second
    code cell, and one after it."""
    folder = tmp_path_factory.mktemp("notebooks")
    parameters = new_code_cell('CORPUS = None\nFORMAT = "auto"\nGROUP = "outlet_type"\nPSEUDONYMISE = True', metadata={"tags": ["parameters"]})
    write_notebook(folder / "01_first.ipynb", [new_markdown_cell("# First"), parameters,
                   new_code_cell("from presslens import open_corpus\nopened = open_corpus(CORPUS, format=FORMAT, pseudonymise=PSEUDONYMISE)\nprint(opened.note)\n"
                                 "opened.corpus[['outlet', 'headline']].head(3)")])
    write_notebook(folder / "02_fails.ipynb", [parameters, new_code_cell("x = 1"), new_code_cell("raise ValueError('planted failure')"), new_code_cell("print('never')")])
    write_notebook(folder / "03_after.ipynb", [parameters, new_code_cell("print(f'group is {GROUP}')")])
    return folder


def evil_corpus(path):
    from presslens.corpus import load_teaching

    corpus = load_teaching().head(80).drop(columns=["source_file", "source_format", "record_no"]).copy()
    corpus.loc[corpus.index[:3], "headline"] = PAYLOAD_HEADLINE
    corpus.loc[corpus.index[:5], "outlet"] = PAYLOAD_OUTLET
    corpus.loc[corpus.index[3], "text"] = corpus.loc[corpus.index[3], "text"] + "\n\n<iframe src=javascript:alert(1)></iframe>"
    corpus["published"] = corpus["published"].dt.strftime("%Y-%m-%d")
    corpus.to_json(path, orient="records", lines=True, force_ascii=False)
    return path


def test_run_notebooks_reports_a_failure_and_runs_the_rest(small_notebooks, tmp_path):
    corpus = evil_corpus(tmp_path / "evil.jsonl")
    runs = run_notebooks(small_notebooks, tmp_path / "out", {"CORPUS": str(corpus), "FORMAT": "auto", "GROUP": "outlet", "PSEUDONYMISE": True}, progress=False)
    assert runs["notebook"].tolist() == ["01_first", "02_fails", "03_after"]
    assert runs["status"].tolist() == ["ok", "failed", "ok"]
    failed = runs.set_index("notebook").loc["02_fails"]
    assert failed["failed_cell"] == 4 and failed["error"] == "ValueError: planted failure"  # the injected parameters cell counts
    assert pd.isna(runs.set_index("notebook").loc["01_first", "failed_cell"])
    for name in runs["notebook"]:
        page = (tmp_path / "out" / "notebooks" / f"{name}.html").read_text(encoding="utf-8")
        assert "Content-Security-Policy" in page and "<script" not in page.lower()
        assert "<iframe" not in page and re.search(r"<img[^>]*onerror", page) is None
    first = (tmp_path / "out" / "notebooks" / "01_first.html").read_text(encoding="utf-8")
    assert "80 articles (0 rows quarantined)" in first and "&lt;script&gt;document.title" in first
    assert "group is outlet" in (tmp_path / "out" / "notebooks" / "03_after.html").read_text(encoding="utf-8")
    assert "never" not in (tmp_path / "out" / "notebooks" / "02_fails.html").read_text(encoding="utf-8").split("planted failure")[-1].split("</pre>")[0]


def test_cli_report_with_notebooks_and_provenance(small_notebooks, tmp_path, capsys):
    corpus = evil_corpus(tmp_path / "evil.jsonl")
    assert main(["report", "--corpus", str(corpus), "--format", "auto", "--group-by", "outlet", "--out", str(tmp_path / "r"), "--notebooks", str(small_notebooks)]) == 0
    captured = capsys.readouterr()
    assert re.search(r"\[2/3\] 02_fails \.\.\. failed \(\d+ s\) in cell \[4\]: ValueError: planted failure", captured.err)
    assert re.search(r"\[3/3\] 03_after \.\.\. ok \(\d+ s\)", captured.err)
    out = tmp_path / "r"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="notebooks/01_first.html"' in index and "2 of 3 ran to the end; 1 failed" in index
    runs = pd.read_csv(out / "tables" / "notebook_runs.csv")
    assert runs["status"].tolist() == ["ok", "failed", "ok"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [n["status"] for n in manifest["notebooks"]] == ["ok", "failed", "ok"]
    # provenance: every CSV names the corpus and its checksum; per-article rows their record
    digest = manifest["corpus_sha256"]
    assert len(digest) == 64 and manifest["files_read"][0]["file"] == "evil.jsonl"
    for csv in (out / "tables").glob("*.csv"):
        table = pd.read_csv(csv)
        assert (table["corpus"] == corpus.name).all() and (table["corpus_sha256"] == digest).all(), csv.name  # never the absolute path
        if "doc_id" in table.columns and csv.name != "quarantine.csv":
            assert table["source_file"].eq("evil.jsonl").all() and table["record_no"].notna().all(), csv.name


def nexis_articles(corpus):
    """The teaching corpus as Nexis Uni records (date line, fields, paragraphs)."""
    for row in corpus.itertuples():
        date = row.published
        yield {"headline": row.headline, "outlet": row.outlet, "date": f"{date:%B} {date.day}, {date:%Y} {date:%A}",
               "byline": row.byline if isinstance(row.byline, str) and row.byline else None, "section": row.section,
               "length": f"{len(row.text.split())} words", "edition": None, "body": row.text.split("\n\n"),
               "load_date": f"{date:%B} {date.day}, {date:%Y}"}


def comparable(table: pd.DataFrame) -> pd.DataFrame:
    """A report table without what legitimately differs between the two imports: document
    ids (Nexis exports carry none, so the importer builds them from file names) and the
    provenance columns."""
    drop = [c for c in table.columns if "doc_id" in c or c in ("source_file", "record_no", "corpus", "corpus_sha256", "row")]
    return table.drop(columns=drop)


def test_teaching_corpus_through_nexis_docx_gives_the_same_report(teaching_report, tmp_path):
    from presslens.corpus import load_teaching
    from presslens.importers import read_corpus
    from presslens.importers.examples import write_nexis_docx

    original = load_teaching()
    exports = tmp_path / "exports"
    exports.mkdir()
    records = list(nexis_articles(original))
    for start in range(0, len(records), 300):
        write_nexis_docx(exports / f"nexis-{start // 300 + 1:02d}.docx", records[start:start + 300])
    outlets = original[["outlet", "outlet_type"]].drop_duplicates().sort_values("outlet")
    outlets.to_csv(tmp_path / "outlets.csv", index=False)

    imported = read_corpus(exports, "nexis")
    assert imported.report["parsed"].sum() == len(original) and len(imported.quarantine) == 0
    for column in ("headline", "outlet", "text", "section"):
        assert imported.corpus[column].tolist() == original[column].tolist(), column
    assert imported.corpus["published"].dt.date.tolist() == original["published"].dt.date.tolist()

    build_report(exports, tmp_path / "report", format="nexis", outlets=tmp_path / "outlets.csv", progress=False,
                 key=TEACHING_KEY)  # the same articles under the same key give the same pseudonyms
    out_original, _ = teaching_report
    names = sorted(p.name for p in (out_original / "one" / "tables").glob("*.csv") if p.name != "parse_report.csv")
    assert len(names) > 30
    assert names == sorted(p.name for p in (tmp_path / "report" / "tables").glob("*.csv") if p.name != "parse_report.csv")
    for name in names:
        before = comparable(pd.read_csv(out_original / "one" / "tables" / name))
        after = comparable(pd.read_csv(tmp_path / "report" / "tables" / name))
        pd.testing.assert_frame_equal(before, after, check_dtype=False, obj=name)


def chromium_binary():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def open_in_chromium(page, tmp_path):
    """Load a page in headless Chromium; returns (DOM after scripts had 3 s to run,
    console messages)."""
    profile = tmp_path / f"profile-{page.stem}"
    command = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-extensions", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
               "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line or "Content Security Policy" in line]
    return done.stdout, console


@pytest.mark.skipif(chromium_binary() is None, reason="Chromium is not installed (make test installs Debian's chromium when it can; see tools/ensure_chromium.sh)")
def test_report_in_headless_chromium_runs_no_injected_script(small_notebooks, tmp_path):
    # the harness itself: an unescaped payload on a page without protection does run
    control = tmp_path / "control.html"
    control.write_text(f"<!DOCTYPE html><html><head><title>clean</title></head><body>{PAYLOAD_HEADLINE}"
                       "<script>console.error('presslens-probe')</script></body></html>", encoding="utf-8")
    dom, console = open_in_chromium(control, tmp_path)
    assert "<title>INJECTED</title>" in dom, "the Chromium harness cannot see script execution"
    assert any("presslens-probe" in line for line in console), "the Chromium harness cannot see console messages"

    corpus = evil_corpus(tmp_path / "evil.jsonl")
    build_report(corpus, tmp_path / "r", group="outlet", notebooks=small_notebooks, progress=False)
    pages = [tmp_path / "r" / "index.html", *sorted((tmp_path / "r" / "notebooks").glob("*.html"))]
    assert len(pages) == 4
    for page in pages:
        dom, console = open_in_chromium(page, tmp_path)
        assert "INJECTED" not in re.findall(r"<title>(.*?)</title>", dom, flags=re.S)[0], page.name
        assert "<img src=\"x\" onerror" not in dom and "<iframe" not in dom
        assert console == [], f"{page.name}: {console}"
        if page.name in ("index.html", "01_first.html"):
            assert "&lt;img src=x onerror=" in dom, page.name  # the outlet name is shown, as text
