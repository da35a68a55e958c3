"""Scoring a pseudonymisation against labels: recall, precision, protected strings changed.

Used by the tests (hand-written privacy cases, teaching corpus labels) and by
``benchmarks/eval_privacy_real.py``.
"""

from __future__ import annotations

import re

import pandas as pd

_MARK = re.compile(r"\[([^\[\]]+)\]")


def parse_case(marked: str) -> tuple[str, list[tuple[str, str]]]:
    """A marked-up case: ``[Full Name]`` is a private individual, ``[Surname]`` that
    person's surname alone.  Returns the plain text and, for each bracketed span, the text
    and the private person it refers to (the first full name of that surname, else the
    surname itself).

    Example
    -------
    >>> parse_case("[Keith Dawlish], 47, was jailed. [Dawlish] wept.")
    ('Keith Dawlish, 47, was jailed. Dawlish wept.', [('Keith Dawlish', 'Keith Dawlish'), ('Dawlish', 'Keith Dawlish')])
    """
    spans = _MARK.findall(marked)
    full = [s for s in spans if " " in s]
    out = []
    for span in spans:
        if " " in span:
            out.append((span, span))
        else:
            owner = next((f for f in full if f.split()[-1] == span), span)
            out.append((span, owner))
    return _MARK.sub(lambda m: m.group(1), marked), out


def expected_text(marked: str, pseudonyms: dict) -> str:
    """The text a perfect pseudonymiser would write: each bracketed span replaced by the
    pseudonym of the person it refers to, everything else as written.

    Example
    -------
    >>> expected_text("[Keith Dawlish] was jailed. [Dawlish] wept.", {"Keith Dawlish": "Person Bakomirute"})
    'Person Bakomirute was jailed. Person Bakomirute wept.'
    """
    _, spans = parse_case(marked)
    owners = iter(owner for _, owner in spans)
    return _MARK.sub(lambda m: pseudonyms.get(next(owners), "<not replaced>"), marked)


def score_pseudonymisation(before, after, private, protected, replaced) -> dict:
    """Recall, precision and protected strings changed over a set of texts.

    Parameters
    ----------
    before, after : list of str
        The texts before and after pseudonymisation.
    private : list of list of str
        For each text, the private names it contains (recall: the share no longer found
        in the output).
    protected : list of list of str
        For each text, the strings that must survive (places, organisations, officials,
        calendar phrases).
    replaced : list of str
        The names the pseudonymiser replaced (its mapping).
    Returns
    -------
    dict
        ``private``, ``recall``, ``replaced``, ``precision``, ``protected``,
        ``protected_changed`` and ``protected_changed_share``; precision is the share of
        replaced names that are labelled private in some text.

    Example
    -------
    >>> score_pseudonymisation(["Keith Dawlish of St Helens"], ["Person Bakomirute of St Helens"], [["Keith Dawlish"]],
    ...                        [["St Helens"]], ["Keith Dawlish"])["recall"]
    1.0
    """
    private_found = [(name, text_after) for names, text_before, text_after in zip(private, before, after, strict=True)
                     for name in names if name in text_before]
    kept = sum(1 for name, text_after in private_found if re.search(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text_after))
    labelled = {n for names in private for n in names}
    replaced = list(dict.fromkeys(replaced))
    correct = sum(1 for n in replaced if n in labelled or n.split()[-1] in {x.split()[-1] for x in labelled})
    protected_found = [(s, text_after) for strings, text_before, text_after in zip(protected, before, after, strict=True)
                       for s in strings if s in text_before]
    changed = sum(1 for s, text_after in protected_found if s not in text_after)
    return {"private": len(private_found), "recall": 1 - kept / len(private_found) if private_found else 1.0,
            "replaced": len(replaced), "precision": correct / len(replaced) if replaced else 1.0,
            "protected": len(protected_found), "protected_changed": changed,
            "protected_changed_share": changed / len(protected_found) if protected_found else 0.0}


def load_cases(path) -> pd.DataFrame:
    """A privacy case file (YAML list of ``id``, ``style``, ``text``, ``protected``, and
    optionally ``extra_text_before``) as a table with the plain ``plain`` text, the
    ``marked`` text and the ``private`` names.

    Example
    -------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cases.yaml"
    >>> _ = path.write_text('- {id: a, style: court, text: "[Lee Ward], 31, was jailed.", protected: []}')
    >>> load_cases(path)[["id", "plain", "private"]].to_dict("records")
    [{'id': 'a', 'plain': 'Lee Ward, 31, was jailed.', 'private': ['Lee Ward']}]
    """
    from pathlib import Path

    import yaml

    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    rows = []
    for case in cases:
        marked = (case.get("extra_text_before") or "") + case["text"]
        plain, spans = parse_case(marked)
        rows.append({"id": case["id"], "style": case["style"], "marked": marked, "plain": plain,
                     "private": list(dict.fromkeys(owner for _, owner in spans)), "protected": list(case.get("protected") or [])})
    return pd.DataFrame(rows)
