"""Recycled coverage: near duplicates, syndication, churn and deduplication."""

from __future__ import annotations

import pandas as pd

from presslens.report.context import ReportContext, Section, section


@section(order=70)
def recycled_coverage(context: ReportContext) -> Section:
    """Near duplicates, syndication clusters, churn by outlet and what deduplication removes.

    Examples
    --------
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(), "twenty articles")
    >>> recycled_coverage(context).blocks[0].text
    'Too few articles for reuse detection (at least 60 are needed).'
    """
    from presslens import reuse

    result = Section("reuse", "Recycled coverage")
    if context.too_small(result, "reuse detection"):
        return result
    corpus = context.cleaned()
    group = context.group(corpus)
    pairs = context.analyses.near_duplicates(corpus)
    ordered = reuse.reuse_pairs(corpus, pairs)
    clusters = reuse.syndication(corpus, ordered) if len(ordered) else pd.DataFrame(columns=["doc_id", "cluster", "original", "outlet", "published", "size"])
    exact = reuse.exact_duplicates(corpus)
    result.intro = (f"Near duplicates were found with MinHash LSH over word 5-grams and verified by exact Jaccard similarity (at least 0.4): "
                    f"{len(pairs):,} pairs of articles, forming {clusters['cluster'].nunique():,} syndication clusters; {int((exact['doc_id'] != exact['group']).sum()):,} "
                    f"articles are exact duplicates of another and {int(ordered['same_day_duplicate'].sum()) if len(ordered) else 0:,} pairs are same-day duplicates. "
                    "The original of a cluster is its earliest article (on the same day, a news agency's).")
    if len(ordered):
        by_source = ordered[~ordered["same_outlet"]].groupby(["source_outlet", "target_outlet"]).size().rename("pairs").reset_index()
        result.table("reuse_between_outlets", "Who reuses whom: pairs of articles from one outlet (earlier) to another (later)", by_source.sort_values(["pairs", "source_outlet"], ascending=[False, True]))
        sizes = clusters.drop_duplicates("cluster")["size"].value_counts().sort_index().rename_axis("articles_in_cluster").reset_index(name="clusters")
        result.table("syndication_clusters", "Syndication clusters by size", sizes)
        agency = corpus.loc[corpus.get("outlet_type", pd.Series(dtype=str)).eq("wire"), "outlet"].unique() if "outlet_type" in corpus else []
        churn = reuse.churn(corpus, ordered, group=group, source_outlet=agency[0] if len(agency) else None, random_state=context.random_state)
        label = f"reusing {agency[0]}'s copy" if len(agency) else "reusing another outlet's text"
        result.table("churn", f"Churn: share of each {group.replace('_', ' ')}'s articles {label} (95% interval) and the mean share of their text reused", churn)
    copies = set(clusters.loc[~clusters["original"].astype(bool), "doc_id"])  # what deduplicate(policy="syndication") removes
    deduplicated = corpus[~corpus["doc_id"].astype(str).isin(copies)]
    counts = pd.DataFrame({"articles": corpus.groupby(group).size(), "after_deduplication": deduplicated.groupby(group).size()}).fillna(0).astype(int)
    counts["removed"] = counts["articles"] - counts["after_deduplication"]
    result.table("deduplication", f"What counting each story once does to the number of articles by {group.replace('_', ' ')}", counts.reset_index())
    return result
