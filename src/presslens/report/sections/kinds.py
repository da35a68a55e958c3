"""Kinds of coverage: clusters of articles and topics over time."""

from __future__ import annotations

import warnings

import pandas as pd

from presslens import plots
from presslens.cluster import EdgeOfRangeWarning
from presslens.report.context import ReportContext, Section, section

# The numbers of topics compared; among those whose topics are near the most stable under
# resampling, the best coherence x diversity is taken (presslens.topics.recommend_topics; issue 18).
TOPIC_NUMBERS = (4, 6, 8, 10, 12)


@section(order=20)
def kinds_of_coverage(context: ReportContext) -> Section:
    """Clusters (k chosen by internal criteria and stability) and NMF topics over time.

    Examples
    --------
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(), "twenty articles")
    >>> kinds_of_coverage(context).blocks[0].text
    'Too few articles for clustering (at least 60 are needed).'
    """
    from presslens.topics import (
        compare_topic_numbers,
        fit_topics,
        recommend_topics,
        topic_prevalence,
    )

    result = Section("kinds", "Kinds of coverage")
    if context.too_small(result, "clustering"):
        return result
    corpus = context.cleaned()
    group = context.group(corpus)
    clustering = context.analyses.cluster_corpus(corpus, k=None, clean_first=False, random_state=context.random_state, progress=False, group=group)
    context.cache["clustering"] = clustering
    result.intro = (f"Articles were cleaned of news noise, represented by TF-IDF (English and news stop words, outlet names and "
                    f"proper nouns removed) reduced to 50 LSA dimensions, and grouped by k-means. {clustering.reason}")
    result.table("choose_k", "Choosing the number of clusters", clustering.k_table)
    result.figure("choose_k", "Criteria for each number of clusters", plots.plot_choose_k(clustering.k_table, recommended=clustering.k))
    summary = clustering.summary[["cluster", "name", "articles", "share", "top_terms", "typical_headlines", "top_group", "group_share", "group_lift", "median_year", "peak_year"]]
    result.table("clusters", "Clusters: top terms (c-TF-IDF) and the most typical headlines", summary)
    assignments = clustering.assignments().merge(corpus[["doc_id", group]], on="doc_id")
    by_group = pd.crosstab(assignments["cluster_name"], assignments[group], normalize="columns").round(3)
    result.table("clusters_by_group", f"Share of each {group.replace('_', ' ')}'s articles in each cluster", by_group.reset_index())
    result.figure("clusters_by_group", "Clusters by group", plots.plot_heatmap(by_group, title=f"Share of each {group.replace('_', ' ')}'s articles in each cluster", xlabel=group.replace("_", " "), ylabel="cluster"))
    names = {c: f"{c}: {n}" for c, n in zip(clustering.summary["cluster"], clustering.summary["name"], strict=True)}
    result.figure("article_map", "Articles in two dimensions", plots.plot_article_map(clustering.vectors, clustering.labels, names=names))
    try:
        candidates = compare_topic_numbers(clustering.corpus, TOPIC_NUMBERS, random_state=context.random_state, drop_names=True)
    except ValueError as error:  # a vocabulary smaller than the numbers of topics tried
        result.text(f"No topic model: the corpus's vocabulary is too small for {TOPIC_NUMBERS[0]} to {TOPIC_NUMBERS[-1]} topics ({error}).")
        return result
    with warnings.catch_warnings():  # an edge of the range is said in the reason, printed below
        warnings.simplefilter("ignore", EdgeOfRangeWarning)
        n_topics, reason = recommend_topics(candidates)
    result.table("topic_numbers", "Numbers of topics compared (stability screens, coherence x diversity decides)", candidates)
    topics = fit_topics(clustering.corpus, n_topics, random_state=context.random_state, drop_names=True)
    words = topics.top_words[topics.top_words["rank"] <= 10].groupby("topic")["term"].apply(", ".join).reset_index(name="top_words")
    result.text(f"An NMF topic model describes each article as a mixture of topics. {reason} The table gives each topic's ten top words "
                "and the figure its mean share of articles per year, with 95% bootstrap intervals.")
    result.table("topics", "Topics and their top words", words)
    over_time = topic_prevalence(topics, clustering.corpus, "year", n_boot=500, random_state=context.random_state)
    result.table("topic_prevalence_by_year", "Topic prevalence by year (mean share, 95% bootstrap interval)", over_time)
    result.figure("topic_prevalence_by_year", "Topic prevalence over time", plots.plot_prevalence_over_time(over_time, label_column="topic", title="Topic prevalence by year", ylabel="Mean topic share of articles"))
    return result
