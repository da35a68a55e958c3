"""How police and vigilantes are framed: dominant frames and tone toward actors."""

from __future__ import annotations

from presslens import plots
from presslens.report.context import ReportContext, Section, comparison_pair, section


@section(order=50)
def framing(context: ReportContext) -> Section:
    """Dominant frames by group and over time; tone toward vigilantes, police and tech firms.

    Examples
    --------
    >>> import pandas as pd
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching().head(20), pd.DataFrame(), "twenty articles")
    >>> framing(context).blocks[0].text
    'Too few articles for frames (at least 60 are needed).'
    """
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
    pair = comparison_pair(corpus, group)
    if pair is not None:
        differences = tone.tone_differences(article_tone, corpus, pair[0], pair[1], group=group, random_state=context.random_state)
        if len(differences):
            result.table("tone_differences", f"Tone difference, {pair[0]} minus {pair[1]} (95% bootstrap interval)", differences)
    return result
