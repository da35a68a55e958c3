"""The error every corpus reader raises: :class:`CorpusError`.

It sits below every other module of :mod:`presslens.corpus` and imports nothing from
presslens, so the contract (:mod:`presslens.corpus.schema`), the column recognition
(:mod:`presslens.corpus.columns`), the readers, the importers and the Dask engine can
all raise it.  ``from presslens.corpus.schema import CorpusError`` keeps working.
"""

from __future__ import annotations


class CorpusError(ValueError):
    """A corpus file cannot be used as it is; the message says which file, what and the fix.

    ``fix`` is phrased for Python (arguments); ``cli_fix``, when given, says the same with
    the command line's flags, and :meth:`for_cli` is the message the ``presslens``
    command prints.

    Examples
    --------
    >>> error = CorpusError("mini.csv", "no date column", "pass columns={'day': 'published'}", cli_fix="pass --columns day=published")
    >>> str(error)
    "mini.csv: no date column. Fix: pass columns={'day': 'published'}"
    >>> error.for_cli()
    'mini.csv: no date column. Fix: pass --columns day=published'
    """

    def __init__(self, path, problem: str, fix: str, *, cli_fix: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        self.cli_fix = cli_fix
        super().__init__(f"{self.path}: {problem}. Fix: {fix}")

    def for_cli(self) -> str:
        """The message with the fix in the command line's words (flags, not arguments).

        Examples
        --------
        >>> CorpusError("a.csv", "is empty", "check the export").for_cli()
        'a.csv: is empty. Fix: check the export'
        """
        return f"{self.path}: {self.problem}. Fix: {self.cli_fix or self.fix}"

    def __reduce__(self):
        return (_rebuild_error, (type(self), self.path, self.problem, self.fix, self.cli_fix))


def _rebuild_error(kind, path, problem, fix, cli_fix):
    return kind(path, problem, fix, cli_fix=cli_fix)
