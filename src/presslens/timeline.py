"""Attention over time: volume, bursts, and shares of frames, clusters or topics by period.

* ``volume``: matching and total articles per period (raw counts always beside the
  share), for every group and query, in one tidy table, as in Media Cloud's attention
  graphs.
* ``bursts``: Kleinberg's (2002) burst detection.  The *batched* form models, for each
  day, the number of matching articles out of all articles as binomial with a rate that
  is higher in burst states (rate ``p0 * s**i`` in state ``i``; moving up a state costs
  ``gamma * ln(n)``); the *streaming* form models the gaps between consecutive articles
  as exponential with rates ``(n / T) * s**i``.  The optimal state sequence is found by
  dynamic programming (Viterbi); each maximal run at or above a level is a burst,
  weighted by how much better the burst state explains it than the base state.
* ``shares_over_time``: category shares per period with bootstrap intervals, optionally
  pooled over neighbouring periods (a moving window) to smooth them.

Written here because no maintained Python library implements Kleinberg's batched
enumerating model with its parameters exposed.

Reference: Kleinberg, J. (2002). Bursty and hierarchical structure in streams.
*Proceedings of KDD 2002*, 91-101 (journal version: *Data Mining and Knowledge
Discovery*, 7(4), 373-397, 2003).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy.special import gammaln

from presslens._compat import renamed_parameters
from presslens.compare import prevalence


def _queries(corpus: pd.DataFrame, query, text: str) -> dict[str, np.ndarray]:
    """Named boolean masks from: None (all), a regex string, a callable, a mask, or a dict of these."""
    if query is None:
        return {"all": np.ones(len(corpus), dtype=bool)}
    if isinstance(query, dict):
        out = {}
        for name, q in query.items():
            out.update({name: next(iter(_queries(corpus, q, text).values()))})
        return out
    if isinstance(query, str):
        pattern = re.compile(query, re.IGNORECASE)
        haystack = corpus["headline"].fillna("") + "\n" + corpus[text] if "headline" in corpus else corpus[text]
        return {query: haystack.map(lambda t: bool(pattern.search(t))).to_numpy()}
    if isinstance(query, Callable):
        return {getattr(query, "__name__", "query"): np.asarray(query(corpus), dtype=bool)}
    mask = np.asarray(query, dtype=bool)
    if len(mask) != len(corpus):
        raise ValueError("a query mask needs one value per article")
    return {"query": mask}


@renamed_parameters(by="group")
def volume(corpus: pd.DataFrame, freq: str = "W", *, group: str | None = None, query=None, text: str = "text") -> pd.DataFrame:
    """Articles per period: matching, total, and their ratio, per group and query.

    Parameters
    ----------
    freq : str
        A pandas period frequency: ``D``, ``W``, ``M``, ``Q``, ``Y``.
    group : str, optional
        A grouping column (outlet, outlet_type); totals are per group.  (``by`` is the
        deprecated name of this argument.)
    query : None, str, callable, mask or dict
        What counts as matching: ``None`` (every article), a regular expression searched
        in headline and text, a function of the corpus returning a mask, a boolean mask,
        or a dict naming several of these.

    Returns
    -------
    DataFrame
        ``period`` (start date), ``group``, ``query``, ``matching``, ``total``, ``share``
        (matching / total, empty when total is 0); every period of the span appears,
        also those without articles.

    Example
    -------
    >>> corpus = pd.DataFrame({
    ...     "published": pd.to_datetime(["2020-01-03", "2020-01-20", "2020-03-09"], utc=True),
    ...     "headline": ["Hunters confront man", "Police warn groups", "Court hears case"],
    ...     "text": ["A vigilante group filmed.", "Police said.", "The court heard."]})
    >>> table = volume(corpus, "M", query={"hunters": r"hunter|vigilante"})
    >>> table[["period", "matching", "total", "share"]]
          period  matching  total  share
    0 2020-01-01         1      2    0.5
    1 2020-02-01         0      0    NaN
    2 2020-03-01         0      1    0.0
    """
    return volume_from_counts(volume_counts(corpus, freq, group=group, query=query, text=text), freq)


@renamed_parameters(by="group")
def volume_counts(corpus: pd.DataFrame, freq: str = "W", *, group: str | None = None, query=None, text: str = "text") -> pd.DataFrame:
    """The counts behind :func:`volume`: ``group``, ``query``, ``period`` (a pandas Period),
    ``matching`` and ``total`` for every combination that has articles.

    Counts of parts of a corpus add up to the counts of the whole, so
    :mod:`presslens.scale` computes them per partition, sums them and calls
    :func:`volume_from_counts`.

    Example
    -------
    >>> table = pd.DataFrame({"published": pd.to_datetime(["2020-01-03", "2020-03-09"], utc=True), "text": ["x", "y"]})
    >>> volume_counts(table, "M")[["group", "query", "matching", "total"]].to_dict("list")
    {'group': ['all', 'all'], 'query': ['all', 'all'], 'matching': [1, 1], 'total': [1, 1]}
    """
    dates = corpus["published"]
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    periods = dates.dt.to_period(freq)
    groups = corpus[group].to_numpy() if group else np.full(len(corpus), "all", dtype=object)
    frame = pd.DataFrame({"period": periods.to_numpy(), "group": groups})
    parts = []
    for name, mask in _queries(corpus, query, text).items():
        frame["match"] = mask
        counts = frame.groupby(["group", "period"], observed=True).agg(matching=("match", "sum"), total=("match", "size")).reset_index()
        counts.insert(1, "query", name)
        parts.append(counts)
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["group", "query", "period", "matching", "total"])
    out["matching"] = out["matching"].astype(np.int64)
    out["total"] = out["total"].astype(np.int64)
    return out[["group", "query", "period", "matching", "total"]]


def volume_from_counts(counts: pd.DataFrame, freq: str = "W") -> pd.DataFrame:
    """The :func:`volume` table from (possibly repeated) :func:`volume_counts` rows: counts
    are summed, every period of the span is filled in and the share is computed.

    Example
    -------
    >>> table = pd.DataFrame({"published": pd.to_datetime(["2020-01-03", "2020-03-09"], utc=True), "text": ["x", "y"]})
    >>> volume_from_counts(pd.concat([volume_counts(table, "M")] * 2), "M")["total"].tolist()
    [2, 0, 2]
    """
    counts = counts.groupby(["group", "query", "period"], observed=True, sort=False)[["matching", "total"]].sum()
    periods = counts.index.get_level_values("period")
    span = pd.period_range(periods.min(), periods.max(), freq=freq)
    groups = sorted(pd.unique(counts.index.get_level_values("group")), key=str)
    queries = list(dict.fromkeys(counts.index.get_level_values("query")))
    rows = []
    for name in queries:
        by_query = counts.xs(name, level="query")
        for group in groups:
            if group in by_query.index.get_level_values(0):
                part = by_query.loc[group].reindex(span, fill_value=0)
            else:
                part = pd.DataFrame({"matching": 0, "total": 0}, index=span)
            rows.append(pd.DataFrame({"period": span.start_time, "group": group, "query": name, "matching": part["matching"].to_numpy(), "total": part["total"].to_numpy()}))
    out = pd.concat(rows, ignore_index=True)
    out["matching"] = out["matching"].astype(int)
    out["total"] = out["total"].astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(out["total"] > 0, out["matching"] / out["total"].where(out["total"] > 0, 1), np.nan)
    return out


def _viterbi(costs: np.ndarray, transition: float) -> np.ndarray:
    """Cheapest state sequence: costs (n_steps, n_states); going up k states costs k * transition."""
    n, k = costs.shape
    total = costs[0] + transition * np.arange(k)
    back = np.zeros((n, k), dtype=np.int64)
    ups = transition * np.maximum(np.arange(k)[None, :] - np.arange(k)[:, None], 0)  # from i (row) to j (col)
    for t in range(1, n):
        options = total[:, None] + ups
        back[t] = np.argmin(options, axis=0)
        total = options[back[t], np.arange(k)] + costs[t]
    states = np.zeros(n, dtype=np.int64)
    states[-1] = int(np.argmin(total))
    for t in range(n - 1, 0, -1):
        states[t - 1] = back[t, states[t]]
    return states


def _intervals(states: np.ndarray, costs: np.ndarray, index) -> pd.DataFrame:
    rows = []
    for level in range(1, int(states.max(initial=0)) + 1):
        above = states >= level
        t = 0
        while t < len(states):
            if above[t]:
                start = t
                while t < len(states) and above[t]:
                    t += 1
                weight = float(np.sum(costs[start:t, level - 1] - costs[start:t, level]))
                rows.append({"level": level, "start": index[start], "end": index[t - 1], "steps": t - start, "weight": weight})
            else:
                t += 1
    return pd.DataFrame(rows, columns=["level", "start", "end", "steps", "weight"])


def kleinberg_batched(matching, total, *, s: float = 2.0, gamma: float = 1.0, levels: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Kleinberg's batched burst model: returns (states, costs) for each batch.

    ``matching[t]`` of ``total[t]`` items in batch t are relevant; state i has rate
    ``min(p0 * s**i, 0.9999)`` with ``p0`` the overall share.
    """
    r, d = np.asarray(matching, dtype=np.float64), np.asarray(total, dtype=np.float64)
    if (r > d).any():
        raise ValueError("matching cannot exceed total")
    p0 = r.sum() / d.sum()
    rates = np.minimum(p0 * s ** np.arange(levels + 1), 0.9999)
    log_choose = gammaln(d + 1) - gammaln(r + 1) - gammaln(d - r + 1)
    costs = -(log_choose[:, None] + r[:, None] * np.log(rates)[None, :] + (d - r)[:, None] * np.log1p(-rates)[None, :])
    states = _viterbi(costs, gamma * np.log(len(r)))
    return states, costs


