"""A dry run: what presslens makes of a corpus file before a long report run.

:func:`check_corpus` reads a file the way :func:`presslens.open_corpus` does (without
pseudonymising, which a check does not need) and says which column feeds each field,
how many rows were kept and quarantined and why, the date range and outlets, and which
report sections and notebooks can run with these columns and which cannot, and why.
``presslens check FILE`` and ``presslens report --dry-run`` print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from presslens.corpus.schema import quarantine_summary

MIN_ARTICLES = 60  # the report skips its analyses below this (presslens.report.MIN_ARTICLES)
_QUOTE = re.compile(r"[\"“”]|\bsaid\b|\btold\b")
_FIGURE = re.compile(r"\d")


@dataclass
class CheckResult:
    """What :func:`check_corpus` found.

    Attributes
    ----------
    source : str
        The file or folder checked (as given).
    importer : str
        The reader that read it (``tabular``, ``nexis``...).
    mapping : dict
        Contract field → the column (or how it was made) that feeds it.
    doc_ids : str
        Where the ids come from.
    parse_report : pandas.DataFrame
        Per source file: expected, parsed, quarantined.
    reasons : pandas.DataFrame
        Quarantined rows by reason, with the totals.
    facts : dict
        Articles kept, date range, outlets, outlet types.
    sections, notebooks : pandas.DataFrame
        ``name``, ``runs`` (bool) and ``why``.

    Example
    -------
    >>> result = check_corpus()  # the teaching corpus
    >>> result.source, result.importer, result.doc_ids
    ('the teaching corpus', 'tabular', "from the column 'doc_id'")
    >>> result.facts["kept"], result.facts["first"], result.facts["n_outlets"]
    (1500, '2013-01-04', 12)
    >>> result.notebooks.loc[0, "name"], bool(result.notebooks.loc[0, "runs"]), result.notebooks.loc[0, "why"]
    ('01 corpus tour', True, 'any corpus')
    """

    source: str
    importer: str
    mapping: dict
    doc_ids: str
    parse_report: pd.DataFrame
    reasons: pd.DataFrame
    facts: dict
    sections: pd.DataFrame
    notebooks: pd.DataFrame
    quarantine: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)

    def to_text(self, show_quarantine: bool = False) -> str:
        """The check as the command line prints it.

        Examples
        --------
        >>> print(check_corpus().to_text().splitlines()[0])
        Checked the teaching corpus (read as tabular)
        """
        facts = self.facts
        lines = [f"Checked {self.source} (read as {self.importer})", "", "Columns used (contract field <- your column):"]
        lines += [f"  {name:<10} <- {column}" for name, column in self.mapping.items()] or ["  (the export's own fields)"]
        lines += [f"  ids: {self.doc_ids}", "",
                  f"Rows: {facts['read']:,} read = {facts['kept']:,} kept + {facts['quarantined']:,} quarantined"]
        reasons = self.reasons[~self.reasons["reason"].str.startswith("(")]
        lines += [f"  {row.rows:>6,}  {row.reason}" for row in reasons.itertuples()]
        if len(self.quarantine) and not show_quarantine:
            lines += [f"  e.g. {q.source_file} row {q.row}: {q.reason}" for q in self.quarantine.head(5).itertuples()]
            if len(self.quarantine) > 5:
                lines.append("  (--show-quarantine lists every quarantined row)")
        if facts["kept"]:
            lines += [f"Dates: {facts['first']} to {facts['last']} ({facts['days']:,} day{'s' if facts['days'] != 1 else ''})",
                      f"Outlets: {facts['n_outlets']:,} ({', '.join(facts['outlets'][:8])}{', ...' if facts['n_outlets'] > 8 else ''})",
                      f"Outlet types: {', '.join(facts['outlet_types']) if facts['outlet_types'] else 'none (pass --outlets FILE.csv to add them)'}"]
        for title, table in (("Report sections", self.sections), ("Notebooks", self.notebooks)):
            lines += ["", f"{title}:"]
            lines += [f"  {'runs   ' if row.runs else 'skipped'}  {row.name}: {row.why}" for row in table.itertuples()]
        if show_quarantine and len(self.quarantine):
            with pd.option_context("display.width", 120, "display.max_colwidth", 80, "display.max_rows", 500):
                lines += ["", "Quarantined rows:", self.quarantine.to_string(index=False)]
        return "\n".join(lines)


def _need(articles: int, condition: bool, why_not: str, why: str) -> tuple[bool, str]:
    if articles < MIN_ARTICLES:
        return False, f"needs at least {MIN_ARTICLES} articles (has {articles:,})"
    return (True, why) if condition else (False, why_not)


def capabilities(corpus: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Which report sections and notebooks can run on a corpus, and why not.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Kept articles in the corpus contract.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(sections, notebooks)``, each with ``name``, ``runs`` and ``why``.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a"], "outlet": ["Daily Example"], "published": [pd.Timestamp("2024-03-01", tz="UTC")],
    ...                       "headline": ["Police warn parents"], "text": ["Police said parents should talk to children."]})
    >>> sections, notebooks = capabilities(table)
    >>> sections.loc[0, "name"], bool(sections.loc[0, "runs"]), sections.loc[1, "why"]
    ('The corpus', True, 'needs at least 60 articles (has 1)')
    """
    n = len(corpus)
    outlets = corpus["outlet"].nunique() if n else 0
    group = "outlet_type" if "outlet_type" in corpus and corpus["outlet_type"].notna().any() else "outlet"
    groups = corpus[group].nunique() if n else 0
    weeks = corpus["published"].dt.tz_convert(None).dt.to_period("W").nunique() if n else 0
    texts = corpus["text"].astype(str) if n else pd.Series(dtype=str)
    quoting = int(texts.str.contains(_QUOTE).sum()) if n else 0
    figures = int(texts.str.contains(_FIGURE).sum()) if n else 0
    by = f"by {group}" + ("" if group == "outlet_type" else " (no outlet_type column: pass --outlets FILE.csv to compare outlet types)")
    sections = [
        ("The corpus", (n > 0, "articles by outlet and year, lengths, quarantine" if n else "no article was kept")),
        ("Kinds of coverage", _need(n, True, "", "clusters and topics")),
        ("How outlets differ", _need(n, groups >= 2, f"only one {group.replace('_', ' ')}: nothing to compare", f"{groups} groups {by}")),
        ("Attention over time", _need(n, weeks >= 2, "all articles fall in one week", f"{weeks:,} weeks")),
        ("How police and vigilantes are framed", _need(n, True, "", "frame dictionaries on the text")),
        ("Who is quoted", _need(n, quoting > 0, "no article holds a quotation", f"{quoting:,} articles hold a quotation")),
        ("Recycled coverage", _need(n, True, "", "near-duplicates" + (" within and between outlets" if outlets >= 2 else " within one outlet only"))),
        ("Statistics that travel", _need(n, figures > 0, "no article holds a figure", f"{figures:,} articles hold figures")),
    ]
    notebooks = [
        ("01 corpus tour", (n > 0, "any corpus" if n else "no article was kept")),
        ("02 preparing text", (n > 0, "any corpus" if n else "no article was kept")),
        ("03 clustering coverage", _need(n, True, "", "clusters")),
        ("04 topic models", _need(n, True, "", "topics")),
        ("05 comparing outlets", _need(n, groups >= 2, f"only one {group.replace('_', ' ')}", f"{groups} groups {by}")),
        ("06 coverage over time", _need(n, weeks >= 2, "all articles fall in one week", f"{weeks:,} weeks")),
        ("07 framing police and vigilantes", _need(n, True, "", "frames")),
        ("08 who gets quoted", _need(n, quoting > 0, "no article holds a quotation", f"{quoting:,} articles with quotations")),
        ("09 wire copy and churnalism", _need(n, outlets >= 2, "one outlet: no reuse between outlets", f"{outlets:,} outlets")),
        ("10 following a statistic", _need(n, figures > 0, "no article holds a figure", f"{figures:,} articles with figures")),
        ("11 bring your own corpus", (n > 0, "any corpus" if n else "no article was kept")),
        ("12 scaling up", (n > 0, "any corpus" if n else "no article was kept")),
    ]

    def frame(rows):
        return pd.DataFrame([{"name": name, "runs": bool(runs), "why": why} for name, (runs, why) in rows])

    return frame(sections), frame(notebooks)


