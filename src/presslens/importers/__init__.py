"""Importers for real press exports: each returns the corpus table with provenance
(``source_file``, ``source_format``, ``record_no``) and a parse report, and never drops
a record silently: per file, records expected (from the export's own markers) = parsed +
quarantined, and a file that yields nothing carries a ``warning`` (and a
:class:`ParseWarning`).

Available: :func:`read_tabular` (CSV, TSV, JSON Lines, Parquet, Excel with a column
mapping), :func:`read_mediacloud` (Media Cloud story-list CSV, with text from a folder
of fetched pages), :func:`read_html_folder` (saved web pages through trafilatura) and
:func:`safe_extract_zip` (ZIP archives with size and path checks), :func:`read_nexis`
(Nexis Uni / Lexis Advance DOCX and RTF, old Nexis UK HTML and LexisNexis TXT, ZIPs of
them) and :func:`read_factiva` (Factiva HTML in the Article Format and Full
Article/Report plus Indexing displays, RTF and text), with dates in nine interface
languages.  :func:`read_corpus` reads any of them, detecting the format from the content
(``format="auto"``) or taking the one named; :mod:`presslens.importers.examples` writes
an example of every format (fictional articles) for tests and notebook 11.
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
