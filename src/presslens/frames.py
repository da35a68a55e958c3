"""Frame dictionaries: scoring articles by frame, auditing scores, validating against codes.

A frame "selects some aspects of a perceived reality and makes them more salient"
(Entman 1993).  Dictionary methods measure frames by counting the words that signal
them: transparent and auditable, but blunt.  presslens's dictionary
(``data/frames.yaml``) nests the issue-specific frames of this subject (vigilante justice,
vigilante risk, police capacity, legal process, tech responsibility, child safeguarding,
scale of the threat) inside dimensions of the Policy Frames Codebook (Boydstun et al.
2014).  ``score_frames`` returns, for every article and frame, matches per 1,000 words,
presence, and the terms that matched, so every score can be traced to words in the text;
``dominant_frames`` picks each article's dominant frame with a stated tie rule.

Validation: ``validate_frames`` scores dominant frames against any labelled set
(precision, recall, F1 per frame, macro-F1, confusion matrix); ``coding_sample`` exports
a random sample for hand-coding and ``agreement`` computes Cohen's kappa and
Krippendorff's alpha (the ``krippendorff`` package) once a coder's labels are read back.

References: Entman, R. M. (1993). Framing. *Journal of Communication*, 43(4), 51-58.
Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking the
development of media frames within and across policy issues. APSA Annual Meeting.
Krippendorff, K. (2018). *Content Analysis* (4th ed.). Sage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import yaml

NO_FRAME = "none"


@dataclass
class FrameDictionary:
    """A parsed frame dictionary: frames with their dimension, terms and exclusions."""

    name: str
    version: str
    citation: str
    frames: dict  # frame -> {"dimension", "label", "terms", "exclusions"}
    exclusions: list

    @property
    def order(self) -> list[str]:
        return list(self.frames)

    def table(self) -> pd.DataFrame:
        """One row per (frame, term), for reading and auditing the dictionary."""
        rows = [{"dimension": f["dimension"], "frame": frame, "term": term} for frame, f in self.frames.items() for term in f["terms"]]
        return pd.DataFrame(rows)


def load_dictionary(source=None) -> FrameDictionary:
    """The default dictionary, or one from a YAML path or an already parsed mapping."""
    if source is None:
        data = yaml.safe_load(resources.files("presslens").joinpath("data", "frames.yaml").read_text(encoding="utf-8"))
    elif isinstance(source, dict):
        data = source
    else:
        data = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    frames = {}
    for dimension, block in data["dimensions"].items():
        for frame, spec in block["frames"].items():
            if not spec.get("terms"):
                raise ValueError(f"frame {frame!r} has no terms")
            frames[frame] = {"dimension": dimension, "label": spec.get("label", frame), "terms": [str(t).lower() for t in spec["terms"]],
                             "exclusions": [str(t).lower() for t in spec.get("exclusions", [])]}
    return FrameDictionary(data.get("name", "frames"), str(data.get("version", "")), data.get("citation", ""), frames,
                           [str(t).lower() for t in data.get("exclusions", [])])


_TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("\u2019", "'"))


class _Compiled:
    """Terms as token sequences, matched longest first at each position (a term ending in
    ``*`` matches any word beginning with it).  Written as set lookups rather than one
    large regular expression, which is an order of magnitude slower."""

    def __init__(self, dictionary: FrameDictionary):
        self.dictionary = dictionary
        self.term_frames: dict[str, list[str]] = {}
        for frame, spec in dictionary.frames.items():
            for term in spec["terms"]:
                self.term_frames.setdefault(term, []).append(frame)
        self.exact: dict[tuple, str] = {}
        self.prefixes: list[tuple[tuple, str]] = []
        for term in self.term_frames:
            words = tuple(_tokens(term.replace("*", "")))
            if term.endswith("*"):
                self.prefixes.append((words, term))
            else:
                self.exact[words] = term
        self.max_words = max([len(k) for k in self.exact] + [len(k) for k, _ in self.prefixes] + [1])
        exclusions = list(dictionary.exclusions) + [x for spec in dictionary.frames.values() for x in spec["exclusions"]]
        self.exclusions = {tuple(_tokens(x)) for x in exclusions}
        self.max_exclusion = max([len(x) for x in self.exclusions] + [0])

    def matches(self, text: str) -> list[str]:
        tokens = _tokens(text)
        blocked = set()
        if self.exclusions:
            for i in range(len(tokens)):
                for n in range(self.max_exclusion, 0, -1):
                    if tuple(tokens[i : i + n]) in self.exclusions:
                        blocked.update(range(i, i + n))
                        break
        found, i = [], 0
        while i < len(tokens):
            if i in blocked:
                i += 1
                continue
            hit = None
            for n in range(min(self.max_words, len(tokens) - i), 0, -1):
                term = self.exact.get(tuple(tokens[i : i + n]))
                if term is not None and not blocked.intersection(range(i, i + n)):
                    hit = (term, n)
                    break
            if hit is None:
                for words, term in self.prefixes:
                    n = len(words)
                    if tuple(tokens[i : i + n - 1]) == words[:-1] and i + n - 1 < len(tokens) and tokens[i + n - 1].startswith(words[-1]):
                        hit = (term, n)
                        break
            if hit is None:
                i += 1
            else:
                found.append(hit[0])
                i += hit[1]
        return found


class FrameScores(NamedTuple):
    """What :func:`score_frames` returns: long scores and each article's dominant frame."""

    scores: pd.DataFrame
    dominant: pd.DataFrame


