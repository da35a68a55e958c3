"""Every public function and class carries a runnable example (issue 14).

Public objects are the functions and classes named in ``__all__`` of presslens's modules
whose dotted names have no part starting with an underscore, counted once each by the
module that defines them and their qualified name (a re-export is the same object).  An
object passes when its own docstring holds at least one doctest example that is not
``# doctest: +SKIP``; ``make test`` (``pytest --doctest-modules src``) then runs them.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import textwrap

import pytest

import presslens


def public_objects(package) -> dict[str, object]:
    """``module.qualname`` -> object for every public function and class of ``package``."""
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                found.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)
    return found


def example_status(obj) -> str:
    """``"runnable"``, ``"skip-only"`` or ``"missing"``: the doctest examples of the
    object's own docstring (not one inherited from a base class)."""
    doc = obj.__doc__  # a class's own (``inspect.getdoc`` would fall back to a base class's, which doctest does not run here)
    examples = doctest.DocTestParser().get_examples(inspect.cleandoc(doc) if isinstance(doc, str) else "")
    if not examples:
        return "missing"
    return "runnable" if any(not example.options.get(doctest.SKIP, False) for example in examples) else "skip-only"


def lacking_examples(objects: dict[str, object]) -> dict[str, str]:
    """The objects without a runnable example, with their status."""
    return {key: status for key, obj in sorted(objects.items()) if (status := example_status(obj)) != "runnable"}


@pytest.fixture(scope="module")
def presslens_objects():
    return public_objects(presslens)


def test_every_public_object_has_a_runnable_example(presslens_objects):
    lacking = lacking_examples(presslens_objects)
    assert not lacking, "public objects without a runnable (non +SKIP) example:\n" + "\n".join(f"  {k}: {s}" for k, s in lacking.items())


def test_walk_finds_the_public_api(presslens_objects):
    assert presslens_objects["presslens.corpus.read.load"] is presslens.corpus.load
    assert "presslens.scale.io.read_corpus" in presslens_objects
    assert "presslens.importers._common.ImportResult" in presslens_objects  # defined in a private module, public through presslens.importers
    assert not any(key.startswith("presslens.importers._common.collapse") for key in presslens_objects)  # not exported


# -- the checker itself, on a small synthetic package

def _write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    package = tmp_path / "fakepress"
    package.mkdir()
    _write(package / "__init__.py", '''
        from fakepress.tools import documented
        __all__ = ["documented"]
    ''')
    _write(package / "tools.py", '''
        __all__ = ["documented", "undocumented", "skipped", "Bare", "Inherits", "CONSTANT"]
        CONSTANT = 3

        def documented(x):
            """Double.

            Example
            -------
            >>> documented(2)
            4
            """
            return 2 * x

        def undocumented(x):
            """Double, with no example."""
            return 2 * x

        def skipped(x):
            """Double.

            >>> skipped(2)   # doctest: +SKIP
            4
            """
            return 2 * x

        def not_exported():
            """Not in __all__: not public."""

        class Bare:
            pass

        class Inherits(ValueError):
            pass
    ''')
    _write(package / "_private.py", '''
        __all__ = ["hidden"]

        def hidden():
            """No example, but the module is private."""
    ''')
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module("fakepress")
    import sys

    for name in [n for n in sys.modules if n == "fakepress" or n.startswith("fakepress.")]:
        del sys.modules[name]


def test_checker_flags_objects_without_a_runnable_example(fake_package):
    objects = public_objects(fake_package)
    assert set(objects) == {"fakepress.tools.documented", "fakepress.tools.undocumented", "fakepress.tools.skipped", "fakepress.tools.Bare",
                            "fakepress.tools.Inherits"}  # re-export counted once; constants, private modules and unlisted names left out
    assert lacking_examples(objects) == {"fakepress.tools.Bare": "missing", "fakepress.tools.Inherits": "missing",
                                         "fakepress.tools.skipped": "skip-only", "fakepress.tools.undocumented": "missing"}


def test_example_status_reads_doctest_directives():
    def runnable_after_skip():
        """
        >>> import os   # doctest: +SKIP
        >>> 1 + 1
        2
        """

    def skip_block():
        """
        >>> print("slow")   # doctest: +SKIP
        slow
        >>> print("slower") # doctest:+SKIP
        slower
        """

    assert example_status(runnable_after_skip) == "runnable"
    assert example_status(skip_block) == "skip-only"
    assert example_status(lambda: None) == "missing"
