"""The corpus: articles by outlet and year, outlet types, lengths and the quarantine."""

from __future__ import annotations

import pandas as pd  # noqa: F401  (used by the examples)

from presslens import plots
from presslens.corpus.schema import quarantine_summary
from presslens.report.context import ReportContext, Section, section


@section(order=10)
def corpus_overview(context: ReportContext) -> Section:
    """Articles by outlet and year, outlet types, lengths and the quarantine summary.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(columns=["source_file", "row", "doc_id", "reason"]), "twenty articles")
    >>> result = corpus_overview(context)
    >>> result.intro[:40]
    '20 articles from 9 outlets, published be'
    >>> plt.close("all")
    """
    corpus = context.corpus
    if corpus.empty:  # every row was unusable: say so, with the quarantine that explains why
        result = Section("corpus", "The corpus", f"No usable articles: all {len(context.quarantine):,} rows read were quarantined on loading "
                         "(the table gives the reason for each). The other sections have nothing to analyse.")
        result.table("quarantine_summary", "Quarantined rows by reason", quarantine_summary(context.quarantine, n_read=len(context.quarantine)))
        result.table("quarantine", "Quarantined rows", context.quarantine)
        return result
    tables = context.analyses.describe(corpus)
    first, last = corpus["published"].min(), corpus["published"].max()
    result = Section(
        "corpus",
        "The corpus",
        f"{len(corpus):,} articles from {corpus['outlet'].nunique()} outlets, published between "
        f"{first:%d %B %Y} and {last:%d %B %Y}. {len(context.quarantine):,} rows were quarantined on loading "
        f"(rows read = {len(corpus) + len(context.quarantine):,} = kept + quarantined).",
    )
    result.table("articles_by_outlet", "Articles by outlet", tables["by_outlet"])
    result.figure("articles_by_outlet", "Articles by outlet", plots.plot_articles_by_outlet(tables["by_outlet"]))
    result.table("articles_by_year", "Articles by year and outlet type", tables["by_year"])
    result.figure("articles_by_year", "Articles by year", plots.plot_articles_by_year(tables["by_year"]))
    result.table("outlet_types", "Outlet types", tables["outlet_types"])
    result.table("article_lengths", "Article length in words by outlet type", tables["lengths"])
    result.figure("article_lengths", "Article lengths", plots.plot_article_lengths(corpus))
    summary = quarantine_summary(context.quarantine, n_read=len(corpus) + len(context.quarantine))
    result.table("quarantine_summary", "Quarantined rows by reason", summary)
    if len(context.quarantine):
        result.table("quarantine", "Quarantined rows", context.quarantine)
    return result
