"""Figures: labels must not overlap each other or the legend (issue 14).

The check measures the rendered bounding boxes of every label with
:func:`presslens.plots.text_overlaps`; the cases are crowded on purpose (many terms of
similar frequency and z-score, clusters whose centres lie close together, several
mentions of a statistic on the same day), which is where labels used to collide.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from presslens import plots


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_text_overlaps_detects_overlap_and_its_absence():
    _, ax = plt.subplots()
    ax.text(0.5, 0.5, "police")
    ax.text(0.5, 0.5, "vigilantes")
    assert plots.text_overlaps(ax) == [("police", "vigilantes")]
    _, ax = plt.subplots()
    ax.text(0.1, 0.1, "police")
    ax.text(0.8, 0.8, "vigilantes")
    assert plots.text_overlaps(ax) == []


def test_fightin_words_labels_do_not_overlap():
    rng = np.random.default_rng(0)
    n = 400
    n_a = rng.integers(5, 60, n)
    n_b = rng.integers(5, 60, n)
    z = np.concatenate([rng.normal(3.0, 0.3, 20), rng.normal(-3.0, 0.3, 20), rng.normal(0, 1, n - 40)])
    table = pd.DataFrame({"term": [f"term{i}" for i in range(n)], "n_a": n_a, "n_b": n_b, "z": z})
    ax = plots.plot_fightin_words(table, label=12, group_a="tabloid", group_b="broadsheet")
    assert len(ax.texts) == 24
    assert plots.text_overlaps(ax) == []


def test_article_map_labels_do_not_overlap():
    rng = np.random.default_rng(1)
    centres = rng.normal(0, 0.2, (10, 5))  # ten clusters whose centres lie close together
    vectors = np.vstack([c + rng.normal(0, 0.5, (60, 5)) for c in centres])
    labels = np.repeat(np.arange(10), 60)
    names = {i: f"cluster {i}: police, court, charity" for i in range(10)}
    ax = plots.plot_article_map(vectors, labels, names=names)
    assert len(ax.texts) == 10
    assert plots.text_overlaps(ax) == []


def test_claim_trail_labels_do_not_overlap():
    days = pd.to_datetime(["2021-03-01"] * 4 + ["2021-03-02"] * 3 + ["2021-04-10"] * 2, utc=True)
    trail = pd.DataFrame({
        "published": days,
        "outlet": ["Daily Post", "Daily Post", "Evening Star", "Northern Echo", "Daily Post", "Evening Star", "Wire", "Wire", "Daily Post"],
        "value_text": ["1,234", "1,200", "1,234", "more than 1,000", "1,234", "1.2k", "1,234", "1,234", "about 1,200"],
        "mutation": ["none", "rounded", "none", "rounded", "none", "rounded", "none", "none", "rounded"],
    })
    ax = plots.plot_claim_trail(trail)
    assert len(ax.texts) == len(trail)
    assert plots.text_overlaps(ax) == []


def test_correspondence_labels_do_not_overlap():
    rows = pd.DataFrame({"dim_1": [0.01, 0.02, 0.015, -0.5], "dim_2": [0.0, 0.01, -0.01, 0.3]},
                        index=["Daily Post", "Evening Star", "Northern Echo", "The Herald"])
    columns = pd.DataFrame({"dim_1": [0.0, 0.03, -0.4], "dim_2": [0.02, 0.0, 0.3]},
                           index=["sting coverage", "court reports", "policy"])
    inertia = pd.DataFrame({"share": [0.7, 0.2]})
    ax = plots.plot_correspondence({"rows": rows, "columns": columns, "inertia": inertia})
    assert len(ax.texts) == 7
    assert plots.text_overlaps(ax) == []


def test_report_figures_have_no_overlapping_labels(teaching_report):
    """Every figure of the teaching report, measured as it was saved (manifest.json)."""
    import json

    out, _ = teaching_report
    manifest = json.loads((out / "one" / "manifest.json").read_text())
    overlaps = manifest["figure_label_overlaps"]
    assert set(overlaps) == set(manifest["figures"])
    assert {"figures/fightin_words.png", "figures/article_map.png", "figures/claim_trail.png"} <= set(overlaps)
    assert {name: n for name, n in overlaps.items() if n} == {}
