"""Fixtures shared by several test files."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def teaching_report(tmp_path_factory):
    """The report on the teaching corpus, built twice (to check determinism), without
    rerunning the notebooks (nbval runs those)."""
    from presslens.corpus import teaching_path
    from presslens.report import build_report

    out = tmp_path_factory.mktemp("report")
    index = build_report(teaching_path(), out / "one", progress=False)
    build_report(teaching_path(), out / "two", progress=False)
    return out, index
