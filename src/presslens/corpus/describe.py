"""Describing a corpus (overview tables) and joining outlet metadata."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from presslens.corpus.schema import CorpusError


def word_counts(texts: pd.Series) -> pd.Series:
    """Number of whitespace-separated words in each text.

    Examples
    --------
    >>> word_counts(pd.Series(["Police warn parents", "", None])).tolist()
    [3, 0, 0]
    """
    return texts.str.split().str.len().fillna(0).astype(int)


def describe(corpus: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Overview tables of a corpus: by outlet, by year, by outlet type, article lengths.

    When the corpus has no ``outlet_type`` column, outlet types are ``unknown``.  A
    ``words`` column (each article's word count) may stand in for ``text``.

    Returns
    -------
    dict of pandas.DataFrame
        ``by_outlet``, ``by_year``, ``outlet_types`` and ``lengths``.

    Examples
    --------
    >>> from presslens.corpus.teaching import load_teaching
    >>> tables = describe(load_teaching())
    >>> int(tables["by_outlet"]["articles"].sum()), tables["outlet_types"].columns.tolist()
    (1500, ['outlet_type', 'outlets', 'articles', 'share'])
    """
    frame = corpus.copy()
    if "outlet_type" not in frame:
        frame["outlet_type"] = "unknown"
    if "words" not in frame:  # presslens.scale passes word counts instead of the texts
        frame["words"] = word_counts(frame["text"])
    frame["year"] = frame["published"].dt.year
    by_outlet = (
        frame.groupby(["outlet", "outlet_type"], sort=True)
        .agg(articles=("doc_id", "size"), first=("published", "min"), last=("published", "max"), median_words=("words", "median"))
        .reset_index()
        .sort_values(["articles", "outlet"], ascending=[False, True])
        .reset_index(drop=True)
    )
    by_outlet["first"] = by_outlet["first"].dt.strftime("%Y-%m-%d")
    by_outlet["last"] = by_outlet["last"].dt.strftime("%Y-%m-%d")
    by_outlet["median_words"] = by_outlet["median_words"].round(0).astype(int)
    by_year = frame.pivot_table(index="year", columns="outlet_type", values="doc_id", aggfunc="size", fill_value=0)
    by_year.columns.name = None
    by_year["all"] = by_year.sum(axis=1)
    by_year = by_year.reset_index()
    outlet_types = (
        frame.groupby("outlet_type").agg(outlets=("outlet", "nunique"), articles=("doc_id", "size")).reset_index()
    )
    outlet_types["share"] = (outlet_types["articles"] / outlet_types["articles"].sum()).round(3)
    lengths = frame.groupby("outlet_type")["words"].describe(percentiles=[0.1, 0.5, 0.9]).reset_index()
    lengths = lengths.rename(columns={"count": "articles", "10%": "p10", "50%": "median", "90%": "p90"})
    lengths["articles"] = lengths["articles"].astype(int)
    for column in ("mean", "std", "min", "p10", "median", "p90", "max"):
        lengths[column] = lengths[column].round(1)
    return {"by_outlet": by_outlet, "by_year": by_year, "outlet_types": outlet_types, "lengths": lengths}


def join_outlets(corpus: pd.DataFrame, outlets) -> pd.DataFrame:
    """Add outlet metadata (``outlet_type`` and any other columns) from a table keyed by
    ``outlet``: a CSV file or a DataFrame.

    Press databases do not say whether a paper is a tabloid or a broadsheet; researchers
    code it once per outlet.  Columns of the outlet table replace columns of the same name
    in the corpus.  Outlets missing from the table get ``"(not in outlet table)"``, so no
    article silently falls out of a comparison.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Daily Example", "Example Post"]})
    >>> outlets = pd.DataFrame({"outlet": ["Daily Example"], "outlet_type": ["tabloid"]})
    >>> join_outlets(corpus, outlets)["outlet_type"].tolist()
    ['tabloid', '(not in outlet table)']
    """
    source = outlets
    if not isinstance(outlets, pd.DataFrame):
        path = Path(outlets)
        if not path.exists():
            raise CorpusError(path, "does not exist", "give a CSV with an 'outlet' column and columns such as 'outlet_type'")
        outlets = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "outlet" not in outlets.columns:
        raise CorpusError(source if not isinstance(source, pd.DataFrame) else "<outlet table>", "has no 'outlet' column",
                          "name the column holding publication names 'outlet'")
    if outlets["outlet"].duplicated().any():
        repeated = outlets.loc[outlets["outlet"].duplicated(), "outlet"].iloc[0]
        raise CorpusError(source if not isinstance(source, pd.DataFrame) else "<outlet table>", f"lists outlet '{repeated}' twice", "keep one row per outlet")
    extra = [c for c in outlets.columns if c != "outlet"]
    table = outlets.set_index("outlet")
    out = corpus.drop(columns=[c for c in extra if c in corpus.columns])
    for column in extra:
        out[column] = out["outlet"].map(table[column]).fillna("(not in outlet table)")
    return out
