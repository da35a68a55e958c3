"""The presslens report: every section's tables (CSV), figures (PNG) and an HTML index.

``build_report(corpus_path, out)`` loads a corpus, runs each registered section and
writes ``out/index.html``, ``out/tables/*.csv``, ``out/figures/*.png`` and
``out/manifest.json`` (what was read, with checksums, so every number traces back to
its file).  The report is deterministic: two runs on the same corpus write the same
tables.  Sections are plain functions registered with :func:`section`; later analyses
add theirs without touching the rest.  All corpus text is HTML-escaped.
"""

from __future__ import annotations

import hashlib
import html
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import matplotlib.pyplot as plt
import pandas as pd

import presslens
from presslens import plots
from presslens.corpus import (
    CorpusError,
    LoadResult,
    describe,
    join_outlets,
    load,
    neutralise_formulas,
    quarantine_summary,
    teaching_path,
)

LOAD_FORMATS = ("jsonl", "csv", "tsv", "parquet", "datapackage")


class OpenedCorpus(NamedTuple):
    """What :func:`open_corpus` returns."""

    corpus: pd.DataFrame        # the articles kept (pseudonymised unless asked not to)
    quarantine: pd.DataFrame    # rows that could not be used, with the reason
    parse_report: pd.DataFrame  # records expected, parsed and quarantined per source file
    mapping: pd.DataFrame       # names replaced and their pseudonyms: keep it under access control
    note: str                   # one sentence saying what was read and whether names were replaced


