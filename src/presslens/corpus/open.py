"""The front door: :func:`open_corpus` opens any corpus the same way and returns a :class:`Corpus`.

Every way in (a corpus file or folder, a press-database export, a DataFrame already in
memory, the teaching corpus) goes through the same steps::

    read (corpus.read.load | importers.read_corpus | scale.read_corpus)
      -> validate into kept + quarantined rows (corpus.schema.validate)
      -> join outlet metadata (corpus.describe.join_outlets)
      -> replace private individuals' names (privacy.pseudonymise_corpus)
      -> Corpus(articles, quarantine, parse_report, mapping, note, provenance)

:func:`presslens.corpus.load`, :func:`presslens.importers.read_corpus` and
:func:`presslens.scale.read_corpus` remain as the internal readers this function calls;
use them directly only when you want a reader's raw result.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from presslens.corpus.describe import join_outlets
from presslens.corpus.read import load, parse_report_of
from presslens.corpus.schema import CorpusError, LoadResult, validate
from presslens.corpus.teaching import TEACHING_KEY, teaching_path

LOAD_FORMATS = ("jsonl", "csv", "tsv", "parquet", "xlsx", "datapackage")
ENGINES = ("pandas", "dask")
MAPPING_COLUMNS = ["name", "pseudonym", "evidence"]


@dataclass
class Corpus:
    """An opened corpus: the articles and everything needed to trust them.

    Attributes
    ----------
    articles : pandas.DataFrame or dask.dataframe.DataFrame
        The articles kept, one row each, in the corpus contract (pseudonymised unless
        opened with ``pseudonymise=False``).  With ``engine="dask"``, a partitioned Dask
        DataFrame (see :func:`presslens.scale.read_corpus`).
    quarantine : pandas.DataFrame
        Rows that could not be used: ``source_file``, ``row``, ``doc_id``, ``reason``.
    parse_report : pandas.DataFrame
        Per source file: records ``expected``, ``parsed`` and ``quarantined``, and the
        ``importer`` that read them.
    mapping : pandas.DataFrame
        Names replaced and their pseudonyms (``name``, ``pseudonym``, ``evidence``):
        keep it under access control.
    note : str
        One sentence saying what was read and whether names were replaced.
    files : list of pathlib.Path
        The files read (empty for a table given in memory).
    root : pathlib.Path
        The path opened; file names in :attr:`provenance` are relative to it.
    engine : str
        ``"pandas"`` or ``"dask"``.

    Notes
    -----
    For code written against the older ``OpenedCorpus``, a ``Corpus`` unpacks as
    ``articles, quarantine, parse_report, mapping, note`` and :attr:`corpus` is
    :attr:`articles`.

    Examples
    --------
    >>> opened = open_corpus(pseudonymise=False)
    >>> len(opened.articles) + len(opened.quarantine) == int(opened.parse_report["expected"].sum())
    True
    >>> articles, quarantine, parse_report, mapping, note = opened
    >>> articles is opened.corpus
    True
    """

    articles: pd.DataFrame
    quarantine: pd.DataFrame
    parse_report: pd.DataFrame
    mapping: pd.DataFrame
    note: str
    files: list = field(default_factory=list, repr=False)
    root: Path = field(default_factory=lambda: Path("."), repr=False)
    engine: str = "pandas"

    @property
    def corpus(self) -> pd.DataFrame:
        """The articles (the name ``OpenedCorpus`` used).

        Examples
        --------
        >>> opened = open_corpus(pseudonymise=False)
        >>> opened.corpus is opened.articles
        True
        """
        return self.articles

    @cached_property
    def provenance(self) -> pd.DataFrame:
        """The files read, each with its SHA-256 checksum (``file``, ``sha256``).

        Computed on first use (it reads every file once).

        Examples
        --------
        >>> table = open_corpus(pseudonymise=False).provenance
        >>> table.columns.tolist(), bool(table["file"].eq("datapackage.json").any())
        (['file', 'sha256'], True)
        """
        root = self.root
        rows = [{"file": str(f.relative_to(root)) if root.is_dir() and f.is_relative_to(root) else f.name, "sha256": sha256_file(f)}
                for f in self.files]
        return pd.DataFrame(rows, columns=["file", "sha256"])

    @property
    def sha256(self) -> str:
        """One checksum of all the files read: the SHA-256 of the ``file:sha256`` lines.

        Examples
        --------
        >>> from_table = open_corpus(open_corpus(pseudonymise=False).articles.head(3), pseudonymise=False)
        >>> from_table.sha256 == hashlib.sha256(b"").hexdigest()   # nothing was read from disk
        True
        """
        lines = "".join(f"{row.file}:{row.sha256}\n" for row in self.provenance.itertuples())
        return hashlib.sha256(lines.encode()).hexdigest()

    def __iter__(self):
        """Unpack as ``articles, quarantine, parse_report, mapping, note`` (as ``OpenedCorpus`` did)."""
        return iter((self.articles, self.quarantine, self.parse_report, self.mapping, self.note))

    def __getitem__(self, index):
        """Positional access as on the older ``OpenedCorpus`` tuple."""
        return tuple(self)[index]


def sha256_file(path) -> str:
    """The SHA-256 checksum of a file, read in blocks of 1 MiB.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> sha256_file(path)[:12]
    'ba7816bf8f01'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _data_files(path: Path) -> list[Path]:
    if path.is_file():
        if path.name == "datapackage.json":
            return [path, *_data_files(path.parent)[1:]]
        return [path]
    files = [p for p in sorted(path.glob("*")) if p.is_file() and p.suffix in (".json", ".jsonl", ".gz", ".csv", ".tsv", ".parquet")]
    files += sorted((path / "articles").glob("*.jsonl")) if (path / "articles").is_dir() else []
    return files


