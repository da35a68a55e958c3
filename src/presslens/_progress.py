"""Progress bars that can be switched off.

Loops over many articles show a ``tqdm.auto`` bar.  ``progress=False`` or the
environment variable ``PRESSLENS_PROGRESS=0`` switches it off (the Makefile, tests and
notebook runs do, so stored notebook outputs never contain a bar).
"""

from __future__ import annotations

import os


def progress_enabled(progress: bool | None = None) -> bool:
    """Whether to show a bar: the argument when given, else ``$PRESSLENS_PROGRESS`` (default on)."""
    if progress is not None:
        return bool(progress)
    return os.environ.get("PRESSLENS_PROGRESS", "1").strip().lower() not in ("0", "false", "no", "off", "")


def progress_bar(*, total=None, desc="", unit="it", enabled: bool | None = None):
    """A tqdm bar, or a silent stand-in with the same ``update``/``close`` methods."""
    if progress_enabled(enabled):
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
