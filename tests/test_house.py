"""The house rules of docs/design.md, checked on the source: no import cycle among presslens
modules, no module over 500 lines, no module using another module's private names.

The import graph is built with :mod:`ast` from every ``import`` statement, including the
ones inside functions (a lazy import still ties two modules together)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "presslens"
MAX_LINES = 500
# Modules allowed over the limit while a split is under way: each may not grow, and an
# entry must go as soon as its module is split (see test_oversize_list_is_current).  Empty
# since issue 14 split compare, text, corpus.schema, corpus.formats and privacy.people.
OVERSIZE: dict[str, int] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "data" not in p.relative_to(PACKAGE).parts}


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _resolve(module: str, level: int, current: str) -> str:
    """The absolute name of ``from <level dots><module> import ...`` inside ``current``."""
    if level == 0:
        return module
    base = current.split(".") if _is_package(current) else current.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _imports(name: str) -> list[tuple[str, list[str], int]]:
    """``(module imported, names taken from it, line)`` for every import in a module."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, [], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            found.append((_resolve(node.module or "", node.level, name), [alias.name for alias in node.names], node.lineno))
    return found


def _edges(name: str) -> set[str]:
    """The presslens modules a module imports (a name that is a submodule counts as that module)."""
    targets = set()
    for module, names, _ in _imports(name):
        if not module.startswith("presslens"):
            continue
        submodules = [f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES]
        targets.update(submodules)
        if len(submodules) < len(names) or not names:
            while module not in MODULES and "." in module:
                module = module.rsplit(".", 1)[0]
            targets.add(module)
    targets.discard(name)
    return targets


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, components, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_the_graph_sees_the_packages_modules():
    assert {"presslens.corpus.schema", "presslens.corpus.open", "presslens.report.build", "presslens.scale.io"} <= set(MODULES)
    assert "presslens.corpus.schema" in _edges("presslens.corpus.read")
    assert "presslens.corpus.schema" in _edges("presslens.simulate.generate")  # a lazy import counts


def test_cycle_finder_finds_a_loop():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle():
    graph = {name: _edges(name) for name in MODULES}
    assert _cycles(graph) == []


def test_no_module_over_500_lines():
    too_long = {}
    for name, path in MODULES.items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > OVERSIZE.get(name, MAX_LINES):
            too_long[name] = lines
    assert too_long == {}, f"split these modules (at most {MAX_LINES} lines each): {too_long}"


def _stale_oversize(oversize: dict[str, int]) -> list[str]:
    """The entries of an allow-list that must go: modules gone, or back under the limit."""
    stale = []
    for name in oversize:
        if name not in MODULES:
            stale.append(f"{name} no longer exists: remove it from OVERSIZE")
        elif len(MODULES[name].read_text(encoding="utf-8").splitlines()) <= MAX_LINES:
            stale.append(f"{name} is short enough now: remove it from OVERSIZE")
    return stale


def test_oversize_list_is_current():
    assert _stale_oversize(OVERSIZE) == []


def test_stale_oversize_entries_are_caught():
    # presslens.compare (682 lines before issue 14) is now a package whose __init__ only re-exports
    assert _stale_oversize({"presslens.compare": 682, "presslens.no_such_module": 601}) == [
        "presslens.compare is short enough now: remove it from OVERSIZE",
        "presslens.no_such_module no longer exists: remove it from OVERSIZE",
    ]


def _private_uses(name: str) -> list[str]:
    problems = []
    package = name if _is_package(name) else name.rsplit(".", 1)[0]
    aliases = {}
    for module, names, line in _imports(name):
        if not module.startswith("presslens"):
            continue
        for part_index, part in enumerate(module.split(".")):
            if part.startswith("_"):
                owner = ".".join(module.split(".")[:part_index])
                if not (package == owner or package.startswith(owner + ".")):
                    problems.append(f"{name}:{line} imports the private module {module}")
        for imported in names:
            if imported.startswith("_") and f"{module}.{imported}" not in MODULES:
                problems.append(f"{name}:{line} imports the private name {module}.{imported}")
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("presslens"):
                    aliases[alias.asname or alias.name.split(".")[0]] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("presslens"):
            for alias in node.names:
                if f"{node.module}.{alias.name}" in MODULES:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name) and node.value.id in aliases):
            problems.append(f"{name}:{node.lineno} uses the private name {aliases[node.value.id]}.{node.attr}")
    return problems


def test_private_name_check_catches_a_violation(tmp_path, monkeypatch):
    fake = tmp_path / "presslens"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "a.py").write_text("from presslens.b import _hidden\nimport presslens.b as b\nb._other()\n")
    (fake / "b.py").write_text("def _hidden(): pass\ndef _other(): pass\n")
    monkeypatch.setattr(__import__(__name__), "SRC", tmp_path)
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    monkeypatch.setattr(__import__(__name__), "MODULES", {_module_name(p): p for p in fake.glob("*.py")})
    assert len(_private_uses("presslens.a")) == 2


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_cross_module_private_names(name):
    assert _private_uses(name) == []
