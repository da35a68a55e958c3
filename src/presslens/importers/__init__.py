"""Importers for real press exports: each returns the corpus table with provenance
(``source_file``, ``source_format``, ``record_no``) and a parse report, and never drops
a record silently: records expected = parsed + quarantined.

Available: :func:`read_tabular` (CSV, TSV, JSON Lines, Parquet, Excel with a column
mapping), :func:`read_mediacloud` (Media Cloud story-list CSV, with text from a folder
of fetched pages), :func:`read_html_folder` (saved web pages through trafilatura) and
:func:`safe_extract_zip` (ZIP archives with size and path checks), and
:func:`read_nexis` (Nexis Uni DOCX and RTF, LexisNexis TXT, ZIPs of them).  :func:`read_factiva`
reads Factiva HTML and RTF exports.  :func:`read_corpus` reads any of them, detecting the
format (``format="auto"``) or taking the one named; :mod:`presslens.importers.examples`
writes an example of every format (fictional articles) for tests and notebook 11.
"""

from presslens.importers._common import (
    ImportResult,
    ImportSafetyError,
    ParseWarning,
    safe_extract_zip,
)
from presslens.importers.auto import detect_format, read_corpus
from presslens.importers.factiva import read_factiva
from presslens.importers.html import read_html_folder
from presslens.importers.mediacloud import read_mediacloud
from presslens.importers.nexis import read_nexis
from presslens.importers.tabular import read_tabular

__all__ = ["ImportResult", "ImportSafetyError", "ParseWarning", "detect_format", "read_corpus", "read_factiva", "read_html_folder", "read_mediacloud", "read_nexis", "read_tabular", "safe_extract_zip"]