def _frame_matches(corpus: pd.DataFrame, compiled, text: str, headline: bool, progress: bool | None):
    """Each article's matched dictionary terms (a Counter) and its length in words."""
    from collections import Counter

    from presslens._progress import progress_bar

    heads = corpus["headline"].fillna("").astype(str) if headline and "headline" in corpus else pd.Series("", index=corpus.index)
    bar = progress_bar(total=len(corpus), desc="frames", unit="article", enabled=progress)
    per_doc, lengths = [], []
    for body, head in zip(corpus[text], heads, strict=True):
        value = f"{head}\n\n{body}" if head else body
        lengths.append(max(1, len(value.split())))
        per_doc.append(Counter(compiled.matches(value)))
        bar.update(1)
    bar.close()
    return per_doc, lengths


def frame_document_frequency(corpus: pd.DataFrame, *, text: str = "text", dictionary=None, headline: bool = True) -> tuple[int, dict]:
    """``(articles, {term: articles matching it})`` for the dictionary's terms: what the
    ``idf`` weighting of :func:`score_frames` is computed from.  Counts of parts of a
    corpus add up, so :mod:`presslens.scale` sums them over partitions and passes them
    back to :func:`score_frames` (``document_frequency=``) for each partition.

    Example
    -------
    >>> table = pd.DataFrame({"doc_id": ["a"], "headline": [""], "text": ["Vigilantes livestreamed the sting."]})
    >>> frame_document_frequency(table)[0]
    1
    """
    from collections import Counter

    compiled = _Compiled(load_dictionary(dictionary) if not isinstance(dictionary, FrameDictionary) else dictionary)
    per_doc, _ = _frame_matches(corpus, compiled, text, headline, False)
    return len(per_doc), dict(Counter(term for counts in per_doc for term in counts))