def files_read(path, importer: str) -> list[Path]:
    """The files a corpus was read from, for checksums: a file itself; the data files of
    a corpus folder; every (non-hidden) file of an export folder.

    Examples
    --------
    >>> sorted(f.name for f in files_read(teaching_path(), "tabular"))
    ['articles.jsonl', 'datapackage.json']
    """
    path = Path(path)
    if path.is_file():
        return _data_files(path)
    if importer in LOAD_FORMATS or importer in ("tabular", "table"):
        return _data_files(path)
    return sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))


def outlets_and_pseudonyms(corpus: pd.DataFrame, outlets=None, pseudonymise: bool = True, key: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The last two steps of opening any corpus: join outlet metadata, then replace
    private individuals' names (when asked).

    Returns
    -------
    tuple of pandas.DataFrame
        The corpus and the name mapping (``name``, ``pseudonym``, ``evidence``).

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a"], "outlet": ["Daily Example"], "text": ["A short text."]})
    >>> joined, mapping = outlets_and_pseudonyms(table, pd.DataFrame({"outlet": ["Daily Example"], "outlet_type": ["tabloid"]}), pseudonymise=False)
    >>> joined["outlet_type"].tolist(), len(mapping)
    (['tabloid'], 0)
    """
    if outlets is not None:
        corpus = join_outlets(corpus, outlets)
    mapping = pd.DataFrame(columns=MAPPING_COLUMNS)
    if pseudonymise and len(corpus):
        from presslens.privacy import pseudonymise_corpus

        corpus, mapping, _ = pseudonymise_corpus(corpus, key=key)
    return corpus, mapping


def _with_constants(frame: pd.DataFrame, constants, where) -> pd.DataFrame:
    if not constants:
        return frame
    clash = [c for c in constants if c in frame.columns]
    if clash:
        raise CorpusError(where, f"already has column(s) {clash} given as constants",
                          "drop them from constants=, or rename the table's column with columns=")
    return frame.assign(**dict(constants))


def _note(n_articles: int, n_quarantined: int, label: str, pseudonymise: bool, n_names: int, key: str | None) -> str:
    head = f"{n_articles:,} articles ({n_quarantined:,} rows quarantined) from {label}. "
    if not pseudonymise:
        return head + "Names have NOT been pseudonymised."
    if key == TEACHING_KEY:
        return head + (f"Names of {n_names:,} private individuals replaced by pseudonyms (the teaching corpus is fictional, so "
                       "its pseudonyms use the published teaching key and are the same for everyone).")
    from presslens.privacy import pseudonymisation_note

    return head + pseudonymisation_note(key, replaced=n_names)


def open_corpus(path_or_frame=None, format: str = "auto", engine: str = "pandas", *, pseudonymise: bool = True, key: str | None = None,
                dayfirst=None, columns: dict | None = None, outlets=None, constants: dict | None = None, **options) -> Corpus:
    """Open a corpus the way every notebook and the report do.

    Reads the corpus (any file :func:`presslens.corpus.load` or any export
    :func:`presslens.importers.read_corpus` reads, or a table in memory), validates it
    into kept and quarantined rows, adds outlet metadata, and replaces the names of
    private individuals with pseudonyms (by default).

    Parameters
    ----------
    path_or_frame : path, DataFrame or LoadResult, optional
        A corpus file or folder, or a press-database export; a DataFrame (validated
        against the corpus contract); a ``(corpus, quarantine)`` pair already loaded.
        ``None`` (default) is the simulated teaching corpus.
    format : str
        ``auto`` (detect), ``nexis``, ``factiva``, ``mediacloud``, ``html``, ``tabular``,
        or one of :func:`presslens.corpus.load`'s formats (``jsonl``, ``csv``, ``tsv``,
        ``parquet``, ``datapackage``).
    engine : {"pandas", "dask"}
        ``"pandas"`` reads the corpus into memory.  ``"dask"`` returns the articles as a
        partitioned Dask DataFrame through :func:`presslens.scale.read_corpus` (JSON Lines
        or Parquet, for corpora larger than memory) with the quarantine computed
        partition by partition; partitions are not pseudonymised, so it needs
        ``pseudonymise=False``, and ``outlets`` are not joined.
    pseudonymise : bool
        Replace private individuals' names (default).  ``False`` keeps them: only for
        work under an ethics approval that allows it.
    key : str, optional
        The secret key of the pseudonyms; the same key gives the same pseudonyms.  By
        default ``PRESSLENS_KEY`` or the user's own random key (created on first use, see
        :func:`presslens.privacy.default_key`), so nobody else can recompute a pseudonym;
        the teaching corpus, which is fictional, uses the published
        :data:`~presslens.corpus.teaching.TEACHING_KEY`.
    dayfirst : bool, optional
        Order of slashed dates (``True``: 03/04/2020 is 3 April).
    columns : dict, optional
        Your column names mapped onto the contract, e.g. ``{"title": "headline"}``.
    outlets : path or DataFrame, optional
        Outlet metadata keyed by ``outlet`` (e.g. ``outlet_type``), see
        :func:`presslens.corpus.join_outlets`.
    constants : dict, optional
        Columns with one value for every article, for a table that lacks them, e.g.
        ``{"outlet": "The Daily Example"}`` for a file from a single paper.
    **options
        Passed to the reader: ``encoding``, ``make_doc_ids``, ``max_text_chars``,
        ``on_bad_lines`` (:func:`presslens.corpus.load`); ``pages``, ``outlet``
        (:func:`presslens.importers.read_corpus`); ``rows_per_partition``
        (:func:`presslens.scale.read_corpus`).

    Returns
    -------
    Corpus

    Examples
    --------
    >>> opened = open_corpus()                     # the teaching corpus, pseudonymised
    >>> opened.note.startswith("1,500 articles")
    True
    >>> table = pd.DataFrame({"doc_id": ["a1", "a2"], "published": ["2024-03-01", "not a date"],
    ...                       "headline": ["Police warn parents", "Council meets"], "text": ["Text one.", "Text two."]})
    >>> mine = open_corpus(table, constants={"outlet": "The Daily Example"}, pseudonymise=False)
    >>> mine.articles["outlet"].tolist(), mine.quarantine["reason"].tolist()
    (['The Daily Example'], ["unparsable date 'not a date'"])
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if engine == "dask":
        return _open_dask(path_or_frame, format, pseudonymise=pseudonymise, dayfirst=dayfirst, columns=columns, outlets=outlets,
                          constants=constants, **options)
    files, root, importer = [], Path("."), "table"
    if isinstance(path_or_frame, LoadResult):
        corpus, quarantine = path_or_frame
        label = corpus.attrs.get("source", "<table>")
        if constants or columns:
            raise ValueError("columns= and constants= apply when reading; a LoadResult is already read")
        parse_report = pd.DataFrame([{"source_file": label, "expected": len(corpus) + len(quarantine), "parsed": len(corpus),
                                      "quarantined": len(quarantine), "importer": "table"}])
    elif isinstance(path_or_frame, pd.DataFrame):
        label = path_or_frame.attrs.get("source", "<table>")
        frame = path_or_frame.rename(columns=dict(columns)) if columns else path_or_frame
        frame = _with_constants(frame, constants, label)
        loaded = validate(frame, dayfirst=dayfirst, path=label, **{k: v for k, v in options.items() if k == "max_text_chars"})
        corpus, quarantine = loaded
        parse_report = parse_report_of(loaded, label).assign(importer="table")
    else:
        label = "the teaching corpus" if path_or_frame is None else str(path_or_frame)
        root = teaching_path() if path_or_frame is None else Path(path_or_frame)
        corpus, quarantine, parse_report = _read_path(root, format, dayfirst=dayfirst, columns=columns, constants=constants, **options)
        importer = str(parse_report["importer"].iat[0]) if len(parse_report) else "tabular"
        files = files_read(root, importer)
    if key is None and (path_or_frame is None or files and _is_teaching(root)):
        key = TEACHING_KEY  # the fictional teaching corpus: the published key, the same pseudonyms for everyone
    corpus, mapping = outlets_and_pseudonyms(corpus, outlets, pseudonymise, key)
    corpus.attrs["source"] = label
    corpus.attrs["pseudonymised"] = bool(pseudonymise)
    note = _note(len(corpus), len(quarantine), label, pseudonymise, len(mapping), key)
    return Corpus(corpus, quarantine, parse_report, mapping, note, files=files, root=root, engine="pandas")