def _outlets_and_pseudonyms(corpus: pd.DataFrame, outlets, pseudonymise: bool, key: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Join outlet metadata, then replace private individuals' names (when asked):
    the last two steps of opening any corpus.  Returns the corpus and the name mapping."""
    if outlets is not None:
        corpus = join_outlets(corpus, outlets)
    mapping = pd.DataFrame(columns=["name", "pseudonym", "evidence"])
    if pseudonymise and len(corpus):
        from presslens.privacy import pseudonymise_corpus

        corpus, mapping, _ = pseudonymise_corpus(corpus, key=key)
    return corpus, mapping


def open_corpus(path=None, format: str = "auto", *, pseudonymise: bool = True, key: str = "presslens", dayfirst=None,
                columns: dict | None = None, outlets=None) -> OpenedCorpus:
    """Open a corpus the way every notebook and the report do: import it (any export
    :func:`presslens.importers.read_corpus` reads), add outlet metadata, and replace the
    names of private individuals with pseudonyms (by default).

    Parameters
    ----------
    path : path, optional
        A corpus file or folder, or an export; ``None`` is the teaching corpus.
    format : str
        ``auto``, ``nexis``, ``factiva``, ``mediacloud``, ``html``, ``tabular``, or one of
        :func:`presslens.corpus.load`'s formats (``jsonl``, ``csv``, ``tsv``, ``parquet``,
        ``datapackage``).
    pseudonymise : bool
        Replace private individuals' names (default).  ``False`` keeps them: only for
        work under an ethics approval that allows it.
    key : str
        The key of the pseudonyms; the same key gives the same pseudonyms.
    outlets : path or DataFrame, optional
        Outlet metadata keyed by ``outlet`` (e.g. ``outlet_type``), see
        :func:`presslens.corpus.join_outlets`.

    Example
    -------
    >>> opened = open_corpus()                     # the teaching corpus, pseudonymised
    >>> opened.note.startswith("1,500 articles")
    True
    """
    from presslens.importers import read_corpus

    label = "the teaching corpus" if path is None else str(path)
    path = teaching_path() if path is None else Path(path)
    if format in LOAD_FORMATS:
        from presslens.importers._common import report_from_load

        loaded = load(path, format=format, columns=columns, dayfirst=dayfirst)
        corpus, quarantine = loaded
        report = report_from_load(loaded, Path(path).name).assign(importer=format)
    else:
        corpus, quarantine, report = read_corpus(path, format, dayfirst=dayfirst, columns=columns)
    corpus, mapping = _outlets_and_pseudonyms(corpus, outlets, pseudonymise, key)
    note = (f"{len(corpus):,} articles ({len(quarantine):,} rows quarantined) from {label}. "
            + (f"Names of {len(mapping):,} private individuals replaced by pseudonyms." if pseudonymise
               else "Names have NOT been pseudonymised."))
    corpus.attrs["source"] = label
    corpus.attrs["pseudonymised"] = bool(pseudonymise)
    return OpenedCorpus(corpus, quarantine, report, mapping, note)


@dataclass
class Block:
    """One item of a section: a table, a figure or a paragraph of text."""

    kind: str  # "table", "figure" or "text"
    name: str
    title: str = ""
    table: pd.DataFrame | None = None
    figure: object = None
    text: str = ""


@dataclass
class Section:
    slug: str
    title: str
    intro: str = ""
    blocks: list[Block] = field(default_factory=list)

    def table(self, name: str, title: str, table: pd.DataFrame):
        self.blocks.append(Block("table", name, title, table=table))

    def figure(self, name: str, title: str, axes):
        self.blocks.append(Block("figure", name, title, figure=axes.figure))

    def text(self, text: str):
        self.blocks.append(Block("text", "", text=text))


class PandasAnalyses:
    """The report's heavy analyses in one process: the default engine.

    ``presslens.scale.report_engine.DaskAnalyses`` (``--engine dask``) has the same
    methods and runs them on a Dask cluster."""

    name = "pandas"

    def describe_engine(self) -> str:
        return "Engine: pandas (every analysis ran in one process)."

    def describe(self, corpus):
        return describe(corpus)

    def cluster_corpus(self, corpus, k=None, **options):
        from presslens.cluster import cluster_corpus

        return cluster_corpus(corpus, k, **options)

    def keyness(self, corpus, target, reference="rest", **options):
        from presslens.compare import keyness

        return keyness(corpus, target, reference, **options)

    def fightin_words(self, corpus, group_a=None, group_b=None, **options):
        from presslens.compare import fightin_words

        return fightin_words(corpus, group_a, group_b, **options)

    def volume(self, corpus, freq="W", **options):
        from presslens.timeline import volume

        return volume(corpus, freq, **options)

    def near_duplicates(self, corpus, **options):
        from presslens.reuse import near_duplicates

        return near_duplicates(corpus, **options)

    def close(self) -> None:
        pass


def analyses_engine(engine: str = "pandas", scheduler: str | None = None):
    """The report's engine: ``"pandas"`` (one process) or ``"dask"`` (presslens.scale on a
    local cluster, or on the cluster at ``scheduler``)."""
    if engine == "pandas":
        if scheduler:
            raise ValueError("a scheduler address needs engine='dask'")
        return PandasAnalyses()
    if engine == "dask":
        from presslens.scale.report_engine import DaskAnalyses

        return DaskAnalyses(scheduler)
    raise ValueError("engine must be 'pandas' or 'dask'")


@dataclass
class ReportContext:
    """What every section receives: the loaded corpus and the report's settings."""

    corpus: pd.DataFrame
    quarantine: pd.DataFrame
    source: str
    group_by: str = "outlet_type"
    random_state: int = 0
    cache: dict = field(default_factory=dict)  # results shared between sections (e.g. the clustering)
    analyses: PandasAnalyses = field(default_factory=PandasAnalyses)  # the engine running the heavy analyses

    def cleaned(self) -> pd.DataFrame:
        """The corpus cleaned of news noise, computed once and shared by every section."""
        if "cleaned" not in self.cache:
            from presslens.text import clean

            self.cache["cleaned"] = clean(self.corpus, progress=False).corpus
        return self.cache["cleaned"]

    def group(self, corpus: pd.DataFrame) -> str:
        """The grouping column, or ``outlet`` when the corpus lacks it."""
        return self.group_by if self.group_by in corpus else "outlet"

    def too_small(self, section: Section, what: str) -> bool:
        """True (and a note in the section) when there are too few articles for ``what``."""
        if len(self.corpus) < MIN_ARTICLES:
            section.text(f"Too few articles for {what} (at least {MIN_ARTICLES} are needed).")
            return True
        return False


SectionFunction = Callable[[ReportContext], Section]
MIN_ARTICLES = 60  # below this, analyses are skipped with a note rather than run on noise
_SECTIONS: list[tuple[int, SectionFunction]] = []


def section(order: int):
    """Register a report section; sections run in ``order``."""

    def register(function: SectionFunction) -> SectionFunction:
        _SECTIONS.append((order, function))
        _SECTIONS.sort(key=lambda item: item[0])
        return function

    return register


@section(order=10)
def corpus_overview(context: ReportContext) -> Section:
    """Articles by outlet and year, outlet types, lengths and the quarantine summary."""
    corpus = context.corpus
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