def score_frames(corpus: pd.DataFrame, *, text: str = "text", dictionary=None, headline: bool = True, weighting: str = "idf",
                 progress: bool | None = None, document_frequency: tuple[int, dict] | None = None) -> FrameScores:
    """Score every article on every frame of a dictionary.

    Parameters
    ----------
    corpus : DataFrame
        The corpus (clean it first; noise such as repeated captions double-counts terms).
    dictionary : None, path or mapping
        The frame dictionary (default: presslens's ``data/frames.yaml``).
    headline : bool
        Count the headline's words too.
    weighting : {"idf", "count"}
        ``count``: every match counts 1.  ``idf`` (default): a match counts the term's
        inverse document frequency in this corpus, ``log(N / df)``, so that a term found
        in almost every article (in this subject, *children*) signals less than a
        distinctive one; a term in every article counts 0.
    document_frequency : (int, dict), optional
        ``(articles, {term: articles})`` of a larger corpus this table is part of (from
        :func:`frame_document_frequency`, summed over parts): the ``idf`` weights then come
        from the whole corpus, so scoring it part by part gives the same scores.

    Returns
    -------
    FrameScores
        ``scores``: one row per article and frame with ``doc_id``, ``dimension``,
        ``frame``, ``matches`` (raw count), ``score`` (weighted matches),
        ``per_1000_words`` (weighted score per 1,000 words), ``present`` and ``terms``
        (each matched term with its count, e.g. ``brave×2; volunteers×1``).
        ``dominant``: one row per article with ``dominant_frame``, its rate,
        ``runner_up`` and ``margin``.  Tie rule: the higher rate wins; on equal rates,
        the frame with more distinct matched terms; then the frame listed first in the
        dictionary.  An article with no match gets ``none``.

    Example
    -------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "headline": ["Group confronts man", "Police warn"],
    ...     "text": ["A paedophile hunter group said its volunteers were brave and proud to expose offenders.",
    ...              "Police warned that vigilante stings could jeopardise investigations and put lives at risk."]})
    >>> scores, dominant = score_frames(corpus, weighting="count")
    >>> dominant[["doc_id", "dominant_frame", "runner_up"]]
      doc_id     dominant_frame runner_up
    0      a  vigilante_justice      none
    1      b     vigilante_risk      none
    """
    from collections import Counter

    if weighting not in ("idf", "count"):
        raise ValueError("weighting must be 'idf' or 'count'")
    compiled = _Compiled(load_dictionary(dictionary) if not isinstance(dictionary, FrameDictionary) else dictionary)
    frames = compiled.dictionary.order
    dimension = {f: compiled.dictionary.frames[f]["dimension"] for f in frames}
    per_doc, lengths = _frame_matches(corpus, compiled, text, headline, progress)
    n_docs = len(per_doc)
    if weighting == "idf":
        if document_frequency is None:
            df = Counter(term for counts in per_doc for term in counts)
        else:
            n_docs, df = document_frequency
        weight = {term: float(np.log(n_docs / d)) for term, d in df.items()}
    else:
        weight = None
    rows, dominant_rows = [], []
    for doc_id, counts, words in zip(corpus["doc_id"], per_doc, lengths, strict=True):
        best = []
        for position, frame in enumerate(frames):
            mine = {t: n for t, n in counts.items() if frame in compiled.term_frames[t]}
            total = sum(mine.values())
            score = sum(n * weight[t] for t, n in mine.items()) if weight is not None else float(total)
            rate = 1000 * score / words
            rows.append((doc_id, dimension[frame], frame, total, score, rate, total > 0, "; ".join(f"{t}\u00d7{n}" for t, n in sorted(mine.items(), key=lambda x: (-x[1], x[0])))))
            best.append((-rate, -len(mine), position, frame, rate))
        best.sort()
        top, second = best[0], best[1] if len(best) > 1 else (0, 0, 0, NO_FRAME, 0.0)
        dominant_rows.append((doc_id, top[3] if top[4] > 0 else NO_FRAME, round(top[4], 3), second[3] if second[4] > 0 else NO_FRAME, round(top[4] - second[4], 3)))
    scores = pd.DataFrame(rows, columns=["doc_id", "dimension", "frame", "matches", "score", "per_1000_words", "present", "terms"])
    scores["score"] = scores["score"].round(4)
    scores["per_1000_words"] = scores["per_1000_words"].round(3)
    dominant = pd.DataFrame(dominant_rows, columns=["doc_id", "dominant_frame", "per_1000_words", "runner_up", "margin"])
    return FrameScores(scores, dominant)


