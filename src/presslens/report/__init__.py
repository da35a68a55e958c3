"""The presslens report: every section's tables (CSV), figures (PNG) and an HTML index.

``build_report(corpus_path, out)`` opens a corpus with :func:`presslens.open_corpus`,
runs each registered section and writes ``out/index.html``, ``out/tables/*.csv``,
``out/figures/*.png`` and ``out/manifest.json`` (what was read, with checksums, so every
number traces back to its file).  The report is deterministic: two runs on the same
corpus write the same tables.  All corpus text is HTML-escaped.

The rooms (see ``docs/design.md``):

``context``     what a section receives (:class:`ReportContext`) and returns (:class:`Section`); the engine; the registry
``sections``    one module per section, registered with :func:`section`
``html``        the index page and rendered notebooks
``provenance``  provenance columns of every table
``guards``      re-exports :func:`usable_group` and :func:`enough`, which live in :mod:`presslens.corpus.limits`
``notebooks``   rerunning the numbered notebooks with papermill
``build``       :func:`build_report`, which ties them together

Examples
--------
>>> from presslens.report import registered_sections
>>> len(registered_sections())
8
"""

import warnings

from presslens.corpus.limits import enough, usable_group
from presslens.corpus.open import LOAD_FORMATS, Corpus
from presslens.corpus.open import open_corpus as _front_door
from presslens.report.build import build_report
from presslens.report.context import (
    MIN_ARTICLES,
    Block,
    PandasAnalyses,
    ReportContext,
    Section,
    SectionFunction,
    analyses_engine,
    comparison_pair,
    registered_sections,
    section,
    unregister,
)
from presslens.report.html import render_html, render_notebook_html
from presslens.report.notebooks import run_notebooks
from presslens.report.provenance import with_provenance
from presslens.report.sections import (
    attention_over_time,
    corpus_overview,
    framing,
    how_outlets_differ,
    kinds_of_coverage,
    recycled_coverage,
    statistics_that_travel,
    who_is_quoted,
)

OpenedCorpus = Corpus  # the older name of what open_corpus returns


def open_corpus(*args, **kwargs) -> Corpus:
    """``presslens.report.open_corpus``: use :func:`presslens.open_corpus` (removed after one release).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = open_corpus(pseudonymise=False)
    >>> caught[0].category.__name__
    'DeprecationWarning'
    """
    warnings.warn("presslens.report.open_corpus is deprecated; use presslens.open_corpus", DeprecationWarning, stacklevel=2)
    if "path" in kwargs:  # the older keyword
        kwargs["path_or_frame"] = kwargs.pop("path")
    return _front_door(*args, **kwargs)


__all__ = [
    "LOAD_FORMATS", "MIN_ARTICLES", "Block", "OpenedCorpus", "PandasAnalyses", "ReportContext", "Section", "SectionFunction",
    "analyses_engine", "attention_over_time", "build_report", "comparison_pair", "corpus_overview", "enough", "framing", "how_outlets_differ",
    "kinds_of_coverage", "open_corpus", "recycled_coverage", "registered_sections", "render_html", "render_notebook_html",
    "run_notebooks", "section", "statistics_that_travel", "unregister", "usable_group", "who_is_quoted", "with_provenance",
]