@section(order=20)
def kinds_of_coverage(context: ReportContext) -> Section:
    """Clusters (k chosen by internal criteria and stability) and NMF topics over time."""
    from presslens.topics import compare_topic_numbers, fit_topics, topic_prevalence

    result = Section("kinds", "Kinds of coverage")
    if context.too_small(result, "clustering"):
        return result
    corpus = context.cleaned()
    clustering = context.analyses.cluster_corpus(corpus, k=None, clean_first=False, random_state=context.random_state, progress=False)
    context.cache["clustering"] = clustering
    result.intro = (f"Articles were cleaned of news noise, represented by TF-IDF (English and news stop words, outlet names and "
                    f"proper nouns removed) reduced to 50 LSA dimensions, and grouped by k-means. {clustering.reason}")
    result.table("choose_k", "Choosing the number of clusters", clustering.k_table)
    result.figure("choose_k", "Criteria for each number of clusters", plots.plot_choose_k(clustering.k_table, recommended=clustering.k))
    summary = clustering.summary[["cluster", "name", "articles", "share", "top_terms", "typical_headlines", "top_group", "group_share", "group_lift", "median_year", "peak_year"]]
    result.table("clusters", "Clusters: top terms (c-TF-IDF) and the most typical headlines", summary)
    group = context.group(corpus)
    assignments = clustering.assignments().merge(corpus[["doc_id", group]], on="doc_id")
    by_group = pd.crosstab(assignments["cluster_name"], assignments[group], normalize="columns").round(3)
    result.table("clusters_by_group", f"Share of each {group.replace('_', ' ')}'s articles in each cluster", by_group.reset_index())
    result.figure("clusters_by_group", "Clusters by group", plots.plot_heatmap(by_group, title=f"Share of each {group.replace('_', ' ')}'s articles in each cluster", xlabel=group.replace("_", " "), ylabel="cluster"))
    names = {c: f"{c}: {n}" for c, n in zip(clustering.summary["cluster"], clustering.summary["name"], strict=True)}
    result.figure("article_map", "Articles in two dimensions", plots.plot_article_map(clustering.vectors, clustering.labels, names=names))
    candidates = compare_topic_numbers(clustering.corpus, (6, 8, 10, 12), random_state=context.random_state, drop_names=True)
    n_topics = int(candidates.sort_values(["npmi_document", "n_topics"], ascending=[False, True]).iloc[0]["n_topics"])
    result.table("topic_numbers", "Numbers of topics compared (NPMI coherence, diversity)", candidates)
    topics = fit_topics(clustering.corpus, n_topics, random_state=context.random_state, drop_names=True)
    words = topics.top_words[topics.top_words["rank"] <= 10].groupby("topic")["term"].apply(", ".join).reset_index(name="top_words")
    result.text(f"An NMF topic model with {n_topics} topics (the number with the highest document NPMI coherence among 6, 8, 10 and 12) "
                "describes each article as a mixture; the table gives each topic's ten top words and the figure its mean share of articles per year, "
                "with 95% bootstrap intervals.")
    result.table("topics", "Topics and their top words", words)
    over_time = topic_prevalence(topics, clustering.corpus, "year", n_boot=500, random_state=context.random_state)
    result.table("topic_prevalence_by_year", "Topic prevalence by year (mean share, 95% bootstrap interval)", over_time)
    result.figure("topic_prevalence_by_year", "Topic prevalence over time", plots.plot_prevalence_over_time(over_time, label_column="topic", title="Topic prevalence by year", ylabel="Mean topic share of articles"))
    return result


def _comparison_pair(corpus: pd.DataFrame, group: str) -> tuple[str, str] | None:
    values = corpus[group].value_counts()
    if {"tabloid", "broadsheet"} <= set(values.index):
        return "tabloid", "broadsheet"
    return (values.index[0], values.index[1]) if len(values) >= 2 else None


