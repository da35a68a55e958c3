"""Run the report and all twelve notebooks on thin corpora and list what each did (issues 15, 19).

Corpora are cut from the fictional teaching corpus and written as plain CSV with only the
columns a user's export usually has (``doc_id, outlet, published, headline, text``):

* ``forty_one_outlet``: 40 articles of one outlet in one year;
* ``hundred_no_outlet_type``: 100 articles of every outlet over all years, no ``outlet_type``;
* ``sixty_grouped_by_outlet``: 60 articles, ``--group-by outlet``.

For each, ``presslens report`` runs with the notebooks; the script prints one row per
notebook with its status and, for a failure, the cell and error.  A notebook that cannot
say anything on such a corpus must say so in a sentence and finish, so every status
should be ``ok``.  Usage::

    python benchmarks/thin_corpora.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from presslens.cli import main
from presslens.corpus import load_teaching

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["doc_id", "outlet", "published", "headline", "text"]


def corpora(teaching: pd.DataFrame) -> dict[str, tuple[pd.DataFrame, list[str]]]:
    teaching = teaching.sort_values("doc_id").reset_index(drop=True)
    year = teaching["published"].dt.year
    outlet = teaching["outlet"].value_counts().index[0]
    one = teaching[(teaching["outlet"] == outlet) & (year == year.mode().iat[0])].head(40)
    if len(one) < 40:
        one = teaching[teaching["outlet"] == outlet].head(40)
    return {
        "forty_one_outlet": (one, []),
        "hundred_no_outlet_type": (teaching.sample(100, random_state=1), []),
        "sixty_grouped_by_outlet": (teaching.sample(60, random_state=2), ["--group-by", "outlet"]),
    }


def run(out: Path) -> pd.DataFrame:
    rows = []
    for name, (frame, options) in corpora(load_teaching()).items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "articles.csv"
        frame[COLUMNS].assign(published=frame["published"].dt.strftime("%Y-%m-%d")).to_csv(path, index=False)
        started = time.perf_counter()
        code = main(["report", "--corpus", str(path), "--out", str(folder / "report"), "--notebooks", str(ROOT / "notebooks"), *options])
        seconds = time.perf_counter() - started
        runs = pd.read_csv(folder / "report" / "tables" / "notebook_runs.csv")
        for run_row in runs.itertuples():
            rows.append({"corpus": name, "articles": len(frame), "exit": code, "notebook": run_row.notebook, "status": run_row.status,
                         "failed_cell": getattr(run_row, "failed_cell", ""), "error": str(getattr(run_row, "error", ""))[:160],
                         "report_seconds": round(seconds)})
    return pd.DataFrame(rows)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="presslens-thin-"))
    table = run(target)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 160)
    print(table.to_string(index=False))
    print(f"\n{(table['status'] == 'ok').sum()} of {len(table)} notebook runs ok; outputs in {target}")
