"""Reductions: counts computed per partition and summed, then the pandas path's statistics.

Each function here splits an analysis of :mod:`presslens.compare`,
:mod:`presslens.timeline` or :mod:`presslens.corpus` at the point where it has counted:
the counting runs on every partition with the pandas path's own code (the same analyzer,
the same :func:`presslens.timeline.volume_counts`), the counts are added up in a tree
(a partition's counts never wait for the whole corpus), and the statistics are computed
once from the totals by the pandas path's functions (:func:`presslens.compare.keyness_from_counts`,
:func:`presslens.compare.fightin_words_from_counts`,
:func:`presslens.timeline.volume_from_counts`).  Counts add up exactly, so on a corpus
that fits in memory the tables are identical to the pandas path's.

``prevalence`` bootstraps over articles as :func:`presslens.compare.prevalence` does when
the table of labels is small enough to collect (two short columns per article, up to
``exact_limit`` rows); beyond that it draws the bootstrap counts from the multinomial
distribution they follow (resampling ``n`` articles of a group with replacement gives
category counts ``Multinomial(n, p̂)``; Efron & Tibshirani 1993, ch. 6), which needs only
the counts: the same distribution, different random draws.

References: Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
Chapman & Hall. Rocklin, M. (2015). Dask: Parallel computation with blocked algorithms and
task scheduling. *Proceedings of the 14th Python in Science Conference*, 126-132.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from presslens._compat import renamed_parameters
from presslens.scale.io import partitions

MISSING = "<missing>"  # the group of articles whose grouping value is missing


def tree_reduce(parts: list, combine: Callable, *, split_every: int = 8):
    """Combine delayed partition results pairwise-in-groups (a tree of ``split_every``
    inputs per node), so no single task receives every partition's result at once.

    Example
    -------
    >>> import dask
    >>> tree_reduce([dask.delayed(n) for n in range(10)], lambda values: sum(values)).compute()
    45
    """
    import dask

    if not parts:
        raise ValueError("nothing to reduce: the corpus has no partitions")
    level = list(parts)
    while len(level) > 1:
        level = [dask.delayed(combine)(level[i : i + split_every]) for i in range(0, len(level), split_every)]
    return dask.delayed(combine)(level) if len(parts) == 1 else level[0]


def _sum_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f.columns)]
    if not frames:
        return pd.DataFrame()
    total = frames[0]
    for frame in frames[1:]:
        total = total.add(frame, fill_value=0)
    return total


# --------------------------------------------------------------------------- overview


def _overview_partition(frame: pd.DataFrame) -> pd.DataFrame:
    from presslens.corpus.describe import word_counts

    columns = ["doc_id", "outlet", "published"] + (["outlet_type"] if "outlet_type" in frame else [])
    out = frame[columns].copy()
    out["words"] = word_counts(frame["text"]).to_numpy()
    return out


def describe(articles) -> dict[str, pd.DataFrame]:
    """The overview tables of :func:`presslens.corpus.describe` (by outlet, by year, outlet
    types, article lengths) for a Dask corpus.

    Each partition is reduced to one short row per article (``doc_id``, outlet, outlet
    type, date and word count, no text), which are gathered and passed to
    :func:`presslens.corpus.describe`, so medians and percentiles are exact.  (A million
    articles make about 100 MB of such rows.)

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> sample = load_teaching().head(200)
    >>> articles = dd.from_pandas(sample, npartitions=2)
    >>> tables = describe(articles)
    >>> sorted(tables)
    ['by_outlet', 'by_year', 'lengths', 'outlet_types']
    >>> int(tables["by_outlet"]["articles"].sum())
    200
    """
    import dask

    from presslens.corpus.describe import describe as describe_table

    rows = dask.compute(*[dask.delayed(_overview_partition)(part) for part in partitions(articles)])
    return describe_table(pd.concat(rows, ignore_index=True))


# --------------------------------------------------------------------------- term counts and keyness


def keyness_analyzer():
    """The analyzer :func:`presslens.compare.term_counts` uses by default: presslens's
    tokens with English and news stop words (outlet names kept).

    Example
    -------
    >>> analyze = keyness_analyzer()
    >>> analyze("The UK's police said they were watching the vigilante video on the BBC.")
    ['uk', 'police', 'watching', 'vigilante', 'video', 'bbc']
    """
    from presslens.features import analyzer

    return analyzer(None, outlet_stop_words=False)


def _group_values(frame: pd.DataFrame, group: str) -> np.ndarray:
    values = frame[group].astype(object).to_numpy()
    return np.array([MISSING if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA else str(v) for v in values], dtype=object)


def _term_counts_partition(frame: pd.DataFrame, group: str, text: str, analyzer) -> pd.DataFrame:
    """Token counts of one partition: a terms x groups table (and the row ``""`` holding
    the number of articles of each group, under a name no token can have)."""
    from sklearn.feature_extraction.text import CountVectorizer

    groups = _group_values(frame, group)
    names = sorted(set(groups))
    if not len(frame):
        return pd.DataFrame()
    vectorizer = CountVectorizer(analyzer=analyzer, dtype=np.int64)
    try:
        matrix = vectorizer.fit_transform(frame[text].tolist())
    except ValueError:  # every text empty: no vocabulary
        articles = pd.DataFrame({n: [int((groups == n).sum())] for n in names}, index=[""])
        return articles
    indicator = np.stack([(groups == n) for n in names], axis=1).astype(np.int64)
    counts = np.asarray(matrix.T @ indicator)
    table = pd.DataFrame(counts, index=vectorizer.get_feature_names_out(), columns=names)
    table.loc[""] = indicator.sum(axis=0)
    return table


def term_counts(articles, group: str, *, text: str = "text", analyzer=None) -> pd.DataFrame:
    """Every term's count in each group's articles, summed over partitions.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        The corpus (cleaned with :func:`presslens.scale.prepare` for the pandas report's
        numbers).
    group : str
        The grouping column; articles without a value are counted under ``"<missing>"``.
    analyzer : callable, optional
        Text -> tokens (default: :func:`keyness_analyzer`, the analyzer
        :func:`presslens.compare.keyness` uses).

    Returns
    -------
    DataFrame
        One row per term (sorted as scikit-learn sorts its vocabulary), one ``int64``
        column per group (sorted); ``table.attrs["articles"]`` holds the number of articles
        in each group.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> sample = load_teaching().head(200)
    >>> articles = dd.from_pandas(sample, npartitions=2)
    >>> counts = term_counts(articles, "outlet_type")
    >>> counts.loc["vigilante", ["broadsheet", "tabloid"]].tolist()
    [25, 17]
    """
    import dask

    analyzer = analyzer or keyness_analyzer()
    parts = [dask.delayed(_term_counts_partition)(part, group, text, analyzer) for part in partitions(articles)]
    total = tree_reduce(parts, _sum_frames).compute()
    if total.empty:
        raise ValueError("the corpus has no articles")
    total = total.fillna(0).astype(np.int64)
    articles_by_group = total.loc[""].to_dict() if "" in total.index else {}
    total = total.drop(index="", errors="ignore")
    total = total.loc[sorted(total.index)]
    total = total[sorted(total.columns)]
    total.index.name = "term"
    total.attrs["articles"] = {k: int(v) for k, v in articles_by_group.items()}
    return total


def _values(spec) -> list[str]:
    return [str(spec)] if isinstance(spec, str) or not isinstance(spec, Sequence) else [str(v) for v in spec]


def _columns_for(counts: pd.DataFrame, spec, group: str, name: str) -> list[str]:
    values = _values(spec)
    present = [v for v in values if counts.attrs.get("articles", {}).get(v, 0) > 0]
    if not present:
        raise ValueError(f"no article has {group} in {values}")
    return present


def _group_pair_counts(counts: pd.DataFrame, first, second, *, group: str, names=("group_a", "group_b")):
    """The counts two groups are compared on, from a :func:`term_counts` table: ``(terms,
    a, b)``, each term's count in ``first`` and in ``second`` (what :func:`keyness` and
    :func:`fightin_words` pass to the pandas path's statistics).

    ``first`` is a value (or values) of ``group``; ``second`` is one too, ``"rest"`` (every
    other article, including those without a value), or ``None`` (``b`` is then ``None``:
    the caller brings its own reference counts).  ``names`` name the two groups in errors.

    Example
    -------
    >>> counts = pd.DataFrame({"broadsheet": [2, 0], "tabloid": [1, 3], "wire": [0, 1]}, index=["police", "sting"])
    >>> counts.attrs["articles"] = {"broadsheet": 1, "tabloid": 2, "wire": 1}
    >>> terms, a, b = _group_pair_counts(counts, "tabloid", "rest", group="outlet_type")
    >>> terms.tolist(), a.tolist(), b.tolist()
    (['police', 'sting'], [1.0, 3.0], [2.0, 1.0])
    """
    terms = counts.index.to_numpy(dtype=object)
    first_columns = _columns_for(counts, first, group, names[0])
    a = counts[first_columns].sum(axis=1).to_numpy(dtype=np.float64)
    if second is None:
        return terms, a, None
    if isinstance(second, str) and second == "rest":
        second_columns = [c for c in counts.columns if c not in first_columns]
    else:
        second_columns = _columns_for(counts, second, group, names[1])
        if set(second_columns) & set(first_columns):
            raise ValueError(f"{names[0]} and {names[1]} share articles")
    return terms, a, counts[second_columns].sum(axis=1).to_numpy(dtype=np.float64)


def keyness(articles, target, reference="rest", *, group: str, text: str = "text", counts: pd.DataFrame | None = None,
            analyzer=None, **options) -> pd.DataFrame:
    """Keywords of a target group against a reference: :func:`presslens.compare.keyness` at scale.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame or None
        The corpus (not needed when ``counts`` are given).
    target, reference
        A value (or list of values) of ``group``; ``reference`` may also be ``"rest"``
        (every other article, including those without a value) or an external frequency
        list (a mapping or Series ``term -> count``).  Boolean masks are a pandas-path
        feature: at scale, put the grouping in a column first.
    group : str
        The grouping column.
    counts : DataFrame, optional
        A :func:`term_counts` table to reuse (one pass over the corpus serves every
        comparison of the same grouping).
    **options
        ``measures``, ``min_freq``, ``g2_form``, ``williams``, ``yates``, ``sort_by``, as
        for :func:`presslens.compare.keyness`.

    Returns
    -------
    DataFrame
        The same table as :func:`presslens.compare.keyness`.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> sample = load_teaching().head(200)
    >>> articles = dd.from_pandas(sample, npartitions=2)
    >>> from presslens import compare
    >>> table = keyness(articles, "tabloid", "broadsheet", group="outlet_type")
    >>> table.equals(compare.keyness(sample, "tabloid", "broadsheet", group="outlet_type"))
    True
    """
    from presslens.compare import keyness_from_counts

    if counts is None:
        counts = term_counts(articles, group, text=text, analyzer=analyzer)
    external = isinstance(reference, dict | pd.Series)
    terms, a, b = _group_pair_counts(counts, target, None if external else reference, group=group, names=("target", "reference"))
    if external:
        ref = pd.Series(reference, dtype=float)
        b = ref.reindex(terms).fillna(0.0).to_numpy()
        n_reference = float(ref.sum())
    else:
        n_reference = float(b.sum())
    return keyness_from_counts(terms, a, b, n_target=float(a.sum()), n_reference=n_reference, **options)


def fightin_words(articles, group_a=None, group_b=None, *, group: str = "outlet_type", text: str = "text", counts: pd.DataFrame | None = None,
                  analyzer=None, **options) -> pd.DataFrame:
    """Fightin' Words (Monroe, Colaresi & Quinn 2008) between two groups, or each group
    against the rest: :func:`presslens.compare.fightin_words` from reduced counts.

    ``group_a`` and ``group_b`` are values (or lists of values) of ``group``; ``group_b``
    may be ``"rest"`` (every other article), as in the pandas path.  ``options`` are
    ``prior``, ``alpha``, ``alpha0``, ``background``, ``min_freq``.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> sample = load_teaching().head(200)
    >>> articles = dd.from_pandas(sample, npartitions=2)
    >>> from presslens import compare
    >>> table = fightin_words(articles, "tabloid", "broadsheet", group="outlet_type")
    >>> table.equals(compare.fightin_words(sample, "tabloid", "broadsheet", group="outlet_type"))
    True
    """
    from presslens.compare import fightin_words_from_counts

    if (group_a is None) != (group_b is None):
        raise ValueError("give both group_a and group_b, or neither (one against the rest)")
    if counts is None:
        counts = term_counts(articles, group, text=text, analyzer=analyzer)
    if group_a is not None:
        terms, a, b = _group_pair_counts(counts, group_a, group_b, group=group, names=("group_a", "group_b"))
        return fightin_words_from_counts(terms, a, b, **options).reset_index(drop=True)
    terms = counts.index.to_numpy(dtype=object)
    tables = []
    for value in [c for c in counts.columns if c != MISSING]:
        rest = [c for c in counts.columns if c != value]
        table = fightin_words_from_counts(terms, counts[value], counts[rest].sum(axis=1), **options)
        table.insert(0, "group", value)
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


# --------------------------------------------------------------------------- volume and prevalence


@renamed_parameters(by="group")
def volume(articles, freq: str = "W", *, group: str | None = None, query=None, text: str = "text") -> pd.DataFrame:
    """Articles per period, matching a query and in total: :func:`presslens.timeline.volume`
    at scale.

    ``query`` is ``None``, a regular expression, a function of a partition returning a
    boolean mask, or a dict naming several of these (a mask over the whole corpus is a
    pandas-path feature).  Counts per (group, query, period) are computed per partition by
    :func:`presslens.timeline.volume_counts` and summed.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> sample = load_teaching().head(200)
    >>> articles = dd.from_pandas(sample, npartitions=2)
    >>> from presslens import timeline
    >>> table = volume(articles, "Y", group="outlet_type", query=r"hunter|vigilante")
    >>> table.equals(timeline.volume(sample, "Y", group="outlet_type", query=r"hunter|vigilante"))
    True
    """
    import dask

    from presslens.timeline import volume_counts, volume_from_counts

    if query is not None and not isinstance(query, str | dict) and not callable(query):
        raise TypeError("at scale, query must be None, a regular expression, a function of a partition, or a dict of these")
    parts = [dask.delayed(volume_counts)(part, freq, group=group, query=query, text=text) for part in partitions(articles)]
    counts = tree_reduce(parts, lambda tables: pd.concat(tables, ignore_index=True)).compute()
    return volume_from_counts(counts, freq)


def _multinomial_prevalence(counts: pd.DataFrame, n_boot: int, ci: float, random_state: int) -> pd.DataFrame:
    rng = np.random.default_rng(random_state)
    alpha = (1 - ci) / 2
    rows = []
    names = sorted(counts.columns)
    for group in sorted(counts.index, key=lambda g: (str(type(g)), g)):
        observed = counts.loc[group, names].to_numpy(dtype=np.int64)
        n = int(observed.sum())
        share = observed / n
        draws = rng.multinomial(n, share, size=n_boot) / n
        lower, upper = np.quantile(draws, [alpha, 1 - alpha], axis=0)
        for j, name in enumerate(names):
            rows.append({"group": group, "category": name, "share": share[j], "lower": lower[j], "upper": upper[j], "articles": n, "count": int(observed[j])})
    out = pd.DataFrame(rows)
    for column in ("share", "lower", "upper"):
        out[column] = out[column].round(4)
    return out


@renamed_parameters(by="group")
def prevalence(table, group: str, *, category: str, n_boot: int = 1000, ci: float = 0.95, random_state: int = 0, exact_limit: int = 200_000) -> pd.DataFrame:
    """Share of each category within each group with bootstrap intervals:
    :func:`presslens.compare.prevalence` at scale.

    Parameters
    ----------
    table : dask.dataframe.DataFrame or DataFrame
        One row per article with the columns ``by`` and ``category`` (a cluster, frame or
        topic label computed per partition).
    exact_limit : int
        Up to this many articles, the two columns are gathered (in partition order) and
        :func:`presslens.compare.prevalence` runs on them: identical results.  Above it,
        only the counts per group and category are reduced and the bootstrap draws
        multinomial counts (the distribution of the article bootstrap for one categorical
        column), which keeps memory independent of the number of articles.

    Returns
    -------
    DataFrame
        ``group``, ``category``, ``share``, ``lower``, ``upper``, ``articles``, ``count``.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens import compare
    >>> labels = pd.DataFrame({"outlet_type": ["tabloid"] * 6 + ["broadsheet"] * 4,
    ...                        "cluster": [0, 0, 0, 1, 1, 2, 0, 1, 1, 1]})
    >>> table = prevalence(dd.from_pandas(labels, npartitions=2), "outlet_type", category="cluster", n_boot=200)
    >>> table.equals(compare.prevalence(labels, "outlet_type", category="cluster", n_boot=200))
    True
    """
    from presslens.compare import prevalence as prevalence_table

    if isinstance(table, pd.DataFrame):
        return prevalence_table(table, group, category=category, n_boot=n_boot, ci=ci, random_state=random_state)
    columns = table[[group, category]]
    n = int(columns.shape[0].compute())
    if n <= exact_limit:
        return prevalence_table(columns.compute(), group, category=category, n_boot=n_boot, ci=ci, random_state=random_state)
    counts = columns.dropna(subset=[group]).assign(_category=columns[category].astype(str)).groupby([group, "_category"]).size().compute()
    return _multinomial_prevalence(counts.unstack(fill_value=0), n_boot, ci, random_state)


# --------------------------------------------------------------------------- corpus-level stop words


def _names_partition(frame: pd.DataFrame, text: str) -> tuple[Counter, Counter, Counter, set]:
    from presslens.text import mid_sentence_word_counts, person_name_counts

    outlets = set(frame["outlet"].dropna().astype(str)) if "outlet" in frame else set()
    texts = frame[text].tolist()
    person, other = person_name_counts(texts)
    return mid_sentence_word_counts(texts), person, other, outlets


def _combine_names(results: list[tuple[Counter, Counter, Counter, set]]) -> tuple[Counter, Counter, Counter, set]:
    counts: Counter = Counter()
    person: Counter = Counter()
    other: Counter = Counter()
    outlets: set = set()
    for partial, partial_person, partial_other, names in results:
        counts.update(partial)
        person.update(partial_person)
        other.update(partial_other)
        outlets |= names
    return counts, person, other, outlets


def analyzer(articles, *, text: str = "text", drop_names: bool | str = True, outlet_stop_words: bool = True, **options):
    """The clustering analyzer of :func:`presslens.features.analyzer` for a Dask corpus.

    The corpus-level parts, the outlet names and (with ``drop_names``) the proper nouns,
    are reduced over partitions: mid-sentence word counts are summed
    (:func:`presslens.text.mid_sentence_word_counts`) and the names decided from the totals
    (:func:`presslens.text.proper_nouns_from_counts`).  The pandas path reads at most
    20,000 evenly spaced texts for names; here every text counts, so the two agree on
    corpora of up to 20,000 articles.

    Example
    -------
    >>> import dask.dataframe as dd
    >>> from presslens.corpus import load_teaching
    >>> sample = load_teaching().head(200)
    >>> articles = dd.from_pandas(sample, npartitions=2)
    >>> analyzer(articles)("Police in Leeds said the group had been warned")
    ['police', 'leeds', 'group']
    """
    import dask

    from presslens.features import analyzer as make_analyzer
    from presslens.text import person_names_from_counts, proper_nouns_from_counts

    if options.get("phrases"):
        raise ValueError("phrases are learned from the whole corpus in one process; at scale use phrases=False")
    parts = [dask.delayed(_names_partition)(part, text) for part in partitions(articles)]
    counts, person, other, outlets = tree_reduce(parts, _combine_names).compute()
    # as the pandas path: person names only (drop_names=True or "people"), every proper noun with "all"
    proper = proper_nouns_from_counts(counts)
    names = frozenset() if not drop_names else proper if drop_names == "all" else person_names_from_counts(person, other, proper)
    outlet_table = pd.DataFrame({"outlet": sorted(outlets)})
    extra = set(options.pop("extra_stop_words", ())) | set(names)
    return make_analyzer(outlet_table, extra_stop_words=extra, outlet_stop_words=outlet_stop_words, drop_names=False, **options)


__all__ = ["MISSING", "analyzer", "describe", "fightin_words", "keyness", "keyness_analyzer", "prevalence", "term_counts", "tree_reduce", "volume"]