@section(order=30)
def how_outlets_differ(context: ReportContext) -> Section:
    """Keyness and Fightin' Words between two groups, cluster prevalence by group with
    intervals, a test of independence and the correspondence map."""
    from presslens import compare

    result = Section("outlets", "How outlets differ")
    if context.too_small(result, "comparisons"):
        return result
    corpus = context.cleaned()
    group = context.group(corpus)
    pair = _comparison_pair(corpus, group)
    if pair is None:
        result.text(f"Only one value of {group}: nothing to compare.")
        return result
    a, b = pair
    result.intro = (f"Words that distinguish {a} from {b} articles ({group}): log-likelihood G² with Hardie's Log Ratio as the effect size "
                    "(Benjamini-Hochberg adjusted p-values), and Monroe et al.'s Fightin' Words with an empirical-Bayes Dirichlet prior.")
    keys = context.analyses.keyness(corpus, a, b, group=group)
    columns = ["term", "n_target", "n_reference", "per_million_target", "per_million_reference", "g2", "log_ratio", "pct_diff", "sign", "p_adjusted"]
    over = keys[keys["sign"] == "+"].head(30)[columns].rename(columns={"n_target": f"n_{a}", "n_reference": f"n_{b}"})
    under = keys[keys["sign"] == "-"].head(30)[columns].rename(columns={"n_target": f"n_{a}", "n_reference": f"n_{b}"})
    result.table("keyness_over", f"Keywords of {a} against {b} (G²)", over.round(4))
    result.table("keyness_under", f"Keywords of {b} against {a} (G²)", under.round(4))
    words = context.analyses.fightin_words(corpus, a, b, group=group)
    result.table("fightin_words", f"Fightin' Words, {a} (positive z) against {b} (negative z): the 30 strongest each way",
                 pd.concat([words.head(30), words.tail(30)]).round(4))
    result.figure("fightin_words", "Fightin' Words", plots.plot_fightin_words(words, title=f"Fightin' Words: {a} against {b}", group_a=a, group_b=b))
    if "clustering" in context.cache:
        assignments = context.cache["clustering"].assignments().merge(corpus[list(dict.fromkeys(["doc_id", group, "outlet"]))], on="doc_id")
        shares = compare.prevalence(assignments, group, category="cluster_name", n_boot=1000, random_state=context.random_state)
        result.table("cluster_prevalence", f"Share of each {group}'s articles in each kind of coverage (95% bootstrap intervals)", shares)
        test, cells = compare.compare_groups(assignments, group, "cluster_name")
        result.text(f"Kinds of coverage are not independent of {group}: chi-square = {test['chi2'].iat[0]:.1f} on {int(test['dof'].iat[0])} degrees of freedom, "
                    f"p = {test['p'].iat[0]:.2g}, Cramér's V = {test['cramers_v'].iat[0]:.2f} (0 = no association, 1 = complete). "
                    "Cells with adjusted residuals beyond ±2 depart notably from independence.")
        result.table("cluster_by_group_residuals", "Observed and expected counts with adjusted standardised residuals", cells)
        table = pd.crosstab(assignments["outlet"], assignments["cluster_name"])
        ca = compare.correspondence(table)
        result.table("correspondence_inertia", "Correspondence analysis: inertia by dimension", ca["inertia"].round(4))
        result.table("correspondence_outlets", "Outlets on the correspondence map", ca["rows"].round(4).reset_index(names="outlet"))
        result.table("correspondence_clusters", "Kinds of coverage on the correspondence map", ca["columns"].round(4).reset_index(names="cluster"))
        result.figure("correspondence", "Correspondence map", plots.plot_correspondence(ca, title="Outlets and kinds of coverage (correspondence analysis)", row_label="outlets", column_label="kinds of coverage"))
    return result


@section(order=40)
def attention_over_time(context: ReportContext) -> Section:
    """Monthly volume (raw and as a share) of each kind of coverage; bursts with headlines."""
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


@section(order=50)
def framing(context: ReportContext) -> Section:
    """Dominant frames by group and over time; tone toward vigilantes, police and tech firms."""
    from presslens import compare, frames, timeline, tone

    result = Section("framing", "How police and vigilantes are framed")
    if context.too_small(result, "frames"):
        return result
    corpus = context.cleaned()
    group = context.group(corpus)
    dictionary = frames.load_dictionary()
    scores, dominant = frames.score_frames(corpus, dictionary=dictionary)
    result.intro = (f"Frames were measured with presslens's frame dictionary ({dictionary.name}, version {dictionary.version}): matches of each "
                    "frame's terms per 1,000 words, weighted by inverse document frequency; each article's dominant frame is the highest. "
                    "Shares carry 95% bootstrap intervals. Tone is the mean VADER compound score of the sentences that mention each actor; "
                    "in crime news absolute tone is mostly negative, so compare groups rather than reading single values.")
    framed = dominant.merge(corpus[["doc_id", group, "published"]], on="doc_id")
    shares = compare.prevalence(framed, group, category="dominant_frame", n_boot=1000, random_state=context.random_state)
    result.table("frames_by_group", f"Dominant frame by {group.replace('_', ' ')} (share of articles, 95% interval)", shares)
    result.figure("frames_by_group", "Dominant frames by group", plots.plot_heatmap(shares.pivot(index="category", columns="group", values="share"), title=f"Dominant frame by {group.replace('_', ' ')}", xlabel=group.replace("_", " "), ylabel="frame"))
    over_time = timeline.shares_over_time(framed, category="dominant_frame", freq="Y", window=1, n_boot=500, random_state=context.random_state)
    over_time["group"] = over_time["group"].dt.year
    result.table("frames_by_year", "Dominant frames by year (three-year moving window, 95% interval)", over_time)
    result.figure("frames_by_year", "Frames over time", plots.plot_prevalence_over_time(over_time, title="Dominant frames by year (three-year window)"))
    terms = scores[scores["matches"] > 0].groupby("frame")["terms"].apply(lambda t: "; ".join(t.head(3)))
    result.table("frame_dictionary_audit", "Frame dictionary: number of terms and example matches", dictionary.table().groupby(["dimension", "frame"]).size().rename("terms").reset_index().merge(terms.rename("example_matches").reset_index(), on="frame", how="left"))
    article_tone = tone.actor_tone(corpus)
    by_group = tone.tone_by_group(article_tone, corpus, group, n_boot=1000, random_state=context.random_state)
    result.table("tone_by_group", f"Tone toward actors by {group.replace('_', ' ')} (mean VADER compound, 95% interval)", by_group)
    pair = _comparison_pair(corpus, group)
    if pair is not None:
        differences = []
        for actor in sorted(article_tone["actor"].unique()):
            try:
                differences.append(tone.tone_difference(article_tone, corpus, actor, pair[0], pair[1], by=group, random_state=context.random_state))
            except ValueError:
                continue
        if differences:
            result.table("tone_differences", f"Tone difference, {pair[0]} minus {pair[1]} (95% bootstrap interval)", pd.concat(differences, ignore_index=True))
    return result