def frame_shares(scores: pd.DataFrame) -> pd.DataFrame:
    """Wide table of each article's frame rates normalised to shares (rows sum to 1; an
    article with no match gets zeros): input for :func:`presslens.compare.prevalence`."""
    wide = scores.pivot(index="doc_id", columns="frame", values="per_1000_words").fillna(0)
    totals = wide.sum(axis=1).replace(0, np.nan)
    return wide.div(totals, axis=0).fillna(0).reset_index()


def validate_frames(predicted, truth, *, labels=None) -> dict[str, pd.DataFrame]:
    """Precision, recall and F1 of dominant frames against a labelled set:
    :func:`presslens.evaluate.score_frames`, where the scoring lives.

    Returns ``per_frame`` (precision, recall, F1, support), ``summary`` (accuracy,
    macro-F1, weighted F1, n) and ``confusion`` (rows: truth, columns: predicted).
    Items whose truth is missing are left out.

    Examples
    --------
    >>> validate_frames(["a", "b"], ["a", "a"])["summary"]["accuracy"].iat[0]
    np.float64(0.5)
    """
    from presslens.evaluate import score_frames

    return score_frames(predicted, truth, labels=labels)


def coding_sample(corpus: pd.DataFrame, n: int = 50, *, path=None, random_state: int = 0, text: str = "text", excerpt_chars: int = 1200,
                  frames=None) -> pd.DataFrame:
    """A random sample of articles for manual coding, written to ``path`` (CSV) if given.

    The sheet holds ``doc_id``, outlet, date, headline and an excerpt, with an empty
    ``coder_frame`` column to fill in (the valid codes are listed in ``valid_codes``).
    Predicted frames are deliberately not shown, so the coding is blind.
    """
    from presslens.corpus.write import neutralise_formulas

    sample = corpus.sample(min(n, len(corpus)), random_state=random_state).sort_values("doc_id")
    codes = " | ".join(list(frames or load_dictionary().order) + [NO_FRAME])
    sheet = pd.DataFrame({
        "doc_id": sample["doc_id"].to_numpy(),
        "outlet": sample["outlet"].to_numpy(),
        "published": sample["published"].dt.strftime("%Y-%m-%d").to_numpy() if "published" in sample else "",
        "headline": sample["headline"].to_numpy(),
        "excerpt": [t[:excerpt_chars] + ("..." if len(t) > excerpt_chars else "") for t in sample[text]],
        "coder_frame": "",
        "valid_codes": codes,
    })
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        neutralise_formulas(sheet).to_csv(path, index=False)
    return sheet


def agreement(coder_a, coder_b) -> pd.DataFrame:
    """Agreement between two codings of the same items: per cent agreement, Cohen's kappa
    and Krippendorff's alpha (nominal).  Items missing in either coding are left out."""
    import krippendorff
    from sklearn.metrics import cohen_kappa_score

    a, b = pd.Series(np.asarray(coder_a, dtype=object)), pd.Series(np.asarray(coder_b, dtype=object))
    keep = a.notna() & b.notna() & (a.astype(str) != "") & (b.astype(str) != "")
    a, b = a[keep].astype(str), b[keep].astype(str)
    categories = {c: i for i, c in enumerate(sorted(set(a) | set(b)))}
    data = np.array([[categories[x] for x in a], [categories[x] for x in b]], dtype=float)
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") if len(categories) > 1 else 1.0
    return pd.DataFrame([{"items": int(keep.sum()), "agreement": float((a.to_numpy() == b.to_numpy()).mean()),
                          "cohens_kappa": float(cohen_kappa_score(a, b)), "krippendorffs_alpha": float(alpha)}]).round(4)
