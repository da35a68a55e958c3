"""Who is quoted: speakers' roles, who is quoted first, organisations."""

from __future__ import annotations

import pandas as pd  # noqa: F401  (used by the examples)

from presslens import plots
from presslens.report.context import ReportContext, Section, section


@section(order=60)
def who_is_quoted(context: ReportContext) -> Section:
    """Source profiles: share of quotes by speaker role, who is quoted first, organisations.

    Examples
    --------
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(), "twenty articles")
    >>> who_is_quoted(context).blocks[0].text
    'Too few articles for source profiles (at least 60 are needed).'
    """
    from presslens.quotes import attribute, extract_quotes, source_profile

    result = Section("quotes", "Who is quoted")
    if context.too_small(result, "source profiles"):
        return result
    corpus = context.cleaned()
    group = context.group(corpus)
    quotes = attribute(extract_quotes(corpus), corpus)
    first_parts = quotes[quotes["part"] == 1]
    result.intro = (f"{len(first_parts):,} direct quotations in {first_parts['doc_id'].nunique():,} articles were found and their speakers given a role "
                    "from their titles and organisations (actors gazetteer). Shares carry 95% cluster-bootstrap intervals (articles resampled). "
                    "Speakers' names are not shown: the tables report roles and organisations only.")
    if quotes.empty:
        return result
    profile = source_profile(quotes, corpus, group, n_boot=1000, random_state=context.random_state)
    result.table("quotes_by_role", f"Share of quotes by speaker role and {group.replace('_', ' ')}", profile)
    result.figure("quotes_by_role", "Who is quoted", plots.plot_heatmap(profile.pivot(index="role", columns="group", values="share"), title=f"Share of quotes by speaker role and {group.replace('_', ' ')}", xlabel=group.replace("_", " "), ylabel="role"))
    first = source_profile(quotes, corpus, group, first_only=True, n_boot=1000, random_state=context.random_state)
    result.table("first_quoted", "Role of the first speaker quoted in each article", first)
    organisations = first_parts[first_parts["organisation"] != ""].groupby(["role", "organisation"]).size().rename("quotes").reset_index()
    result.table("quoted_organisations", "Organisations most often quoted", organisations.sort_values(["quotes", "organisation"], ascending=[False, True]).head(25))
    result.table("quote_cues", "How quotes were attributed", first_parts["cue"].value_counts().rename_axis("cue").reset_index(name="quotes"))
    return result