@section(order=60)
def who_is_quoted(context: ReportContext) -> Section:
    """Source profiles: share of quotes by speaker role, who is quoted first, organisations."""
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


@section(order=70)
def recycled_coverage(context: ReportContext) -> Section:
    """Near duplicates, syndication clusters, churn by outlet and what deduplication removes."""
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
        churn = reuse.churn(corpus, ordered, by=group, source_outlet=agency[0] if len(agency) else None, random_state=context.random_state)
        label = f"reusing {agency[0]}'s copy" if len(agency) else "reusing another outlet's text"
        result.table("churn", f"Churn: share of each {group.replace('_', ' ')}'s articles {label} (95% interval) and the mean share of their text reused", churn)
    copies = set(clusters.loc[~clusters["original"].astype(bool), "doc_id"])  # what deduplicate(policy="syndication") removes
    deduplicated = corpus[~corpus["doc_id"].astype(str).isin(copies)]
    counts = pd.DataFrame({"articles": corpus.groupby(group).size(), "after_deduplication": deduplicated.groupby(group).size()}).fillna(0).astype(int)
    counts["removed"] = counts["articles"] - counts["after_deduplication"]
    result.table("deduplication", f"What counting each story once does to the number of articles by {group.replace('_', ' ')}", counts.reset_index())
    return result


@section(order=80)
def statistics_that_travel(context: ReportContext) -> Section:
    """Numeric claims, the statistics repeated most, and how repeats differ from the first mention."""
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


_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } img { max-width: 100%; } .note { color: #555; font-size: .9rem; }
nav a { margin-right: 1rem; }
"""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _data_files(path: Path) -> list[Path]:
    if path.is_file():
        if path.name == "datapackage.json":
            return [path, *_data_files(path.parent)[1:]]
        return [path]
    files = [p for p in sorted(path.glob("*")) if p.is_file() and p.suffix in (".json", ".jsonl", ".gz", ".csv", ".tsv", ".parquet")]
    files += sorted((path / "articles").glob("*.jsonl")) if (path / "articles").is_dir() else []
    return files


def render_html(sections: list[Section], context: ReportContext, figure_paths: dict[str, str]) -> str:
    """The report's HTML page; all text is escaped."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src \'self\'; style-src \'unsafe-inline\'">',
        f"<title>presslens report: {esc(context.source)}</title><style>{_CSS}</style></head><body>",
        "<h1>presslens report</h1>",
        f'<p class="note">Corpus: <code>{esc(context.source)}</code>. presslens {esc(presslens.__version__)}. '
        "Tables are in <code>tables/</code> as CSV, figures in <code>figures/</code>; <code>manifest.json</code> records the files read and their checksums. "
        + esc(context.analyses.describe_engine()) + " "
        + ("The names of private individuals (people accused or targeted, relatives, bystanders) have been replaced by pseudonyms." if context.cache.get("pseudonymised")
           else "Names have NOT been pseudonymised.") + "</p>",
        "<nav>" + "".join(f'<a href="#{esc(s.slug)}">{esc(s.title)}</a>' for s in sections) + "</nav>",
    ]
    for sec in sections:
        parts.append(f'<section id="{esc(sec.slug)}"><h2>{esc(sec.title)}</h2>')
        if sec.intro:
            parts.append(f"<p>{esc(sec.intro)}</p>")
        for block in sec.blocks:
            if block.kind == "text":
                parts.append(f"<p>{esc(block.text)}</p>")
            elif block.kind == "table":
                parts.append(f"<h3>{esc(block.title)}</h3>")
                parts.append(block.table.to_html(index=False, escape=True, border=0, na_rep=""))
                parts.append(f'<p class="note">Table: <a href="tables/{esc(block.name)}.csv">tables/{esc(block.name)}.csv</a></p>')
            elif block.kind == "links":
                items = "".join(f'<li><a href="{esc(row.html)}">{esc(row.notebook)}</a> ({esc(row.status)})</li>' for row in block.table.itertuples())
                parts.append(f"<h3>{esc(block.title)}</h3><ul>{items}</ul>")
            elif block.kind == "figure":
                parts.append(f'<figure><img src="{esc(figure_paths[block.name])}" alt="{esc(block.title)}"><figcaption class="note">{esc(block.title)}</figcaption></figure>')
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _files_read(path: Path, importer: str) -> list[Path]:
    """The files a corpus was read from, for the manifest's checksums."""
    if path.is_file():
        return _data_files(path)
    if importer in LOAD_FORMATS or importer == "tabular":
        return _data_files(path)
    return sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))


