"""Tone toward actors: VADER sentence sentiment in sentences that mention an actor.

``sentence_tone`` scores sentences with VADER (Hutto & Gilbert 2014; its lexicon ships
with the ``vaderSentiment`` package, nothing is downloaded).  ``actor_tone`` keeps the
sentences that mention an actor (vigilante groups, police, tech firms, or any terms you
give) and averages their compound scores per article; ``tone_by_group``,
``tone_difference`` and ``tone_differences`` (every actor both groups mention) compare
groups with bootstrap intervals over articles.

Limits, for news: VADER was built for social media.  Crime reporting is full of negative
words (offence, abuse, jailed) whatever its stance toward an actor, so absolute scores
are mostly negative and mean little; compare *relative* tone between groups or periods,
on the same actor, and read the sentences behind a figure.  A sentence mentioning two
actors gives both the same score.

Reference: Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for
sentiment analysis of social media text. *ICWSM 2014*, 216-225.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from presslens._compat import renamed_parameters

DEFAULT_ACTORS = {
    "vigilantes": [r"hunters?", r"vigilantes?", r"vigilantism", r"hunter groups?", r"paedophile hunters?", r"the group", r"volunteers?",
                   r"decoys?", r"stings?"],
    "police": [r"police", r"officers?", r"detectives?", r"constabulary", r"the force", r"chief constable", r"policing"],
    "tech firms": [r"platforms?", r"apps?", r"tech (?:firms?|companies|company|giants?)", r"social media (?:firms?|companies)", r"the company"],
}


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentence_tone(sentence: str) -> float:
    """VADER compound score of one sentence, from -1 (most negative) to 1.

    Example
    -------
    >>> sentence_tone("The brave volunteers were praised.") > 0 > sentence_tone("The reckless mob attacked him.")
    True
    """
    return float(_analyzer().polarity_scores(sentence)["compound"])


def _actor_patterns(actors: dict | None, organisations: bool = True) -> dict[str, re.Pattern]:
    actors = {k: list(v) for k, v in (actors or DEFAULT_ACTORS).items()}
    if organisations and actors is not None:
        from presslens.quotes import gazetteer

        role_to_actor = {"vigilante": "vigilantes", "police": "police", "tech": "tech firms"}
        for name, role in gazetteer().get("organisations", {}).items():
            actor = role_to_actor.get(role)
            if actor in actors:
                actors[actor].append(re.escape(name.lower()))
    return {actor: re.compile(r"(?<![\w-])(?:" + "|".join(terms) + r")(?![\w-])", re.IGNORECASE) for actor, terms in actors.items()}


def actor_sentences(corpus: pd.DataFrame, actors: dict | None = None, *, text: str = "text", organisations: bool = True, progress: bool | None = None) -> pd.DataFrame:
    """Every sentence that mentions an actor, with its VADER compound score.

    ``actors`` maps an actor name to regular expressions (word-boundary matched,
    case-insensitive); by default vigilante groups, police and tech firms, plus the
    organisations of the actors gazetteer.  Returns ``doc_id``, ``actor``, ``sentence``,
    ``tone``.
    """
    from presslens._progress import progress_bar
    from presslens.text import sentences

    patterns = _actor_patterns(actors, organisations)
    rows = []
    bar = progress_bar(total=len(corpus), desc="tone", unit="article", enabled=progress)
    for doc_id, value in corpus[["doc_id", text]].itertuples(index=False, name=None):
        for sentence in sentences(value):
            hits = [actor for actor, pattern in patterns.items() if pattern.search(sentence)]
            if hits:
                tone = sentence_tone(sentence)
                rows.extend((doc_id, actor, sentence, tone) for actor in hits)
        bar.update(1)
    bar.close()
    return pd.DataFrame(rows, columns=["doc_id", "actor", "sentence", "tone"])


def actor_tone(corpus: pd.DataFrame, actors: dict | None = None, *, text: str = "text", organisations: bool = True, progress: bool | None = None) -> pd.DataFrame:
    """Mean tone of the sentences mentioning each actor, per article.

    Returns ``doc_id``, ``actor``, ``sentences`` and ``tone`` (mean compound score).

    Example
    -------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": [
    ...     "A paedophile hunter group said its volunteers were brave and proud.",
    ...     "Police warned that vigilante stings could put lives at risk."]})
    >>> actor_tone(corpus)
      doc_id       actor  sentences    tone
    0      a  vigilantes          1  0.7579
    1      b      police          1 -0.4939
    2      b  vigilantes          1 -0.4939
    """
    found = actor_sentences(corpus, actors, text=text, organisations=organisations, progress=progress)
    # articles in corpus order (first appearance), actors sorted within each: bootstraps over
    # this table then depend on the corpus, not on the names of its documents
    found = found.assign(_position=pd.factorize(found["doc_id"])[0])
    return found.groupby(["_position", "doc_id", "actor"], sort=True).agg(sentences=("tone", "size"), tone=("tone", "mean")).reset_index().drop(columns="_position")


@renamed_parameters(by="group")
def tone_by_group(tone: pd.DataFrame, corpus: pd.DataFrame, group: str = "outlet_type", *, n_boot: int = 1000, random_state: int = 0) -> pd.DataFrame:
    """Mean article tone toward each actor within each group, with bootstrap intervals
    (articles resampled within the group).  Returns ``group``, ``actor``, ``tone``,
    ``lower``, ``upper``, ``articles``."""
    from presslens.compare import prevalence

    table = tone.merge(corpus[["doc_id", group]], on="doc_id")
    parts = []
    for actor, part in table.groupby("actor", sort=True):
        result = prevalence(part, group, columns=["tone"], n_boot=n_boot, random_state=random_state)
        parts.append(result.drop(columns="category").rename(columns={"share": "tone"}).assign(actor=actor))
    out = pd.concat(parts, ignore_index=True)
    return out[["group", "actor", "tone", "lower", "upper", "articles"]]


@renamed_parameters(by="group")
def tone_difference(tone: pd.DataFrame, corpus: pd.DataFrame, actor: str, group_a, group_b, *, group: str = "outlet_type", n_boot: int = 2000,
                    random_state: int = 0) -> pd.DataFrame:
    """Difference in mean article tone toward ``actor`` between two groups (A minus B),
    with a percentile bootstrap interval (articles resampled within each group)."""
    table = tone[tone["actor"] == actor].merge(corpus[["doc_id", group]], on="doc_id")
    a = table.loc[table[group] == group_a, "tone"].to_numpy()
    b = table.loc[table[group] == group_b, "tone"].to_numpy()
    if len(a) == 0 or len(b) == 0:
        raise ValueError(f"no {actor} sentences in one of the groups {group_a!r}, {group_b!r}")
    rng = np.random.default_rng(random_state)
    boot = rng.choice(a, (n_boot, len(a))).mean(axis=1) - rng.choice(b, (n_boot, len(b))).mean(axis=1)
    lower, upper = np.quantile(boot, [0.025, 0.975])
    return pd.DataFrame([{"actor": actor, "group_a": group_a, "group_b": group_b, "tone_a": a.mean(), "tone_b": b.mean(),
                          "difference": a.mean() - b.mean(), "lower": lower, "upper": upper, "articles_a": len(a), "articles_b": len(b)}]).round(4)


def tone_differences(tone: pd.DataFrame, corpus: pd.DataFrame, group_a, group_b, *, actors=None, group: str = "outlet_type",
                     n_boot: int = 2000, random_state: int = 0) -> pd.DataFrame:
    """:func:`tone_difference` for each actor that both groups mention, one row per actor.

    An actor that one of the groups never mentions has no difference to estimate and is
    left out, so a thin corpus (or a rare actor) gives fewer rows instead of an error.

    Parameters
    ----------
    tone : DataFrame
        Article tone toward actors, from :func:`actor_tone`.
    corpus : DataFrame
        The articles, with ``doc_id`` and ``group``.
    group_a, group_b
        The two values of ``group`` to compare (A minus B).
    actors : list of str, optional
        The actors, in the order of the rows; default every actor in ``tone``, sorted.
    group : str
        The grouping column.
    n_boot, random_state : int
        As for :func:`tone_difference` (each actor's bootstrap starts from ``random_state``).

    Returns
    -------
    DataFrame
        The columns of :func:`tone_difference`; empty when no actor is in both groups.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet_type": ["tabloid", "tabloid", "broadsheet", "broadsheet"]})
    >>> scores = pd.DataFrame({"doc_id": ["a", "b", "c", "d", "a"], "actor": ["police"] * 4 + ["vigilantes"],
    ...                        "tone": [0.4, 0.2, -0.1, 0.1, 0.5]})
    >>> tone_differences(scores, corpus, "tabloid", "broadsheet")[["actor", "difference", "articles_a", "articles_b"]]
        actor  difference  articles_a  articles_b
    0  police         0.3           2           2
    """
    table = tone.merge(corpus[["doc_id", group]], on="doc_id")
    mentioned = table[table[group].isin([group_a, group_b])].groupby("actor")[group].nunique()
    rows = [tone_difference(tone, corpus, actor, group_a, group_b, group=group, n_boot=n_boot, random_state=random_state)
            for actor in (sorted(tone["actor"].unique()) if actors is None else actors) if mentioned.get(actor, 0) == 2]
    if not rows:
        return pd.DataFrame(columns=["actor", "group_a", "group_b", "tone_a", "tone_b", "difference", "lower", "upper", "articles_a", "articles_b"])
    return pd.concat(rows, ignore_index=True)
