"""Where :func:`usable_group` and :func:`enough` used to live: they are corpus checks,
needed before any report exists, and now live in :mod:`presslens.corpus.limits`.

This module re-exports them so that ``from presslens.report.guards import enough``
(and ``from presslens.report import enough``) keep working; new code imports them from
:mod:`presslens.corpus`.
"""

from __future__ import annotations

from presslens.corpus.limits import enough, usable_group

__all__ = ["enough", "usable_group"]
