"""Every presslens figure.

Each ``plot_*`` function takes a result table, draws on ``ax`` (a new figure when
``None``) and returns the Axes.  None calls ``plt.show()``; notebooks display the
figure, the report saves it.  Axes carry labels and titles that a reader understands
without the code.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

OUTLET_TYPE_ORDER = ["tabloid", "mid-market", "broadsheet", "broadcaster", "regional", "wire", "online", "unknown"]
OUTLET_TYPE_COLOURS = {
    "tabloid": "#d62728",
    "mid-market": "#ff7f0e",
    "broadsheet": "#1f77b4",
    "broadcaster": "#9467bd",
    "regional": "#2ca02c",
    "wire": "#7f7f7f",
    "online": "#17becf",
    "unknown": "#bcbd22",
}


def _axes(ax, figsize=(7, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _type_order(columns) -> list[str]:
    known = [c for c in OUTLET_TYPE_ORDER if c in columns]
    return known + sorted(c for c in columns if c not in known)


def plot_articles_by_year(by_year: pd.DataFrame, ax=None, title="Articles per year by outlet type"):
    """Stacked bars of articles per year, one colour per outlet type (``describe()['by_year']``)."""
    ax = _axes(ax)
    types = _type_order([c for c in by_year.columns if c not in ("year", "all")])
    bottom = pd.Series(0, index=by_year.index, dtype=float)
    for outlet_type in types:
        ax.bar(by_year["year"].astype(str), by_year[outlet_type], bottom=bottom, label=outlet_type, color=OUTLET_TYPE_COLOURS.get(outlet_type))
        bottom = bottom + by_year[outlet_type]
    ax.set_xlabel("Year of publication")
    ax.set_ylabel("Articles")
    ax.set_title(title)
    ax.legend(title="Outlet type", fontsize="small", ncols=2)
    ax.tick_params(axis="x", rotation=45)
    return ax


def plot_articles_by_outlet(by_outlet: pd.DataFrame, ax=None, title="Articles per outlet"):
    """Horizontal bars of articles per outlet, coloured by outlet type (``describe()['by_outlet']``)."""
    ax = _axes(ax, figsize=(7, 0.35 * len(by_outlet) + 1.2))
    table = by_outlet.sort_values(["articles", "outlet"], ascending=[True, False])
    colours = [OUTLET_TYPE_COLOURS.get(t, "#333333") for t in table["outlet_type"]]
    ax.barh(table["outlet"], table["articles"], color=colours)
    ax.set_xlabel("Articles")
    ax.set_ylabel("Outlet")
    ax.set_title(title)
    handles = [plt.Rectangle((0, 0), 1, 1, color=OUTLET_TYPE_COLOURS.get(t, "#333333")) for t in _type_order(table["outlet_type"].unique())]
    ax.legend(handles, _type_order(table["outlet_type"].unique()), title="Outlet type", fontsize="small", loc="lower right")
    return ax


def plot_article_lengths(corpus: pd.DataFrame, ax=None, group="outlet_type", title="Article length by outlet type"):
    """Box plots of article length in words for each group (outlet type by default)."""
    from presslens.corpus import word_counts

    ax = _axes(ax)
    frame = pd.DataFrame({"group": corpus[group] if group in corpus else "unknown", "words": word_counts(corpus["text"])})
    order = _type_order(frame["group"].unique()) if group == "outlet_type" else sorted(frame["group"].unique())
    data = [frame.loc[frame["group"] == g, "words"].to_numpy() for g in order]
    ax.boxplot(data, tick_labels=order, showfliers=False)
    ax.set_xlabel(group.replace("_", " ").capitalize())
    ax.set_ylabel("Words per article")
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=30)
    return ax
