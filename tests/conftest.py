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


@pytest.fixture(scope="session", autouse=True)
def _private_key_folder(tmp_path_factory):
    """Tests never touch the user's own pseudonym key: presslens keeps it under
    ``$XDG_CONFIG_HOME/presslens/key``, which points at a temporary folder for the run."""
    import os

    folder = tmp_path_factory.mktemp("config")
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = before
