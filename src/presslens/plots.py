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


def _spread_labels(ax, texts, x=None, y=None) -> None:
    """Move overlapping labels apart (adjustText), drawing a thin line from a moved label to
    its point.  Deterministic: no time limit, a fixed number of iterations."""
    if len(texts) < 2:
        return
    from adjustText import adjust_text

    ax.figure.canvas.draw()  # text extents need a renderer
    adjust_text(texts, x=x, y=y, ax=ax, iter_lim=500, expand=(1.15, 1.4), ensure_inside_axes=True,
                arrowprops={"arrowstyle": "-", "color": "#888888", "linewidth": 0.4})
    # adjustText can leave a pair touching in a crowded corner: step the later label of each
    # such pair away (down when it sits lower, else up) by its own height until none touch
    renderer = ax.figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    for _ in range(40):
        boxes = [t.get_window_extent(renderer) for t in texts]
        moved = False
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if boxes[i].overlaps(boxes[j]):
                    step = boxes[j].height * 1.1 * (-1 if boxes[j].y0 < boxes[i].y0 else 1)
                    px, py = ax.transData.transform(texts[j].get_position())
                    texts[j].set_position(to_data.transform((px, py + step)))
                    boxes[j] = texts[j].get_window_extent(renderer)
                    moved = True
        if not moved:
            break
    # what still touches after that (a crowded corner): the later, less important label of each
    # pair is left out rather than printed over another
    boxes = [t.get_window_extent(renderer) for t in texts]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if texts[i].get_visible() and texts[j].get_visible() and boxes[i].overlaps(boxes[j]):
                texts[j].set_visible(False)


def text_overlaps(figure) -> list[tuple[str, str]]:
    """Pairs of labels that overlap in a figure: the texts drawn inside each axes
    (annotations, cluster and point labels) against each other and against the legend.

    The report records the count for each figure in its manifest; a test keeps it at zero.

    Parameters
    ----------
    figure : matplotlib Figure or Axes

    Returns
    -------
    list of (str, str)
        The overlapping labels, as pairs of their texts.

    Example
    -------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> _, ax = plt.subplots()
    >>> _ = ax.text(0.5, 0.5, "police"), ax.text(0.5, 0.5, "vigilantes"), ax.text(0.1, 0.9, "charity")
    >>> text_overlaps(ax)
    [('police', 'vigilantes')]
    >>> plt.close("all")
    """
    figure = getattr(figure, "figure", figure)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    pairs = []
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts if t.get_visible() and t.get_text().strip()]
        legend = ax.get_legend()
        if legend is not None:
            boxes.append(("<legend>", legend.get_window_extent(renderer)))
        for i, (name_a, box_a) in enumerate(boxes):
            for name_b, box_b in boxes[i + 1 :]:
                if box_a.overlaps(box_b) and not (name_a == "<legend>" and name_b == "<legend>"):
                    pairs.append((name_a, name_b))
    return pairs


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
    from presslens.corpus.describe import word_counts

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


def plot_choose_k(table: pd.DataFrame, ax=None, recommended: int | None = None, title="Choosing the number of clusters"):
    """Four panels from :func:`presslens.cluster.choose_k`: silhouette, Calinski-Harabasz,
    Davies-Bouldin and stability against k.  Returns the first Axes; ``ax`` may be a
    sequence of four Axes."""
    if ax is None:
        _, axes = plt.subplots(2, 2, figsize=(8, 5.5), layout="constrained", sharex=True)
        axes = axes.ravel()
    else:
        axes = list(ax)
    panels = (("silhouette", "Silhouette (higher is better)"), ("calinski_harabasz", "Calinski-Harabasz (higher is better)"),
              ("davies_bouldin", "Davies-Bouldin (lower is better)"), ("stability", "Stability: mean ARI of bootstraps"))
    for axis, (column, label) in zip(axes, panels, strict=True):
        axis.plot(table["k"], table[column], marker="o", color="#1f77b4")
        if recommended is not None:
            axis.axvline(recommended, color="#d62728", linestyle="--", linewidth=1)
        axis.set_title(label, fontsize="medium")
        axis.set_xlabel("Number of clusters k")
    axes[0].figure.suptitle(title + (f" (dashed line: k = {recommended})" if recommended is not None else ""))
    return axes[0]