def check_corpus(path=None, format: str = "auto", *, columns: dict | None = None, dayfirst=None, constants: dict | None = None,
                 make_doc_ids: bool | None = None, outlets=None) -> CheckResult:
    """Read a corpus without pseudonymising it and say what a report on it would do.

    Parameters
    ----------
    path : path, optional
        A corpus file or folder, or an export (``None``: the teaching corpus).
    format : str
        As :func:`presslens.open_corpus`.
    columns, dayfirst, constants, make_doc_ids
        As :func:`presslens.corpus.load`.
    outlets : path or DataFrame, optional
        Outlet metadata to join (adds ``outlet_type``).

    Returns
    -------
    CheckResult

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> _ = path.write_text("title,body,date,source\\nPolice warn parents,Police said parents should act.,2024-03-01,The Daily Example\\n")
    >>> result = check_corpus(path)
    >>> result.mapping["headline"], result.facts["kept"], bool(result.sections["runs"].iloc[1])
    ('title', 1, False)
    """
    from presslens.corpus.describe import join_outlets
    from presslens.corpus.read import load, parse_report_of
    from presslens.corpus.teaching import teaching_path

    root = teaching_path() if path is None else Path(path)
    label = "the teaching corpus" if path is None else str(path)
    from presslens.corpus.open import LOAD_FORMATS
    from presslens.importers import detect_format, read_corpus

    tabular = format in LOAD_FORMATS or (format in ("auto", "tabular") and detect_format(root) == "tabular")
    if tabular:
        loaded = load(root, format=None if format in ("auto", "tabular") else format, columns=columns, dayfirst=dayfirst,
                      constants=constants, make_doc_ids=make_doc_ids)
        corpus, quarantine = loaded
        mapping, doc_ids = dict(corpus.attrs.get("column_mapping", {})), corpus.attrs.get("doc_ids", "")
        parse_report = parse_report_of(loaded, root.name)
        importer = "tabular"
    else:
        if constants or make_doc_ids is not None:
            from presslens.corpus.schema import CorpusError

            raise CorpusError(root, "outlet and id options apply to tables, not to this export", "drop them",
                              cli_fix="drop --outlet and --make-ids/--no-make-ids; exports carry their own outlets and ids")
        corpus, quarantine, parse_report = read_corpus(root, format, dayfirst=dayfirst, columns=columns)
        importer = str(parse_report["importer"].iat[0]) if len(parse_report) else format
        mapping, doc_ids = {}, "from the export (accession numbers, or file and article number)"
    if outlets is not None and len(corpus):
        corpus = join_outlets(corpus, outlets)
    n_read = len(corpus) + len(quarantine)
    facts = {"read": n_read, "kept": len(corpus), "quarantined": len(quarantine)}
    if len(corpus):
        first, last = corpus["published"].min(), corpus["published"].max()
        names = corpus["outlet"].value_counts()
        facts.update(first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}", days=int((last - first).days) + 1, n_outlets=len(names),
                     outlets=[str(o) for o in names.index],
                     outlet_types=sorted(map(str, corpus["outlet_type"].dropna().unique())) if "outlet_type" in corpus else [])
    sections, notebooks = capabilities(corpus)
    return CheckResult(label, importer, mapping, doc_ids, parse_report, quarantine_summary(quarantine, n_read=n_read), facts,
                       sections, notebooks, quarantine)