def _read_path(path: Path, format: str, *, dayfirst, columns, constants, **options):
    """Read a file or folder with the reader its format needs: ``(corpus, quarantine, parse_report)``."""
    from presslens.importers import detect_format, read_corpus

    load_options = {k: options.pop(k) for k in ("encoding", "make_doc_ids", "max_text_chars", "on_bad_lines") if k in options}
    tabular = format in LOAD_FORMATS or (format in ("auto", "tabular") and (load_options or constants)
                                         and detect_format(path) == "tabular")
    if tabular:
        if options:
            raise TypeError(f"unexpected option(s) for a table: {sorted(options)}")
        loaded = load(path, format=None if format in ("auto", "tabular") else format, columns=columns, dayfirst=dayfirst,
                      constants=constants, **load_options)
        return loaded.corpus, loaded.quarantine, parse_report_of(loaded, path.name).assign(importer=format if format in LOAD_FORMATS else "tabular")
    if load_options or constants:
        raise CorpusError(path, f"options {sorted([*load_options, *(['constants'] if constants else [])])} apply to tables "
                          "(CSV, TSV, JSON Lines, Parquet, Excel), not to this export", "drop them; exports carry their own outlets, dates and ids",
                          cli_fix="drop --outlet and --no-make-ids; exports carry their own outlets, dates and ids")
    return tuple(read_corpus(path, format, dayfirst=dayfirst, columns=columns, **options))