def plot_article_map(vectors, labels, ax=None, names: dict | None = None, title="Articles in two dimensions, coloured by cluster", random_state: int = 0):
    """Articles projected to two dimensions (PCA of the document vectors), coloured by cluster,
    each cluster labelled at its centre.  Distances in the projection are approximate."""
    import numpy as np
    from sklearn.decomposition import PCA

    ax = _axes(ax, figsize=(7, 6))
    points = PCA(n_components=2, random_state=random_state).fit_transform(np.asarray(vectors))
    labels = np.asarray(labels)
    cmap = plt.get_cmap("tab20")
    texts = []
    for i, c in enumerate(sorted(set(labels))):
        member = labels == c
        colour = "#bbbbbb" if c == -1 else cmap(i % 20)
        ax.scatter(points[member, 0], points[member, 1], s=8, alpha=0.6, color=colour, label=str(c))
        if c != -1:
            cx, cy = points[member].mean(axis=0)
            text = (names or {}).get(c, str(c))
            texts.append(ax.text(cx, cy, text, fontsize="small", weight="bold", ha="center", va="center",
                                 bbox={"boxstyle": "round", "fc": "white", "alpha": 0.8}))
    _spread_labels(ax, texts)
    ax.set_xlabel("First principal component")
    ax.set_ylabel("Second principal component")
    ax.set_title(title)
    return ax


def plot_heatmap(table: pd.DataFrame, ax=None, title="", xlabel="", ylabel="", fmt="{:.2f}", cmap="Blues"):
    """A labelled heat map of a small table (rows by columns), values written in the cells."""
    import numpy as np

    ax = _axes(ax, figsize=(1.0 + 0.9 * table.shape[1], 1.0 + 0.45 * table.shape[0]))
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=35, ha="right")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    high = np.nanmax(values) if values.size else 0
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(j, i, fmt.format(values[i, j]), ha="center", va="center", fontsize="x-small", color="white" if values[i, j] > 0.6 * high else "black")
    ax.figure.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def plot_dendrogram(linkage, ax=None, truncate: int = 30, title="Agglomerative clustering (Ward linkage)"):
    """The top of a hierarchical clustering tree (scipy dendrogram, ``truncate`` leaves)."""
    from scipy.cluster.hierarchy import dendrogram

    ax = _axes(ax, figsize=(8, 4))
    dendrogram(linkage, p=truncate, truncate_mode="lastp", ax=ax, color_threshold=None, leaf_rotation=90, leaf_font_size=8)
    ax.set_xlabel("Clusters of articles (size in brackets)")
    ax.set_ylabel("Ward distance at merge")
    ax.set_title(title)
    return ax


