"""What every report section receives and returns, the engine that runs the heavy
analyses, and the section registry.

A section is a plain function ``ReportContext -> Section`` registered with
:func:`section`; :func:`registered_sections` gives them in order.  The sections live in
:mod:`presslens.report.sections`, one module each; a new analysis adds its module there
without touching the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from presslens.corpus.describe import describe
from presslens.corpus.limits import two_groups, usable_group

MIN_ARTICLES = 60  # below this, analyses are skipped with a note rather than run on noise


@dataclass
class Block:
    """One item of a section: a table, a figure, a paragraph of text, or a list of links.

    Examples
    --------
    >>> Block("text", "", text="No numeric claims were found.").kind
    'text'
    """

    kind: str  # "table", "figure", "text" or "links"
    name: str
    title: str = ""
    table: pd.DataFrame | None = None
    figure: object = None
    text: str = ""


@dataclass
class Section:
    """One section of the report: a slug (its anchor), a title, an introduction and blocks.

    Examples
    --------
    >>> result = Section("corpus", "The corpus")
    >>> result.table("counts", "Counts", pd.DataFrame({"n": [1]}))
    >>> result.text("One article.")
    >>> [block.kind for block in result.blocks]
    ['table', 'text']
    """

    slug: str
    title: str
    intro: str = ""
    blocks: list[Block] = field(default_factory=list)

    def table(self, name: str, title: str, table: pd.DataFrame):
        """Add a table, written as ``tables/<name>.csv`` and shown under ``title``.

        Examples
        --------
        >>> result = Section("s", "S")
        >>> result.table("t", "A table", pd.DataFrame({"a": [1]}))
        >>> result.blocks[0].name
        't'
        """
        self.blocks.append(Block("table", name, title, table=table))

    def figure(self, name: str, title: str, axes):
        """Add the figure of ``axes``, saved as ``figures/<name>.png``.

        Examples
        --------
        >>> import matplotlib.pyplot as plt
        >>> figure, axes = plt.subplots()
        >>> result = Section("s", "S")
        >>> result.figure("f", "A figure", axes)
        >>> result.blocks[0].figure is figure
        True
        >>> plt.close(figure)
        """
        self.blocks.append(Block("figure", name, title, figure=axes.figure))

    def text(self, text: str):
        """Add a paragraph.

        Examples
        --------
        >>> result = Section("s", "S")
        >>> result.text("Nothing to compare.")
        >>> result.blocks[0].text
        'Nothing to compare.'
        """
        self.blocks.append(Block("text", "", text=text))


class PandasAnalyses:
    """The report's heavy analyses in one process: the default engine.

    ``presslens.scale.report_engine.DaskAnalyses`` (``--engine dask``) has the same
    methods and runs them on a Dask cluster.

    Examples
    --------
    >>> engine = PandasAnalyses()
    >>> engine.describe_engine()
    'Engine: pandas (every analysis ran in one process).'
    """

    name = "pandas"

    def describe_engine(self) -> str:
        """One sentence for the report saying where the analyses ran.

        Examples
        --------
        >>> PandasAnalyses().describe_engine().startswith("Engine: pandas")
        True
        """
        return "Engine: pandas (every analysis ran in one process)."

    def describe(self, corpus):
        """:func:`presslens.corpus.describe`.

        Examples
        --------
        >>> from presslens import load_teaching
        >>> sorted(PandasAnalyses().describe(load_teaching()))
        ['by_outlet', 'by_year', 'lengths', 'outlet_types']
        """
        return describe(corpus)

    def cluster_corpus(self, corpus, k=None, **options):
        """:func:`presslens.cluster.cluster_corpus`.

        Examples
        --------
        >>> from presslens import load_teaching
        >>> PandasAnalyses().cluster_corpus(load_teaching().head(200), k=3, progress=False).k
        3
        """
        from presslens.cluster import cluster_corpus

        return cluster_corpus(corpus, k, **options)

    def keyness(self, corpus, target, reference="rest", **options):
        """:func:`presslens.compare.keyness`.

        Examples
        --------
        >>> from presslens import load_teaching
        >>> table = PandasAnalyses().keyness(load_teaching().head(300), "tabloid", "broadsheet", group="outlet_type")
        >>> {"term", "g2", "log_ratio"} <= set(table.columns)
        True
        """
        from presslens.compare import keyness

        return keyness(corpus, target, reference, **options)

    def fightin_words(self, corpus, group_a=None, group_b=None, **options):
        """:func:`presslens.compare.fightin_words`.

        Examples
        --------
        >>> from presslens import load_teaching
        >>> words = PandasAnalyses().fightin_words(load_teaching().head(300), "tabloid", "broadsheet", group="outlet_type")
        >>> "z" in words.columns
        True
        """
        from presslens.compare import fightin_words

        return fightin_words(corpus, group_a, group_b, **options)

    def volume(self, corpus, freq="W", **options):
        """:func:`presslens.timeline.volume`.

        Examples
        --------
        >>> from presslens import load_teaching
        >>> int(PandasAnalyses().volume(load_teaching(), "Y")["total"].sum())
        1500
        """
        from presslens.timeline import volume

        return volume(corpus, freq, **options)

    def near_duplicates(self, corpus, **options):
        """:func:`presslens.reuse.near_duplicates`.

        Examples
        --------
        >>> from presslens import load_teaching
        >>> pairs = PandasAnalyses().near_duplicates(load_teaching().head(300))
        >>> {"doc_a", "doc_b", "jaccard"} <= set(pairs.columns)
        True
        """
        from presslens.reuse import near_duplicates

        return near_duplicates(corpus, **options)

    def close(self) -> None:
        """Nothing to release in one process.

        Examples
        --------
        >>> PandasAnalyses().close()
        """


def analyses_engine(engine: str = "pandas", scheduler: str | None = None):
    """The report's engine: ``"pandas"`` (one process) or ``"dask"`` (presslens.scale on a
    local cluster, or on the cluster at ``scheduler``).

    Examples
    --------
    >>> analyses_engine("pandas").name
    'pandas'
    >>> analyses_engine("spark")
    Traceback (most recent call last):
    ...
    ValueError: engine must be 'pandas' or 'dask'
    """
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
    """What every section receives: the loaded corpus and the report's settings.

    Examples
    --------
    >>> from presslens import load_teaching
    >>> context = ReportContext(load_teaching(), pd.DataFrame(), "the teaching corpus")
    >>> context.group(context.corpus), context.analyses.name
    ('outlet_type', 'pandas')
    """

    corpus: pd.DataFrame
    quarantine: pd.DataFrame
    source: str
    group_by: str = "outlet_type"
    random_state: int = 0
    cache: dict = field(default_factory=dict)  # results shared between sections (e.g. the clustering)
    analyses: PandasAnalyses = field(default_factory=PandasAnalyses)  # the engine running the heavy analyses

    def cleaned(self) -> pd.DataFrame:
        """The corpus cleaned of news noise, computed once and shared by every section.

        Examples
        --------
        >>> from presslens import load_teaching
        >>> context = ReportContext(load_teaching().head(5), pd.DataFrame(), "five articles")
        >>> context.cleaned() is context.cleaned()
        True
        """
        if "cleaned" not in self.cache:
            from presslens.text import clean

            self.cache["cleaned"] = clean(self.corpus, progress=False).corpus
        return self.cache["cleaned"]

    def group(self, corpus: pd.DataFrame) -> str:
        """The grouping column, or ``outlet`` when the corpus lacks it or it is empty
        (:func:`presslens.corpus.usable_group`).

        Examples
        --------
        >>> context = ReportContext(pd.DataFrame({"outlet": ["X"]}), pd.DataFrame(), "a table")
        >>> context.group(context.corpus)
        'outlet'
        """
        return usable_group(corpus, self.group_by, quiet=True)

    def too_small(self, section: Section, what: str) -> bool:
        """True (and a note in the section) when there are too few articles for ``what``.

        Examples
        --------
        >>> context = ReportContext(pd.DataFrame({"doc_id": ["a"]}), pd.DataFrame(), "a table")
        >>> result = Section("s", "S")
        >>> context.too_small(result, "clustering"), result.blocks[0].text
        (True, 'Too few articles for clustering (at least 60 are needed).')
        """
        if len(self.corpus) < MIN_ARTICLES:
            section.text(f"Too few articles for {what} (at least {MIN_ARTICLES} are needed).")
            return True
        return False


SectionFunction = Callable[[ReportContext], Section]
_SECTIONS: list[tuple[int, SectionFunction]] = []


def section(order: int):
    """Register a report section; sections run in ``order``.

    Examples
    --------
    >>> @section(order=999)
    ... def colophon(context):
    ...     return Section("colophon", "Colophon")
    >>> registered_sections()[-1] is colophon
    True
    >>> unregister(colophon)
    """

    def register(function: SectionFunction) -> SectionFunction:
        _SECTIONS.append((order, function))
        _SECTIONS.sort(key=lambda item: item[0])
        return function

    return register


def unregister(function: SectionFunction) -> None:
    """Remove a section from the registry (for tests and extensions that replace one).

    Examples
    --------
    >>> @section(order=998)
    ... def extra(context):
    ...     return Section("extra", "Extra")
    >>> unregister(extra)
    >>> extra in registered_sections()
    False
    """
    _SECTIONS[:] = [item for item in _SECTIONS if item[1] is not function]


def registered_sections() -> list[SectionFunction]:
    """The registered section functions in the order they run.

    Examples
    --------
    >>> import presslens.report
    >>> [f.__name__ for f in registered_sections()][:2]
    ['corpus_overview', 'kinds_of_coverage']
    """
    return [function for _, function in _SECTIONS]


def comparison_pair(corpus: pd.DataFrame, group: str) -> tuple[str, str] | None:
    """The two groups a report compares: tabloids and broadsheets when both are there,
    else the two largest groups; ``None`` with fewer than two
    (:func:`presslens.corpus.two_groups`, without its sentences).

    Examples
    --------
    >>> comparison_pair(pd.DataFrame({"g": ["a", "b", "b", "c", "c", "c"]}), "g")
    ('c', 'b')
    """
    return two_groups(corpus, group, quiet=True)
