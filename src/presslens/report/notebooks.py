"""Rerunning the numbered notebooks on a corpus with papermill, each rendered as a page."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import pandas as pd

from presslens.corpus.schema import CorpusError
from presslens.report.html import render_notebook_html


def run_notebooks(notebooks, out, parameters: dict, *, kernel_name: str = "python3", timeout: int = 900, progress: bool = True) -> pd.DataFrame:
    """Run every numbered notebook (``NN_*.ipynb``) through papermill with ``parameters``,
    save the executed copies and their HTML under ``out/notebooks/``, and return one row per
    notebook: ``notebook``, ``status`` (``ok`` or ``failed``), ``failed_cell`` (execution
    count of the cell that raised), ``error``, and the paths written.

    A notebook that fails is reported with its cell and error; the others still run, and
    the failed notebook is still rendered up to the failing cell (papermill marks it).
    Progress (one line per notebook, with its time) goes to standard error.

    Examples
    --------
    >>> import tempfile
    >>> import nbformat
    >>> folder = Path(tempfile.mkdtemp())
    >>> cells = [nbformat.v4.new_code_cell("N = 1", metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("assert N == 2")]
    >>> kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}, "language_info": {"name": "python"}}
    >>> nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=kernel), str(folder / "01_check.ipynb"))
    >>> runs = run_notebooks(folder, folder / "out", {"N": 2}, progress=False)
    >>> runs[["notebook", "status"]].to_dict("records")
    [{'notebook': '01_check', 'status': 'ok'}]
    """
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
            # the kernel's own log is set to errors only: otherwise every notebook prints
            # ipykernel's "running over TCP without encryption" warning, about a local
            # kernel on loopback that the user cannot act on
            papermill.execute_notebook(str(path), str(executed), parameters=parameters, kernel_name=kernel_name, progress_bar=False,
                                       cwd=str(work), execution_timeout=timeout, log_output=False,
                                       extra_arguments=["--IPKernelApp.log_level=ERROR"])
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