def kleinberg_stream(times, *, s: float = 2.0, gamma: float = 1.0, levels: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Kleinberg's streaming (enumerating) model over the gaps between event times.

    Returns (states, costs) for each gap.  Simultaneous events (gap 0) are allowed.
    """
    times = np.sort(np.asarray(times, dtype=np.float64))
    gaps = np.diff(times)
    if len(gaps) == 0:
        raise ValueError("need at least two events")
    span = times[-1] - times[0]
    base = len(gaps) / span if span > 0 else 1.0
    rates = base * s ** np.arange(levels + 1)
    costs = -(np.log(rates)[None, :] - rates[None, :] * gaps[:, None])
    states = _viterbi(costs, gamma * np.log(len(gaps)))
    return states, costs


def bursts(corpus: pd.DataFrame, *, query=None, kind: str = "batched", freq: str = "D", s: float = 2.0, gamma: float = 1.0, levels: int = 3,
           text: str = "text", min_weight: float = 0.0) -> pd.DataFrame:
    """Bursts of attention in a corpus.

    ``kind="batched"`` (default) treats each day (``freq``) as a batch: the articles
    matching ``query`` out of all articles that day.  This is Kleinberg's model for a
    topic's share of a news stream, and needs a query; a corpus that is itself the
    result of one search has no "total" to compare with, so use ``kind="stream"`` to find
    bursts in its volume (the gaps between consecutive articles).

    Returns one row per burst: ``level``, ``start``, ``end`` (dates), ``steps`` (days or
    gaps), ``weight`` (the log-likelihood gain of the burst state over the state below;
    higher = stronger) and ``articles`` in the interval.

    Example
    -------
    Five articles within two days of February, among four spread over a year, are one burst
    (found at every level of the model):

    >>> days = ["2021-01-01", "2021-02-01", "2021-02-01", "2021-02-01", "2021-02-02",
    ...         "2021-02-02", "2021-06-01", "2021-09-01", "2021-12-01"]
    >>> corpus = pd.DataFrame({"published": pd.to_datetime(days, utc=True), "text": ""})
    >>> bursts(corpus, kind="stream", s=2, gamma=1)[["level", "start", "end", "articles"]]
       level      start        end  articles
    0      1 2021-02-01 2021-02-02         5
    1      2 2021-02-01 2021-02-02         5
    2      3 2021-02-01 2021-02-02         5

    Evenly spread articles have no burst; the empty table keeps its date columns:

    >>> even = pd.DataFrame({"published": pd.date_range("2021-01-01", periods=6, freq="7D"), "text": ""})
    >>> found = bursts(even, kind="stream")
    >>> len(found), (found["end"] - found["start"]).dt.days.tolist()
    (0, [])
    """
    dates = corpus["published"]
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    mask = next(iter(_queries(corpus, query, text).values()))
    if kind == "batched":
        if query is None:
            raise ValueError("the batched form needs a query (matching out of total articles); use kind='stream' for volume bursts")
        table = volume(corpus, freq, query=query, text=text)
        states, costs = kleinberg_batched(table["matching"], table["total"], s=s, gamma=gamma, levels=levels)
        found = _intervals(states, costs, list(table["period"]))
        per_day = table.set_index("period")["matching"]
    elif kind == "stream":
        days = dates[mask].dt.normalize().sort_values()
        # articles of the same day are spread evenly through it, so gaps stay finite
        offsets = days.groupby(days).cumcount() / days.groupby(days).transform("size")
        times = (days - pd.Timestamp("1970-01-01")).dt.days.to_numpy() + offsets.to_numpy()
        states, costs = kleinberg_stream(times, s=s, gamma=gamma, levels=levels)
        found = _intervals(states, costs, list(range(len(states))))
        # gap t lies between article t and article t + 1
        found["start"] = [days.iloc[t] for t in found["start"]]
        found["end"] = [days.iloc[t + 1] for t in found["end"]]
        per_day = days.value_counts().sort_index()
    else:
        raise ValueError("kind must be 'batched' or 'stream'")
    if len(found):
        found["articles"] = [int(per_day[(per_day.index >= a) & (per_day.index <= b)].sum()) for a, b in zip(found["start"], found["end"], strict=True)]
    else:  # no burst: an empty table with the same types, so date arithmetic on it still works
        found["articles"] = pd.Series(dtype="int64")
        found["start"] = pd.Series(dtype="datetime64[ns]")
        found["end"] = pd.Series(dtype="datetime64[ns]")
    found = found[found["weight"] >= min_weight]
    return found.sort_values(["level", "start"]).reset_index(drop=True)


def burst_headlines(corpus: pd.DataFrame, found: pd.DataFrame, *, n: int = 3, query=None, text: str = "text") -> pd.DataFrame:
    """The most common headlines' first articles inside each burst (``n`` per burst), to
    see what a burst was about."""
    dates = corpus["published"]
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    mask = next(iter(_queries(corpus, query, text).values()))
    rows = []
    for burst in found.itertuples():
        inside = corpus[mask & (dates >= burst.start).to_numpy() & (dates <= burst.end + pd.Timedelta(days=1)).to_numpy()]
        for headline in inside["headline"].head(n):
            rows.append({"level": burst.level, "start": burst.start, "end": burst.end, "headline": headline})
    return pd.DataFrame(rows, columns=["level", "start", "end", "headline"])


def shares_over_time(table: pd.DataFrame, *, date: str = "published", category: str | None = None, columns=None, freq: str = "Y",
                     window: int = 0, n_boot: int = 1000, random_state: int = 0) -> pd.DataFrame:
    """Shares of categories (frames, clusters) or mixtures (topics) per period, with
    bootstrap intervals; ``window=w`` pools each period with ``w`` periods either side
    (a moving window over articles, so the intervals stay honest).

    Returns the :func:`presslens.compare.prevalence` table with ``group`` = period start.
    """
    dates = table[date]
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    periods = dates.dt.to_period(freq)
    span = pd.period_range(periods.min(), periods.max(), freq=freq)
    parts = []
    for i, period in enumerate(span):
        lo, hi = span[max(0, i - window)], span[min(len(span) - 1, i + window)]
        inside = table[((periods >= lo) & (periods <= hi)).to_numpy()].assign(_period=period.start_time)
        if len(inside):
            parts.append(prevalence(inside, "_period", category=category, columns=columns, n_boot=n_boot, random_state=random_state + i))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
