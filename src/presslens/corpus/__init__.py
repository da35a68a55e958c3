"""The corpus: one front door, the contract, reading, describing, saving, the teaching corpus.

Start with :func:`open_corpus` (also ``presslens.open_corpus``); it returns a
:class:`Corpus`.  The rooms, lowest first (see ``docs/design.md``):

``errors``    :class:`CorpusError`, the error every reader raises (imports nothing from presslens)
``columns``   recognising a table's column names (:func:`recognise_columns`), :func:`stable_ids`
``schema``    the contract (columns, dates), :func:`validate` into kept + quarantined rows (re-exports the two above)
``encoding``  a file's bytes into text: :func:`read_bytes`, :func:`decode`, :func:`decode_lines`
``formats``   files into raw records (JSON Lines, CSV/TSV, Parquet, data packages): the steps :mod:`presslens.scale` reuses
``read``      files into the contract: :func:`load`, label tables, parse reports
``describe``  overview tables and outlet metadata
``write``     :func:`save` as JSON Lines or Parquet with a ``datapackage.json``
``teaching``  the simulated teaching corpus and its labels
``guard``     the one shared guard against hostile input (decompression, line length, nesting)
``check``     :func:`check_corpus`, the dry run behind ``presslens check``
``open``      :func:`open_corpus`, the front door
``limits``    what a corpus is too thin to answer: :func:`usable_group`, :func:`enough`, :func:`two_groups` (notebooks call them first)

Loading never drops a row silently: every record read is either kept or put in a
quarantine table with its reason, so ``n_read == len(corpus) + len(quarantine)``.

Examples
--------
>>> from presslens.corpus import load
>>> result = load("corpus/teaching")
>>> corpus, quarantine = result
>>> result.n_read == len(corpus) + len(quarantine)
True
"""

from presslens.corpus.check import CheckResult, check_corpus
from presslens.corpus.describe import describe, join_outlets, word_counts
from presslens.corpus.encoding import decode, decode_lines, read_bytes
from presslens.corpus.formats import (
    Records,
    datapackage_resources,
    parse_jsonl,
    read_records,
    sniff_format,
)
from presslens.corpus.limits import enough, two_groups, usable_group
from presslens.corpus.open import (
    LOAD_FORMATS,
    Corpus,
    files_read,
    open_corpus,
    outlets_and_pseudonyms,
    sha256_file,
)
from presslens.corpus.partition import Partitioned, ensure_partitioned
from presslens.corpus.read import describe_mapping, load, parse_report_of, read_labels
from presslens.corpus.schema import (
    DEFAULT_MAX_TEXT_CHARS,
    FIELD_DESCRIPTIONS,
    OPTIONAL,
    OUTLET_TYPES,
    QUARANTINE_COLUMNS,
    REQUIRED,
    CorpusError,
    LoadResult,
    empty_quarantine,
    parse_dates,
    quarantine_summary,
    recognise_columns,
    stable_ids,
    validate,
)
from presslens.corpus.teaching import load_labels, load_teaching, teaching_path
from presslens.corpus.write import (
    datapackage,
    neutralise_formulas,
    resource_descriptor,
    save,
    write_jsonl,
)

__all__ = [
    "DEFAULT_MAX_TEXT_CHARS", "FIELD_DESCRIPTIONS", "LOAD_FORMATS", "OPTIONAL", "OUTLET_TYPES", "QUARANTINE_COLUMNS", "REQUIRED",
    "CheckResult", "Corpus", "CorpusError", "Partitioned", "check_corpus", "ensure_partitioned", "decode_lines", "describe_mapping", "recognise_columns", "stable_ids", "LoadResult", "Records", "datapackage", "datapackage_resources", "decode", "describe", "empty_quarantine", "enough",
    "files_read", "join_outlets", "load", "load_labels", "load_teaching", "neutralise_formulas", "open_corpus", "outlets_and_pseudonyms",
    "parse_dates", "parse_jsonl", "parse_report_of", "quarantine_summary", "read_bytes", "read_labels", "read_records", "resource_descriptor",
    "save", "sha256_file", "sniff_format", "teaching_path", "two_groups", "usable_group", "validate", "word_counts", "write_jsonl",
]