def _open_dask(path, format: str, *, pseudonymise: bool, dayfirst, columns, outlets, constants, **options) -> Corpus:
    if pseudonymise:
        raise ValueError("engine='dask' reads partitions as they are and does not pseudonymise them: pass pseudonymise=False "
                         "(work under an ethics approval that allows names), or open with engine='pandas'")
    if outlets is not None or constants:
        raise ValueError("outlets= and constants= are not applied to a partitioned corpus; add the columns before partitioning "
                         "(presslens.scale.write_partitions)")
    if not (path is None or isinstance(path, str | Path)):
        raise TypeError("engine='dask' reads a corpus file or folder; a table in memory is already in one process (use engine='pandas')")
    if format not in ("auto", "tabular", "jsonl", "parquet", "datapackage"):
        raise CorpusError(path, f"format '{format}' cannot be read in partitions", "use JSON Lines or Parquet (presslens.scale.write_partitions converts)")
    from presslens import scale

    root = teaching_path() if path is None else Path(path)
    label = "the teaching corpus" if path is None else str(path)
    articles = scale.read_corpus(root, columns=columns, dayfirst=dayfirst, **options)
    quarantine = scale.read_quarantine(root, columns=columns, dayfirst=dayfirst, **options)
    counts = articles.groupby("source_file").size().compute() if "source_file" in articles.columns else pd.Series(dtype=int)
    quarantined = quarantine["source_file"].value_counts()
    names = sorted(set(counts.index) | set(quarantined.index))
    parse_report = pd.DataFrame({"source_file": names, "parsed": [int(counts.get(n, 0)) for n in names],
                                 "quarantined": [int(quarantined.get(n, 0)) for n in names]})
    parse_report.insert(1, "expected", parse_report["parsed"] + parse_report["quarantined"])
    parse_report["importer"] = "dask"
    n_articles = int(parse_report["parsed"].sum())
    note = _note(n_articles, len(quarantine), label, False, 0, None) + f" Read in {articles.npartitions} partitions."
    return Corpus(articles, quarantine, parse_report, pd.DataFrame(columns=MAPPING_COLUMNS), note,
                  files=files_read(root, "tabular"), root=root, engine="dask")


def _is_teaching(root) -> bool:
    try:
        return Path(root).resolve() == teaching_path().resolve()
    except OSError:
        return False
