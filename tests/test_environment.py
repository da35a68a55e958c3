"""environment.yml (conda, Binder) stays in step with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# PyPI names that conda-forge spells differently
CONDA_NAMES = {"pyyaml": "pyyaml"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement.strip(), maxsplit=1)[0].lower()


def test_every_dependency_is_in_environment_yml():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [_name(r) for r in project["dependencies"]]
    wanted += [_name(r) for extra in project.get("optional-dependencies", {}).values() for r in extra]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = set()
    for item in environment["dependencies"]:
        if isinstance(item, str):
            listed.add(_name(item))
        elif isinstance(item, dict):
            listed.update(_name(r) for r in item.get("pip", []))
    missing = sorted({CONDA_NAMES.get(w, w) for w in wanted} - listed)
    assert not missing, f"add to environment.yml: {missing}"
    assert "-e ." in next(i for i in environment["dependencies"] if isinstance(i, dict))["pip"]
    assert "conda-forge" in environment["channels"]


def test_python_versions_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    python = next(i for i in environment["dependencies"] if isinstance(i, str) and i.startswith("python"))
    assert python.removeprefix("python") == project["requires-python"]
