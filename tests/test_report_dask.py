"""``presslens report --engine dask``: the report's heavy analyses through presslens.scale."""

from __future__ import annotations

import json
import logging

import pandas as pd
import pytest

from presslens import compare, open_corpus, reuse
from presslens.cli import build_parser, main
from presslens.corpus import describe, teaching_path
from presslens.report import PandasAnalyses, ReportContext, analyses_engine

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_report(tmp_path_factory):
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                                       memory_limit="2GiB", silence_logs=logging.CRITICAL)
    out = tmp_path_factory.mktemp("report-dask") / "dask"
    try:
        status = main(["report", "--corpus", str(teaching_path()), "--out", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address,
                       "--notebooks", "none"])
    finally:
        cluster.close()
    assert status == 0
    opened = open_corpus(teaching_path())  # pseudonymised, as the report's sections see it
    context = ReportContext(opened.corpus, opened.quarantine, str(teaching_path()))
    return out, context


def test_the_report_says_which_engine_ran(dask_report):
    out, _ = dask_report
    html = (out / "index.html").read_text()
    assert "Engine: Dask (presslens.scale, 2 workers)" in html
    assert json.loads((out / "manifest.json").read_text())["engine"] == "dask"


def test_dask_report_tables_match_the_pandas_analyses(dask_report):
    out, context = dask_report
    tables = out / "tables"
    by_outlet = pd.read_csv(tables / "articles_by_outlet.csv")
    expected = describe(context.corpus)["by_outlet"]
    assert by_outlet["articles"].tolist() == expected["articles"].tolist()
    assert by_outlet["median_words"].tolist() == expected["median_words"].tolist()
    cleaned = context.cleaned()
    keys = compare.keyness(cleaned, "tabloid", "broadsheet", group="outlet_type")
    over = pd.read_csv(tables / "keyness_over.csv")
    assert over["term"].tolist() == keys[keys["sign"] == "+"].head(30)["term"].tolist()
    assert over["n_tabloid"].tolist() == keys[keys["sign"] == "+"].head(30)["n_target"].tolist()
    pairs = reuse.near_duplicates(cleaned)
    html = (out / "index.html").read_text()
    assert f"{len(pairs):,} pairs of articles" in html
    between = pd.read_csv(tables / "reuse_between_outlets.csv")
    ordered = reuse.reuse_pairs(cleaned, pairs)
    assert between["pairs"].sum() == int((~ordered["same_outlet"]).sum())
    clusters = pd.read_csv(tables / "clusters.csv")
    assert clusters["articles"].sum() == len(cleaned)
    monthly = pd.read_csv(tables / "volume_by_month.csv")
    assert set(monthly["query"]) == set(clusters["name"])
    assert monthly.groupby("query")["matching"].sum().sum() == len(cleaned)


def test_engine_flags():
    args = build_parser().parse_args(["report", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786"])
    assert (args.engine, args.scheduler) == ("dask", "tcp://127.0.0.1:8786")
    assert build_parser().parse_args(["report"]).engine == "pandas"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["report", "--engine", "spark"])
    with pytest.raises(ValueError, match="needs engine='dask'"):
        analyses_engine("pandas", "tcp://127.0.0.1:8786")
    assert isinstance(analyses_engine("pandas"), PandasAnalyses)