def _digest(files: list[Path], root: Path) -> tuple[list[dict], str]:
    listed = [{"file": str(f.relative_to(root)) if root.is_dir() and f.is_relative_to(root) else f.name, "sha256": _sha256(f)} for f in files]
    combined = hashlib.sha256("".join(f"{item['file']}:{item['sha256']}\n" for item in listed).encode()).hexdigest()
    return listed, combined


def with_provenance(table: pd.DataFrame, corpus: pd.DataFrame, source: str, digest: str) -> pd.DataFrame:
    """A report table with its provenance: every row names the corpus and the checksum of
    the files it was read from (``corpus``, ``corpus_sha256``); rows about one article
    (a ``doc_id`` column) also name its source file and record number."""
    out = table.copy()
    if "doc_id" in out.columns and "source_file" not in out.columns and {"source_file", "record_no"} <= set(corpus.columns):
        where = corpus.drop_duplicates("doc_id").set_index("doc_id")
        out["source_file"] = out["doc_id"].map(where["source_file"])
        out["record_no"] = out["doc_id"].map(where["record_no"]).astype("Int64")
    out["corpus"] = Path(source).name if source and not source.startswith("<") else source  # never the absolute path on the user's machine
    out["corpus_sha256"] = digest
    return out


_NOTEBOOK_CSS = _CSS + """
.prompt { display: none; } .input_area, .highlight { background: #f7f7f7; font-size: .85rem; overflow-x: auto; }
.output_area pre, .output_subarea pre { font-size: .85rem; white-space: pre-wrap; } .output_stderr { background: #fff4f4; }
.output_error pre { background: #fdd; } .rendered_html table { font-size: .8rem; }
"""


def render_notebook_html(notebook_path, title: str, index_href: str = "../index.html") -> str:
    """A notebook as a standalone HTML page: nbconvert's ``basic`` template (no scripts, no
    external resources), images embedded, under a Content-Security-Policy that forbids
    every script, so no text from a corpus can run in the reader's browser."""
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(str(notebook_path), as_version=4)
    body, _ = HTMLExporter(template_name="basic").from_notebook_node(notebook)
    esc = html.escape
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src \'self\' data:; style-src \'unsafe-inline\'">',
        f"<title>{esc(title)}</title><style>{_NOTEBOOK_CSS}</style></head><body>",
        f'<p class="note"><a href="{esc(index_href)}">Back to the report</a></p>',
        body,
        "</body></html>",
    ]) + "\n"


