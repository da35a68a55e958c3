"""Tabular exports (CSV, TSV, JSON Lines, Parquet, Excel) with a column mapping."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from presslens.corpus.read import load
from presslens.corpus.schema import CorpusError
from presslens.importers._common import ImportResult, report_from_load


def read_tabular(path, *, columns: dict | None = None, sheet=0, dayfirst=None, make_doc_ids: bool | None = None) -> ImportResult:
    """Read a table of articles through :func:`presslens.corpus.load` (column names
    recognised, ids made when there are none); an Excel sheet other than the first
    through openpyxl.  ``columns`` maps your names onto the contract.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> _ = path.write_text("Title,Body,Date,Source\\nCouncil meets,Councillors met.,2021-03-02,The Fenland Examiner\\n")
    >>> result = read_tabular(path)
    >>> result.corpus["headline"].tolist(), result.report["doc_ids"].iat[0][:10]
    (['Council meets'], 'made from ')
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm") and sheet != 0:
        try:
            frame = pd.read_excel(path, sheet_name=sheet, dtype=object, engine="openpyxl")
        except Exception as exc:  # openpyxl raises several types for broken workbooks
            raise CorpusError(path, f"is not a readable Excel workbook ({type(exc).__name__}: {exc})", "save it again, or export it as CSV") from None
        if columns:
            frame = frame.rename(columns=columns)
        if make_doc_ids and "doc_id" not in frame:
            frame["doc_id"] = [f"{path.stem}-{i}" for i in range(1, len(frame) + 1)]
        from presslens.importers._common import finish

        records = frame.assign(source_file=path.name, record_no=range(1, len(frame) + 1)).to_dict("records")
        return finish(records, [], "xlsx", dayfirst=dayfirst, expected={path.name: len(frame)})
    result = load(path, columns=columns, dayfirst=dayfirst, make_doc_ids=make_doc_ids)
    return ImportResult(result.corpus, result.quarantine, report_from_load(result, path.name))
