"""Execute notebooks in place, top to bottom in a fresh kernel, and save their outputs.

    python tools/execute_notebooks.py notebooks/01_corpus_tour.ipynb [...]

Notebooks are committed with outputs and nbval re-executes them, so run this after
editing a notebook.  Progress bars are switched off (PRESSLENS_PROGRESS=0) so stored
outputs never contain them.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    os.environ["PRESSLENS_PROGRESS"] = "0"
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    start = time.perf_counter()
    NotebookClient(notebook, timeout=600, kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=ERROR"],
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.perf_counter() - start
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    return seconds


def main(argv=None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or sorted(Path("notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"{path}: {execute(path):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