def plot_topic_words(top_words: pd.DataFrame, ax=None, top_n: int = 8, title="Top words of each topic"):
    """Horizontal bars of each topic's top words by weight, one small panel per topic."""
    topics = sorted(top_words["topic"].unique())
    columns = 4
    rows = -(-len(topics) // columns)
    if ax is None:
        _, axes = plt.subplots(rows, columns, figsize=(11, 2.3 * rows), layout="constrained")
        axes = list(axes.ravel()) if hasattr(axes, "ravel") else [axes]
    else:
        axes = list(ax)
    for axis, topic in zip(axes, topics, strict=False):
        words = top_words[top_words["topic"] == topic].sort_values("rank").head(top_n)[::-1]
        axis.barh(words["term"], words["weight"], color="#1f77b4")
        axis.set_title(f"Topic {topic}", fontsize="medium")
        axis.tick_params(axis="x", labelsize="x-small")
    for axis in axes[len(topics):]:
        axis.set_visible(False)
    axes[0].figure.suptitle(title)
    return axes[0]


def plot_prevalence_over_time(table: pd.DataFrame, ax=None, categories=None, label_column: str = "category", title="Prevalence over time", ylabel="Mean share of articles", columns: int = 4):
    """A category's share by period with shaded bootstrap intervals, one small panel per
    category (a :func:`presslens.compare.prevalence` table grouped by year or period).
    Panels share the y axis so shares can be compared.  Returns the first Axes; ``ax``
    may be a sequence of Axes, one per category."""
    chosen = categories if categories is not None else list(dict.fromkeys(table[label_column]))
    rows = -(-len(chosen) // columns)
    if ax is None:
        _, axes = plt.subplots(rows, columns, figsize=(2.8 * columns, 2.1 * rows + 0.6), layout="constrained", sharex=True, sharey=True, squeeze=False)
        axes = list(axes.ravel())
    else:
        axes = list(ax) if not hasattr(ax, "plot") else [ax]
    periods = sorted(table["group"].unique())
    positions = {p: i for i, p in enumerate(periods)}
    for axis, name in zip(axes, chosen, strict=False):
        part = table[table[label_column] == name].sort_values("group")
        x = [positions[g] for g in part["group"]]
        axis.plot(x, part["share"], marker="o", markersize=2.5, color="#1f77b4")
        axis.fill_between(x, part["lower"], part["upper"], color="#1f77b4", alpha=0.2)
        axis.set_title(str(name), fontsize="small")
        step = max(1, len(periods) // 4)
        axis.set_xticks(range(0, len(periods), step), [str(p) for p in periods[::step]], fontsize="x-small", rotation=45)
        axis.tick_params(axis="y", labelsize="x-small")
    for axis in axes[len(chosen):]:
        axis.set_visible(False)
    axes[0].figure.suptitle(f"{title} (shaded: 95% bootstrap interval)")
    axes[0].figure.supylabel(ylabel, fontsize="small")
    return axes[0]


def plot_fightin_words(table: pd.DataFrame, ax=None, label: int = 12, title="Fightin' Words", group_a: str = "A", group_b: str = "B"):
    """Monroe et al.'s figure: z-score against log total frequency, the strongest terms of
    each side labelled (a :func:`presslens.compare.fightin_words` table for two groups)."""
    import numpy as np

    ax = _axes(ax, figsize=(8, 5.5))
    frequency = np.log10(table["n_a"] + table["n_b"])
    z = table["z"]
    strong = z.abs() >= 1.96
    ax.scatter(frequency[~strong], z[~strong], s=5, color="#bbbbbb", alpha=0.6, label="|z| < 1.96")
    ax.scatter(frequency[strong & (z > 0)], z[strong & (z > 0)], s=8, color="#d62728", label=f"typical of {group_a}")
    ax.scatter(frequency[strong & (z < 0)], z[strong & (z < 0)], s=8, color="#1f77b4", label=f"typical of {group_b}")
    ax.axhline(0, color="black", linewidth=0.5)
    ax.set_xlabel("Frequency of the word in both groups (log10 count)")
    ax.set_ylabel("z-score of the log-odds ratio (informative Dirichlet prior)")
    ax.set_title(title)
    # the legend goes below the axes so that it never covers a labelled word
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=3, frameon=False)
    texts = []
    for part in (table.nlargest(label, "z"), table.nsmallest(label, "z")):
        for row in part.itertuples():
            texts.append(ax.text(np.log10(row.n_a + row.n_b), row.z, row.term, fontsize="x-small"))
    _spread_labels(ax, texts, x=frequency.to_numpy(), y=z.to_numpy())
    return ax


def plot_keyness(table: pd.DataFrame, ax=None, measure: str = "g2", n: int = 15, title="Keywords", target: str = "target", reference: str = "reference"):
    """Bars of the top ``n`` overused and underused terms of a keyness table."""
    ax = _axes(ax, figsize=(7, 0.28 * 2 * n + 1))
    over = table[table["sign"] == "+"].head(n)
    under = table[table["sign"] == "-"].head(n)
    values = list(-under[measure].abs())[::-1] + list(over[measure].abs())[::-1]
    labels = list(under["term"])[::-1] + list(over["term"])[::-1]
    colours = ["#1f77b4"] * len(under) + ["#d62728"] * len(over)
    ax.barh(range(len(values)), values, color=colours)
    ax.set_yticks(range(len(values)), labels, fontsize="small")
    ax.axvline(0, color="black", linewidth=0.5)
    ax.set_xlabel(f"{measure} (right: more frequent in {target}; left: more frequent in {reference})")
    ax.set_title(title)
    return ax


def plot_correspondence(result: dict, ax=None, title="Correspondence analysis", row_label: str = "rows", column_label: str = "columns"):
    """Symmetric biplot of a :func:`presslens.compare.correspondence` result: rows and
    columns in principal coordinates on the first two dimensions."""
    ax = _axes(ax, figsize=(7.5, 6))
    rows, columns, inertia = result["rows"], result["columns"], result["inertia"]
    ax.scatter(rows["dim_1"], rows["dim_2"], color="#d62728", marker="o", label=row_label)
    ax.scatter(columns["dim_1"], columns["dim_2"], color="#1f77b4", marker="^", label=column_label)
    texts = [ax.text(row["dim_1"], row["dim_2"], str(name), fontsize="small", color="#d62728") for name, row in rows.iterrows()]
    texts += [ax.text(row["dim_1"], row["dim_2"], str(name), fontsize="small", color="#1f77b4") for name, row in columns.iterrows()]
    ax.axhline(0, color="#999999", linewidth=0.5)
    ax.axvline(0, color="#999999", linewidth=0.5)
    share = inertia["share"].to_numpy()
    ax.set_xlabel(f"Dimension 1 ({share[0]:.0%} of inertia)")
    ax.set_ylabel(f"Dimension 2 ({share[1]:.0%} of inertia)" if len(share) > 1 else "Dimension 2")
    ax.set_title(title)
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=2, frameon=False)
    _spread_labels(ax, texts, x=list(rows["dim_1"]) + list(columns["dim_1"]), y=list(rows["dim_2"]) + list(columns["dim_2"]))
    return ax


def plot_volume(table: pd.DataFrame, ax=None, value: str = "matching", title="Articles per period", bursts: pd.DataFrame | None = None):
    """Lines of a :func:`presslens.timeline.volume` table (one per group and query);
    ``value="share"`` plots the normalised series.  Bursts, if given, are shaded."""
    ax = _axes(ax, figsize=(9, 4))
    for (group, query), part in table.groupby(["group", "query"], sort=True):
        label = group if table["query"].nunique() == 1 else f"{group}: {query}"
        ax.plot(part["period"], part[value], linewidth=1, label=label)
    if bursts is not None:
        for row in bursts.itertuples():
            ax.axvspan(row.start, row.end, color="#ff7f0e", alpha=0.15 + 0.1 * (row.level - 1))
    ax.set_xlabel("Period")
    ax.set_ylabel("Matching articles" if value == "matching" else "Share of articles" if value == "share" else value)
    ax.set_title(title)
    if table["group"].nunique() * table["query"].nunique() > 1:
        ax.legend(fontsize="x-small", ncols=2)
    return ax


def plot_claim_trail(trail: pd.DataFrame, ax=None, title="One statistic travelling between outlets"):
    """Each mention of one statistic by date and outlet, marked by how it differs from the
    first mention (a slice of :func:`presslens.claims.track_claims` joined to outlets)."""
    ax = _axes(ax, figsize=(9, 0.4 * trail["outlet"].nunique() + 2))
    markers = {"none": "o", "rounded": "s", "value_changed": "X", "year_changed": "D", "source_changed": "^", "unattributed": "v"}
    colours = {"none": "#2ca02c", "rounded": "#1f77b4", "value_changed": "#d62728", "year_changed": "#9467bd", "source_changed": "#ff7f0e", "unattributed": "#7f7f7f"}
    outlets = sorted(trail["outlet"].unique())
    position = {o: i for i, o in enumerate(outlets)}
    for mutation, part in trail.groupby("mutation"):
        ax.scatter(part["published"], part["outlet"].map(position), marker=markers.get(mutation, "o"), color=colours.get(mutation, "black"), s=45, label=mutation.replace("_", " "))
    ax.set_yticks(range(len(outlets)), outlets, fontsize="small")
    ax.set_xlabel("Date of publication")
    ax.set_title(title)
    # the legend sits outside the axes, to the right, so that it never covers a label
    ax.legend(fontsize="x-small", title="compared with the first mention", title_fontsize="x-small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_ylim(-0.6, len(outlets) - 0.4)
    import matplotlib.dates as mdates

    x = mdates.date2num(pd.to_datetime(trail["published"]).dt.tz_localize(None) if getattr(trail["published"].dt, "tz", None) else trail["published"])
    texts = [ax.text(xi, position[o], str(v), fontsize="x-small") for xi, o, v in zip(x, trail["outlet"], trail["value_text"], strict=True)]
    _spread_labels(ax, texts, x=list(x), y=[position[o] for o in trail["outlet"]])
    return ax
