"""What a corpus is too small or too thin to answer, said in one sentence instead of a crash.

:func:`usable_group` picks the grouping column a corpus can use (no ``outlet_type``
column: group by outlet); :func:`enough` says whether a corpus has the articles and the
groups a question needs; :func:`two_groups` picks the two groups a comparison can use
(tabloids and broadsheets when both are there, else the two largest).  The notebooks call these right after opening the corpus, before
any report exists, so the same notebook runs on the teaching corpus and on a thin corpus of
one outlet and a few dozen articles; the report's sections call them too
(``presslens.report.usable_group`` and ``presslens.report.enough`` re-export them).
"""

from __future__ import annotations

import pandas as pd


def usable_group(corpus: pd.DataFrame, group: str, *, quiet: bool = False) -> str:
    """The grouping column to use: ``group`` when the corpus has it with at least one
    value, else ``outlet`` (every corpus has it), saying why unless ``quiet``.

    Parameters
    ----------
    corpus : DataFrame
        The opened corpus.
    group : str
        The grouping column asked for (a notebook's ``GROUP`` parameter, ``--group-by``).
    quiet : bool
        Do not print the sentence explaining a fallback.

    Returns
    -------
    str
        ``group`` or ``"outlet"``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": ["Ledger", "Courier"], "text": ["a", "b"]})
    >>> usable_group(corpus, "outlet_type")
    This corpus has no 'outlet_type' column (pass an outlets file with it to compare outlet types); grouping by outlet instead.
    'outlet'
    >>> usable_group(corpus.assign(outlet_type=["daily", "daily"]), "outlet_type")
    'outlet_type'
    """
    if group in corpus and corpus[group].notna().any():
        return group
    if not quiet:
        missing = "no" if group not in corpus else "an empty"
        print(f"This corpus has {missing} {group!r} column (pass an outlets file with it to compare outlet types); grouping by outlet instead.")
    return "outlet"


def enough(corpus: pd.DataFrame, what: str, *, minimum: int = 60, column: str | None = None, groups: int = 1) -> bool:
    """True when ``corpus`` can answer ``what``: at least ``minimum`` articles and, with
    ``column``, at least ``groups`` distinct values in it; otherwise print one sentence
    saying why ``what`` is skipped and return False.

    Parameters
    ----------
    corpus : DataFrame
        The articles.
    what : str
        What would be computed, for the sentence (e.g. ``"a comparison of outlets"``).
    minimum : int
        The fewest articles the analysis needs.
    column, groups : str, int
        A column that must hold at least ``groups`` distinct values.

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": ["Ledger"] * 3})
    >>> enough(corpus, "clustering")
    Skipped: clustering needs at least 60 articles; this corpus has 3.
    False
    >>> enough(corpus, "a comparison of outlets", minimum=2, column="outlet", groups=2)
    Skipped: a comparison of outlets needs at least 2 values of 'outlet'; this corpus has 1.
    False
    >>> enough(corpus, "a count", minimum=1)
    True
    """
    if len(corpus) < minimum:
        print(f"Skipped: {what} needs at least {minimum} articles; this corpus has {len(corpus)}.")
        return False
    if column is not None:
        found = corpus[column].nunique() if column in corpus else 0
        if found < groups:
            print(f"Skipped: {what} needs at least {groups} values of {column!r}; this corpus has {found}.")
            return False
    return True


def two_groups(corpus: pd.DataFrame, group: str, first="tabloid", second="broadsheet", *, what: str = "a comparison of two groups",
               quiet: bool = False) -> tuple | None:
    """The two values of ``group`` to compare: ``first`` and ``second`` when the corpus has
    both, else its two largest groups (saying so); ``None`` with fewer than two groups
    (saying why ``what`` is skipped).

    ``second="rest"`` compares ``first`` with every other article: it needs ``first`` (else
    the largest group stands in) and at least one other group.  Groups of equal size are
    taken in sorted order, so the choice does not depend on the order of the rows.

    Parameters
    ----------
    corpus : DataFrame
        The articles.
    group : str
        The grouping column (e.g. what :func:`usable_group` returned).
    first, second
        The groups asked for (a notebook's ``TARGET`` and ``REFERENCE``).
    what : str
        What would be computed, for the sentence when it is skipped.
    quiet : bool
        Do not print the sentences.

    Returns
    -------
    tuple or None
        ``(first, second)``, the two largest groups, or ``None``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": ["Ledger", "Courier", "Courier", "Post", "Post", "Post"]})
    >>> two_groups(corpus.assign(outlet_type=["tabloid", "broadsheet", "wire", "wire", "wire", "wire"]), "outlet_type")
    ('tabloid', 'broadsheet')
    >>> two_groups(corpus, "outlet")
    This corpus has no 'tabloid' or 'broadsheet' in 'outlet'; comparing its two largest groups, 'Post' and 'Courier', instead.
    ('Post', 'Courier')
    >>> two_groups(corpus, "outlet", "Ledger", "rest")
    ('Ledger', 'rest')
    >>> two_groups(corpus.head(1), "outlet", what="a comparison of outlets")
    Skipped: a comparison of outlets needs at least 2 values of 'outlet'; this corpus has 1.
    """
    counts = corpus[group].value_counts() if group in corpus else pd.Series(dtype=int)
    ranked = sorted(counts.index, key=lambda value: (-counts[value], str(value)))
    if len(ranked) < 2:
        if not quiet:
            enough(corpus, what, minimum=0, column=group, groups=2)
        return None
    wanted = [first] if second == "rest" else [first, second]
    if all(value in counts.index for value in wanted):
        return first, second
    chosen = (ranked[0], "rest") if second == "rest" else (ranked[0], ranked[1])
    if not quiet:
        missing = " or ".join(repr(value) for value in wanted if value not in counts.index)
        largest = f"its largest group, {chosen[0]!r}, with the rest" if second == "rest" else f"its two largest groups, {chosen[0]!r} and {chosen[1]!r}"
        print(f"This corpus has no {missing} in {group!r}; comparing {largest}, instead.")
    return chosen
