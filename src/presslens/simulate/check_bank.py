"""Check simulator text banks: ``python src/presslens/simulate/check_bank.py FILE...``."""

from __future__ import annotations

import pathlib
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from slots import problems  # noqa: E402


def walk(node, where):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{where}[{index}]")
    elif isinstance(node, str):
        yield where, node


def main(paths):
    bad = 0
    for path in paths:
        data = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8"))
        texts = list(walk(data, pathlib.Path(path).stem))
        words = sum(len(t.split()) for _, t in texts)
        for where, text in texts:
            for problem in problems(text):
                bad += 1
                print(f"{path}: {where}: {problem}: {text[:80]!r}")
            if where.split(".")[-1].startswith("quotes") or ".quotes." in where:
                if '"' in text or "\u201c" in text or "\u201d" in text:
                    bad += 1
                    print(f"{path}: {where}: quote text must not contain double quote marks")
        print(f"{path}: {len(texts)} strings, {words} words")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
