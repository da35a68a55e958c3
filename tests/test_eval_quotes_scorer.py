"""The PolNeAR scorer (benchmarks/eval_quotes_polnear.py) on a fictional article in brat layout.

The figures in benchmarks/RESULTS.md come from this scorer, so its counting is tested here on
text written for the test: a gold run per quoted run inside a content span, a term of one word
inside a content span ("U-turn") that counts in the all-runs figures but not in the three-or-more-words
line, a quoted title outside every content span, and a pronoun source mapped to the nearest
earlier named source.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_quotes_polnear.py"

TEXT = (
    'Council leader Ann Rowe said: "We will reopen the library by spring."\n\n'
    'Rowe said the plan was not a "U-turn" at all.\n\n'
    '"The budget is agreed," she said.\n\n'
    'The film "Harbour Lights Tonight" was shown in the hall.\n'
)


def _brat(text: str) -> str:
    """Attribution relations for TEXT (source, cue, content per paragraph), offsets found in the text."""
    relations = [
        (0, "Council leader Ann Rowe", "said", '"We will reopen the library by spring."'),
        (1, "Rowe", "said", 'the plan was not a "U-turn" at all'),
        (2, "she", "said", '"The budget is agreed,"'),
    ]
    paragraphs = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    lines = []
    for e, (paragraph, *words) in enumerate(relations, start=1):
        ids = []
        for label, phrase in zip(("Source", "Cue", "Content"), words, strict=True):
            start = text.index(phrase, paragraphs[paragraph])
            ids.append(f"T{3 * (e - 1) + len(ids) + 1}")
            lines.append(f"{ids[-1]}\t{label} {start} {start + len(phrase)}\t{phrase}")
        lines.append(f"E{e}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("eval_quotes_polnear", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_runs_and_outside_runs(scorer, tmp_path):
    relations = scorer.read_ann(_write(tmp_path)[1])
    gold, outside = scorer.gold_quotes(TEXT, relations)
    runs = [TEXT[g["start"]:g["end"]] for g in gold]
    assert runs == ["We will reopen the library by spring.", "U-turn", "The budget is agreed,"]
    assert [g["person"] for g in gold] == ["Council leader Ann Rowe", "Rowe", "Rowe"]  # "she" -> the nearest earlier named source
    assert [g["pronoun"] for g in gold] == [False, False, True]
    assert [TEXT[s:e] for s, e in outside] == ["Harbour Lights Tonight"]


def test_evaluate_counts(scorer, tmp_path):
    folder, _ = _write(tmp_path)
    results = scorer.evaluate(folder)
    assert results["articles"] == 1 and results["gold quotes"] == 3
    # the extractor reports the two sentences as speech, the one-word term and the title not
    assert results["predicted speech spans"] == 2
    assert results["span precision"] == pytest.approx(1.0) and results["span recall"] == pytest.approx(2 / 3)
    assert results["span P/R/F1, runs of 3+ words"] == "1.000 1.000 1.000  (gold n=2)"
    assert results["speaker right"] == (1.0, 2)
    assert results["pronoun sources"] == (1.0, 1)
    assert results["non-speech quoted as speech"] == (0.0, 1)


def test_overlap_and_names(scorer):
    assert scorer.overlap((0, 10), (5, 10)) == 0.5
    assert scorer.overlap((0, 10), (20, 30)) == 0.0
    assert scorer.name_word("Gov. Ann Lee of Iowa") == "Lee"
    assert scorer.name_word("Rep. Peter T. King of New York") == "King"
    assert scorer.name_word("the Vatican spokesman, Ann Lee") == "Lee"


def _write(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "text").mkdir(exist_ok=True)
    (tmp_path / "attributions").mkdir(exist_ok=True)
    (tmp_path / "text" / "council.txt").write_text(TEXT, encoding="utf-8")
    ann = tmp_path / "attributions" / "council_annotator1.ann"
    ann.write_text(_brat(TEXT), encoding="utf-8")
    return tmp_path, ann


@pytest.mark.parametrize(("source", "expected"), [
    ("The Florida senator", True),           # a definite description of a person: names no one, so not scored
    ("the former governor", True),
    ("The Scot", True),
    ("the councillor, who chairs the panel", True),
    ("the Trump campaign", False),           # an organisation, scored as one
    ("The Elmford Borough Council", False),
    ("the department", False),
    ("Council leader Ann Rowe", False),      # a name
    ("Rowe", False),
    ("she", False),
])
def test_described_sources_are_not_scored(scorer, source, expected):
    assert scorer.described(source) is expected