def run_notebooks(notebooks, out, parameters: dict, *, kernel_name: str = "python3", timeout: int = 900, progress: bool = True) -> pd.DataFrame:
    """Run every numbered notebook (``NN_*.ipynb``) through papermill with ``parameters``,
    save the executed copies and their HTML under ``out/notebooks/``, and return one row per
    notebook: ``notebook``, ``status`` (``ok`` or ``failed``), ``failed_cell`` (execution
    count of the cell that raised), ``error``, and the paths written.

    A notebook that fails is reported with its cell and error; the others still run, and
    the failed notebook is still rendered up to the failing cell (papermill marks it).
    Progress (one line per notebook, with its time) goes to standard error.

    Example
    -------
    >>> run_notebooks("notebooks", "reports/mine", {"CORPUS": "exports/", "FORMAT": "nexis"})  # doctest: +SKIP
    """
    import logging
    import sys

    import papermill
    from papermill.exceptions import PapermillExecutionError

    # papermill warns about parameter cells it cannot type-check ("None  # comment") and
    # about parameters a notebook does not declare (each notebook declares only the ones
    # it uses); neither matters here, and the warnings would drown the progress lines
    logging.getLogger("papermill").setLevel(logging.ERROR)

    notebooks, out = Path(notebooks), Path(out)
    folder = out / "notebooks"
    work = folder / "work"  # the notebooks' working directory (they may write scratch files)
    work.mkdir(parents=True, exist_ok=True)
    paths = sorted(p for p in notebooks.glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        raise CorpusError(notebooks, "holds no numbered notebooks (NN_name.ipynb)", "pass the repository's notebooks/ folder")
    rows = []
    for number, path in enumerate(paths, start=1):
        executed, rendered = folder / path.name, folder / f"{path.stem}.html"
        started = time.perf_counter()
        row = {"notebook": path.stem, "status": "ok", "failed_cell": pd.NA, "error": "", "executed": f"notebooks/{path.name}", "html": f"notebooks/{path.stem}.html"}
        if progress:
            print(f"[{number}/{len(paths)}] {path.stem} ...", end="", file=sys.stderr, flush=True)
        try:
            papermill.execute_notebook(str(path), str(executed), parameters=parameters, kernel_name=kernel_name, progress_bar=False,
                                       cwd=str(work), execution_timeout=timeout, log_output=False)
        except PapermillExecutionError as error:
            row.update(status="failed", failed_cell=error.exec_count, error=f"{error.ename}: {error.evalue}"[:500])
        except Exception as error:  # the kernel died, timed out, or the notebook is unreadable
            row.update(status="failed", error=f"{type(error).__name__}: {error}"[:500])
        if executed.exists():
            rendered.write_text(render_notebook_html(executed, f"presslens: {path.stem}"), encoding="utf-8")
        else:
            row["html"] = ""
        if progress:
            detail = "" if row["status"] == "ok" else f" in cell [{row['failed_cell']}]: {row['error']}"
            print(f" {row['status']} ({time.perf_counter() - started:.0f} s){detail}", file=sys.stderr, flush=True)
        rows.append(row)
    table = pd.DataFrame(rows)
    table["failed_cell"] = table["failed_cell"].astype("Int64")
    return table


def build_report(
    corpus,
    out="reports/teaching",
    *,
    format: str = "auto",
    group_by: str = "outlet_type",
    random_state: int = 0,
    load_options: dict | None = None,
    outlets=None,
    pseudonymise: bool = True,
    key: str = "presslens",
    notebooks=None,
    progress: bool | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
) -> Path:
    """Build the report for a corpus and return the path of its ``index.html``.

    Parameters
    ----------
    corpus : path or LoadResult
        A corpus file or folder, or an export (anything
        :func:`presslens.importers.read_corpus` reads), or an already loaded
        ``(corpus, quarantine)`` pair.
    out : path
        Folder to write; created if needed.
    format : str
        ``auto`` (detect), ``nexis``, ``factiva``, ``mediacloud``, ``html``, ``tabular``,
        or a :func:`presslens.corpus.load` format.
    group_by : str
        The grouping column for comparisons (``outlet_type`` or ``outlet``).
    load_options : dict
        ``dayfirst`` and ``columns`` (a mapping of your column names).
    outlets : path or DataFrame, optional
        Outlet metadata (``outlet``, ``outlet_type``...) to join; see
        :func:`presslens.corpus.join_outlets`.
    pseudonymise : bool
        Replace the names of private individuals (defendants, people targeted by stings,
        relatives, bystanders) with stable pseudonyms before any analysis (default).
    key : str
        The key of the pseudonyms (the same key gives the same pseudonyms).
    notebooks : path, optional
        A folder of numbered notebooks to run through papermill on the same corpus and
        render beside the report (see :func:`run_notebooks`).
    engine : {"pandas", "dask"}
        Where the heavy analyses run (overview counts, clustering, keyness, volume, near
        duplicates): in this process (default), or through :mod:`presslens.scale` on a
        Dask cluster; the report says which.
    scheduler : str, optional
        With ``engine="dask"``, the address of a running Dask scheduler; without it a
        local cluster is started for the report.

    Every CSV carries its provenance (:func:`with_provenance`); ``manifest.json`` lists
    the files read with their checksums, the parse report and the notebook runs.

    Example
    -------
    >>> build_report("corpus/teaching", "reports/teaching")   # doctest: +SKIP
    PosixPath('reports/teaching/index.html')
    """

    options = dict(load_options or {})
    if "format" in options:  # older callers passed the format among the load options
        format = options.pop("format") or format
    if isinstance(corpus, LoadResult):
        frame, quarantine = corpus
        source = frame.attrs.get("source", "<table>")
        frame, mapping = _outlets_and_pseudonyms(frame, outlets, pseudonymise, key)
        parse_report = pd.DataFrame([{"source_file": source, "expected": len(frame) + len(quarantine), "parsed": len(frame),
                                      "quarantined": len(quarantine), "importer": "table"}])
        files, root, corpus_arg = [], Path("."), None
    else:
        root = Path(corpus)
        opened = open_corpus(root, format, pseudonymise=pseudonymise, key=key, outlets=outlets, **options)
        frame, quarantine, parse_report, mapping = opened.corpus, opened.quarantine, opened.parse_report, opened.mapping
        source, corpus_arg = str(corpus), root
        files = _files_read(root, str(parse_report["importer"].iat[0]) if len(parse_report) else "tabular")
    listed, digest = _digest(files, root)
    out = Path(out)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    context = ReportContext(frame, quarantine, source, group_by, random_state, analyses=analyses_engine(engine, scheduler))
    context.cache["pseudonymised"] = bool(pseudonymise)
    try:
        return _write_report(context, out, format=format, parse_report=parse_report, corpus_arg=corpus_arg, options=options, listed=listed,
                             digest=digest, mapping=mapping, pseudonymise=pseudonymise, notebooks=notebooks, progress=progress)
    finally:
        context.analyses.close()


def _write_report(context: ReportContext, out: Path, *, format, parse_report, corpus_arg, options, listed, digest, mapping, pseudonymise, notebooks, progress) -> Path:
    from presslens._progress import progress_bar

    frame, quarantine, source, group_by, random_state = context.corpus, context.quarantine, context.source, context.group_by, context.random_state
    sections, figure_paths, tables = [], {}, []
    bar = progress_bar(total=len(_SECTIONS), desc="report sections", unit="section", enabled=progress, min_items=0)
    for _, function in _SECTIONS:
        sec = function(context)
        if sec.slug == "corpus":
            sec.table("parse_report", "Records expected, parsed and quarantined per source file", parse_report)
        sections.append(sec)
        bar.update(1)
    bar.close()
    runs = None
    if notebooks is not None:
        if corpus_arg is None:
            raise CorpusError(source, "is an in-memory table; the notebooks can only rerun on a corpus file or folder", "save it with presslens.corpus.save and pass the path")
        is_teaching = corpus_arg is not None and corpus_arg.resolve() == teaching_path().resolve()
        # the teaching corpus is passed as None, so the notebooks also score against its labels
        parameters = {"CORPUS": None if is_teaching else str(corpus_arg.resolve()), "FORMAT": format, "GROUP": group_by,
                      "PSEUDONYMISE": bool(pseudonymise), "RANDOM_STATE": random_state}
        if options.get("dayfirst") is not None:
            parameters["DAYFIRST"] = options["dayfirst"]
        runs = run_notebooks(notebooks, out, parameters, progress=progress is not False)
        failed = runs[runs["status"] != "ok"]
        notebooks_section = Section("notebooks", "The notebooks, rerun on this corpus",
                                    f"Every tutorial notebook was run through papermill with this corpus and grouping as parameters. "
                                    f"{len(runs) - len(failed)} of {len(runs)} ran to the end"
                                    + (f"; {len(failed)} failed (the table names the cell and the error; the rendered notebook stops there)." if len(failed) else "."))
        notebooks_section.blocks.append(Block("links", "notebooks", "Rendered notebooks",
                                              table=runs[runs["html"] != ""][["notebook", "html", "status"]]))
        notebooks_section.table("notebook_runs", "Notebook runs", runs[["notebook", "status", "failed_cell", "error", "executed", "html"]])
        sections.append(notebooks_section)
    for sec in sections:
        for block in sec.blocks:
            if block.kind == "table":
                table = with_provenance(block.table, frame, source, digest)
                neutralise_formulas(table).to_csv(out / "tables" / f"{block.name}.csv", index=False, lineterminator="\n")
                tables.append(f"tables/{block.name}.csv")
            elif block.kind == "figure":
                relative = f"figures/{block.name}.png"
                block.figure.savefig(out / relative, dpi=110, metadata={"Software": None})
                plt.close(block.figure)
                figure_paths[block.name] = relative
    manifest = {
        "presslens_version": presslens.__version__,
        "corpus": source,
        "format": format,
        "files_read": listed,
        "corpus_sha256": digest,
        "parse_report": parse_report.to_dict("records"),
        "rows_read": len(frame) + len(quarantine),
        "rows_kept": len(frame),
        "rows_quarantined": len(quarantine),
        "group_by": group_by,
        "random_state": random_state,
        "engine": context.analyses.name,
        "pseudonymised": bool(pseudonymise),
        "private_names_replaced": len(mapping),
        "tables": tables,
        "figures": sorted(figure_paths.values()),
        "notebooks": runs[["notebook", "status", "failed_cell", "error"]].astype(object).where(runs[["notebook", "status", "failed_cell", "error"]].notna(), None).to_dict("records") if runs is not None else [],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
    index = out / "index.html"
    index.write_text(render_html(sections, context, figure_paths), encoding="utf-8")
    return index
