"""Building the report: open the corpus, run every registered section, write the tables
(CSV with provenance), figures (PNG), ``manifest.json`` and ``index.html``, and
optionally rerun the notebooks on the same corpus."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
from sklearn.exceptions import ConvergenceWarning

import presslens
import presslens.report.sections  # noqa: F401  (registers the sections)
from presslens._compat import renamed_parameters
from presslens.cluster import EdgeOfRangeWarning
from presslens.corpus.open import open_corpus
from presslens.corpus.schema import CorpusError, LoadResult
from presslens.corpus.teaching import teaching_path
from presslens.corpus.write import neutralise_formulas
from presslens.plots import text_overlaps
from presslens.report.context import (
    Block,
    ReportContext,
    Section,
    analyses_engine,
    registered_sections,
)
from presslens.report.html import render_html
from presslens.report.notebooks import run_notebooks
from presslens.report.provenance import with_provenance


@renamed_parameters(group_by="group")
def build_report(
    corpus,
    out="reports/teaching",
    *,
    format: str = "auto",
    group: str = "outlet_type",
    random_state: int = 0,
    load_options: dict | None = None,
    outlets=None,
    pseudonymise: bool = True,
    key: str | None = None,
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
    group : str
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

    Examples
    --------
    >>> import tempfile
    >>> from presslens import load_teaching
    >>> from presslens.corpus.schema import empty_quarantine
    >>> small = load_teaching().head(30)
    >>> index = build_report(LoadResult(small, empty_quarantine()), Path(tempfile.mkdtemp()) / "report", pseudonymise=False, progress=False)
    >>> index.name, (index.parent / "manifest.json").exists()
    ('index.html', True)
    """

    options = dict(load_options or {})
    if "format" in options:  # older callers passed the format among the load options
        format = options.pop("format") or format
    if isinstance(corpus, LoadResult):
        opened = open_corpus(corpus, pseudonymise=pseudonymise, key=key, outlets=outlets)
        corpus_arg = None
    else:
        corpus_arg = Path(corpus)
        opened = open_corpus(corpus_arg, format, pseudonymise=pseudonymise, key=key, outlets=outlets, **options)
    frame, quarantine, parse_report, mapping = opened.articles, opened.quarantine, opened.parse_report, opened.mapping
    source = frame.attrs["source"]
    listed, digest = opened.provenance.to_dict("records"), opened.sha256
    out = Path(out)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    context = ReportContext(frame, quarantine, source, group, random_state, analyses=analyses_engine(engine, scheduler))
    context.cache["pseudonymised"] = bool(pseudonymise)
    try:
        return _write_report(context, out, format=format, parse_report=parse_report, corpus_arg=corpus_arg, options=options, listed=listed,
                             digest=digest, mapping=mapping, pseudonymise=pseudonymise, notebooks=notebooks, progress=progress, outlets=outlets)
    finally:
        context.analyses.close()


def notebook_outlets(outlets, out) -> str:
    """The outlets file as the notebooks' ``OUTLETS`` parameter: the absolute path of a
    file, or a table written to ``out/notebooks/outlets.csv``.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> folder = Path(tempfile.mkdtemp())
    >>> Path(notebook_outlets(pd.DataFrame({"outlet": ["Ledger"], "outlet_type": ["daily"]}), folder)).name
    'outlets.csv'
    """
    if isinstance(outlets, (str, Path)):
        return str(Path(outlets).resolve())
    path = Path(out) / "notebooks" / "outlets.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    outlets.to_csv(path, index=False)
    return str(path.resolve())


def _write_report(context: ReportContext, out: Path, *, format, parse_report, corpus_arg, options, listed, digest, mapping, pseudonymise, notebooks, progress,
                  outlets=None) -> Path:
    from presslens._progress import progress_bar

    frame, quarantine, source, group_by, random_state = context.corpus, context.quarantine, context.source, context.group_by, context.random_state
    sections, figure_paths, tables = [], {}, []
    functions = registered_sections()
    bar = progress_bar(total=len(functions), desc="report sections", unit="section", enabled=progress, min_items=0)
    for function in functions:
        with warnings.catch_warnings():
            # what these warn of is written in the section itself (a k or number of topics at the
            # edge of the range searched), or is nothing a reader of the report can act on (an NMF
            # fit stopping at its iteration cap on a thin corpus); the terminal stays quiet (issue 13)
            warnings.simplefilter("ignore", EdgeOfRangeWarning)
            warnings.simplefilter("ignore", ConvergenceWarning)
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
        if outlets is not None:  # the notebooks open the corpus with the same outlets file
            parameters["OUTLETS"] = notebook_outlets(outlets, out)
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
    sections.append(_explorer_section(context, out, progress))
    label_overlaps = {}  # pairs of labels that overlap, per figure (plots.text_overlaps)
    for sec in sections:
        for block in sec.blocks:
            if block.kind == "table":
                table = with_provenance(block.table, frame, source, digest)
                neutralise_formulas(table).to_csv(out / "tables" / f"{block.name}.csv", index=False, lineterminator="\n")
                tables.append(f"tables/{block.name}.csv")
            elif block.kind == "figure":
                relative = f"figures/{block.name}.png"
                label_overlaps[relative] = len(text_overlaps(block.figure))
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
        "figure_label_overlaps": dict(sorted(label_overlaps.items())),
        "notebooks": runs[["notebook", "status", "failed_cell", "error"]].astype(object).where(runs[["notebook", "status", "failed_cell", "error"]].notna(), None).to_dict("records") if runs is not None else [],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
    index = out / "index.html"
    index.write_text(render_html(sections, context, figure_paths), encoding="utf-8")
    return index


def _explorer_section(context: ReportContext, out: Path, progress) -> Section:
    """The interactive explorer (:func:`presslens.explore.build_explorer`) written beside the
    report as ``explore.html``, reusing the report's clustering and cleaned text; a corpus
    too small or with fewer than two groups gets a sentence saying why instead."""
    import pandas as pd

    from presslens.explore import build_explorer

    section = Section("explorer", "Read behind the numbers",
                      "An offline page of the corpus: a term plot of two groups (click a term for its lines in context), a map of "
                      "the articles (click one to read it, with its frames, quotes and claims) and filters by year, outlet type, "
                      "cluster and frame. It opens from the file, needs no server and runs no remote code.")
    frame = context.corpus
    frame.attrs["pseudonymised"] = frame.attrs.get("pseudonymised", True)
    try:
        page = build_explorer(frame, out, group=context.group(frame), clustering=context.cache.get("clustering"),
                              cleaned=context.cleaned(), random_state=context.random_state, progress=progress)
    except ValueError as error:  # fewer than two groups, too few articles
        section.text(f"The explorer was not built: {error}")
        return section
    section.blocks.append(Block("links", "explorer", "The explorer",
                                table=pd.DataFrame([{"notebook": "Open the explorer", "html": page.name, "status": "offline page"}])))
    return section
