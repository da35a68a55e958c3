"""Attention over time: monthly volume by kind of coverage and bursts."""

from __future__ import annotations

import pandas as pd  # noqa: F401  (used by the examples)

from presslens import plots
from presslens.report.context import ReportContext, Section, section


@section(order=40)
def attention_over_time(context: ReportContext) -> Section:
    """Monthly volume (raw and as a share) of each kind of coverage; bursts with headlines.

    Examples
    --------
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(), "twenty articles")
    >>> attention_over_time(context).blocks[0].text
    'Too few articles for a time series (at least 60 are needed).'
    """
    from presslens import timeline

    corpus = context.corpus
    result = Section("time", "Attention over time")
    if context.too_small(result, "a time series"):
        return result
    result.intro = ("Articles per month, raw and as a share of all articles that month, for each kind of coverage; and bursts of coverage "
                    "found with Kleinberg's (2002) streaming model (s = 2, gamma = 1, three levels) with the first headlines of each burst.")
    queries = None
    if "clustering" in context.cache:
        clustering = context.cache["clustering"]
        names = clustering.assignments().set_index("doc_id")["cluster_name"].reindex(corpus["doc_id"]).to_numpy()
        queries = {name: names == name for name in sorted(set(names))}
    monthly = context.analyses.volume(corpus, "M", query=queries)
    result.table("volume_by_month", "Articles per month: matching (raw count), total, and share", monthly)
    if queries:
        result.figure("volume_share_by_month", "Share of each month's articles", plots.plot_volume(monthly.assign(group=monthly["query"], query="share"), value="share", title="Share of each month's articles by kind of coverage"))
    found = timeline.bursts(corpus, kind="stream", s=2, gamma=1, levels=3)
    totals = context.analyses.volume(corpus, "W")
    result.figure("bursts", "Weekly volume and bursts", plots.plot_volume(totals, title="Articles per week; shaded: bursts (darker = higher level)", bursts=found[found["level"] >= 2]))
    result.table("bursts", "Bursts (level 2 and above)", found[found["level"] >= 2])
    result.table("burst_headlines", "First headlines of each burst", timeline.burst_headlines(corpus, found[found["level"] >= 2]))
    return result
