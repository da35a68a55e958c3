"""How outlets differ: keyness, Fightin' Words, cluster prevalence and correspondence analysis."""

from __future__ import annotations

import pandas as pd

from presslens import plots
from presslens.report.context import ReportContext, Section, comparison_pair, section


@section(order=30)
def how_outlets_differ(context: ReportContext) -> Section:
    """Keyness and Fightin' Words between two groups, cluster prevalence by group with
    intervals, a test of independence and the correspondence map.

    Examples
    --------
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(), "twenty articles")
    >>> how_outlets_differ(context).blocks[0].text
    'Too few articles for comparisons (at least 60 are needed).'
    """
    from presslens import compare

    result = Section("outlets", "How outlets differ")
    if context.too_small(result, "comparisons"):
        return result
    corpus = context.cleaned()
    group = context.group(corpus)
    pair = comparison_pair(corpus, group)
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
