"""Progress bars that can be switched off.

Loops over many articles show a ``tqdm.auto`` bar, by default only when there are at least
``MIN_ITEMS`` items (5,000): small runs, such as the notebooks on the teaching corpus,
finish before a bar would help, and their stored outputs never contain one.
``progress=True`` / ``False`` forces the choice; the environment variable
``PRESSLENS_PROGRESS=0`` switches bars off everywhere (the Makefile sets it).
"""

from __future__ import annotations

import os

MIN_ITEMS = 5000


def progress_enabled(progress: bool | None = None, total: int | None = None, min_items: int = MIN_ITEMS) -> bool:
    """Whether to show a bar: the argument when given; else off when ``$PRESSLENS_PROGRESS``
    is 0, and otherwise on for ``total`` of at least ``MIN_ITEMS``."""
    if progress is not None:
        return bool(progress)
    if os.environ.get("PRESSLENS_PROGRESS", "1").strip().lower() in ("0", "false", "no", "off", ""):
        return False
    return total is None or total >= min_items


def progress_bar(*, total=None, desc="", unit="it", enabled: bool | None = None, min_items: int = MIN_ITEMS):
    """A tqdm bar, or a silent stand-in with the same ``update``/``close`` methods."""
    if progress_enabled(enabled, total, min_items):
        from tqdm.auto import tqdm

        return tqdm(total=total, desc=desc, unit=unit, leave=False)
    return _Silent()


class _Silent:
    def update(self, n=1):
        return None

    def close(self):
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
