"""Statistics that travel: numeric claims followed from their first mention."""

from __future__ import annotations

import pandas as pd  # noqa: F401  (used by the examples)

from presslens import plots
from presslens.report.context import ReportContext, Section, section


@section(order=80)
def statistics_that_travel(context: ReportContext) -> Section:
    """Numeric claims, the statistics repeated most, and how repeats differ from the first mention.

    Examples
    --------
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(), "twenty articles")
    >>> statistics_that_travel(context).blocks[0].text
    'Too few articles for claims (at least 60 are needed).'
    """
    from presslens import claims as claim_tools
    from presslens import compare

    result = Section("claims", "Statistics that travel")
    if context.too_small(result, "claims"):
        return result
    corpus = context.cleaned()
    group = context.group(corpus)
    found = claim_tools.extract_claims(corpus)
    if found.empty:
        result.text("No numeric claims were found.")
        return result
    tracked = claim_tools.track_claims(found, corpus).merge(corpus[["doc_id", "outlet", group, "published"]].drop_duplicates("doc_id") if group != "outlet" else corpus[["doc_id", "outlet", "published"]], on="doc_id")
    result.intro = (f"{len(found):,} numeric claims (figures with a source or a statistical cue) were extracted and grouped into statistics by unit, "
                    "context and at least two of value, year and source. Each later mention is compared with the first: rounded, value changed "
                    "beyond rounding, year changed, source changed or unattributed.")
    summary = tracked.groupby("claim").agg(first_doc_id=("first_doc_id", "first"), first_outlet=("outlet", "first"), first_published=("published", "min"),
                                           value=("value_text", "first"), what=("what", "first"), mentions=("doc_id", "size"), outlets=("outlet", "nunique"),
                                           changed=("mutation", lambda m: int((m != "none").sum())))
    summary = summary[summary["mentions"] >= 3].sort_values(["mentions", "first_published"], ascending=[False, True], kind="stable").head(15).reset_index(drop=True)
    summary["first_published"] = summary["first_published"].dt.strftime("%Y-%m-%d")
    result.table("travelling_statistics", "The statistics repeated most (first mention, mentions, outlets, mentions that changed it)", summary)
    later = tracked[tracked["order"] > 0]
    if len(later):
        mutations = compare.prevalence(later, group, category="mutation", n_boot=1000, random_state=context.random_state)
        result.table("mutations_by_group", f"How repeated statistics differ from their first mention, by {group.replace('_', ' ')} (95% interval)", mutations)
    if len(summary):
        first_claim = tracked.loc[tracked["doc_id"] == summary.iloc[0]["first_doc_id"], "claim"].iloc[0]
        trail = tracked[tracked["claim"] == first_claim].sort_values("published")
        result.table("claim_trail", "One statistic followed from its first appearance", trail[["published", "outlet", "doc_id", "value_text", "year", "source", "mutation"]].assign(published=lambda t: t["published"].dt.strftime("%Y-%m-%d")))
        result.figure("claim_trail", "One statistic travelling", plots.plot_claim_trail(trail, title=f"The most repeated statistic: {summary.iloc[0]['value']} {summary.iloc[0]['what'][:50]}"))
    return result
