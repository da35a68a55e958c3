"""The explorer: one offline, interactive HTML page to read behind every number.

:func:`build_explorer` writes ``explore.html``: a **term plot** of two groups (each term
placed by its frequency in each group and coloured by its Fightin' Words z, searchable;
clicking a term lists its keyword-in-context lines with headline, outlet and date), an
**article map** (the two-dimensional layout of the report's article map, coloured by
cluster, frame or outlet type; hovering shows the headline, clicking shows the article's
text, frames, quotes and claims) and **filters** by year range, outlet type, cluster and
frame that update both views.  It is what scattertext's term plot (Kessler 2017) offers,
joined to presslens's clusters, frames, quotes, claims and pseudonyms.

The numbers come from the package's own functions: :func:`presslens.compare.fightin_words`
(Monroe et al. 2008), :func:`presslens.cluster.cluster_corpus` and the report's PCA
projection of its document vectors, :func:`presslens.frames.score_frames`,
:func:`presslens.quotes.extract_quotes` / :func:`presslens.quotes.attribute` and
:func:`presslens.claims.extract_claims`.  The page recomputes only what filters change:
term counts of the filtered articles (tokenised exactly as presslens tokenises) with the
Fightin' Words z under the same prior, and keyword-in-context lines the way
:func:`presslens.compare.kwic` finds them.

Why plain JavaScript and not Bokeh: the page needs two linked canvases, a search box,
lists and an article panel.  Bokeh's standalone inline resources alone weigh 1.3 MB
(1.65 MB with its widgets; Bokeh 3.9); its linked filtering and click panels would need
CustomJS callbacks, which BokehJS compiles from strings with ``new Function``, something a
policy that forbids eval blocks; and it injects inline scripts whose hashes change with
every document.  About 500 lines (26 KB) of dependency-free JavaScript drawing on
``<canvas>`` (which stays fast with tens of thousands of points, where SVG slows down)
are smaller, load offline from a file path, run under a strict Content-Security-Policy
and are tested in headless Chromium.

Safety: all corpus data travels as JSON inside ``<script type="application/json">`` with
``<``, ``>`` and ``&`` escaped, is parsed with ``JSON.parse`` and is shown only through
``textContent`` (never ``innerHTML``).  The page's Content-Security-Policy allows exactly
one script, the page's own, by its SHA-256 hash: no remote scripts, no ``eval``, no inline
event handlers, no network requests.

Large corpora: every term is kept, the map shows a random sample of at most
``max_points`` articles, and the full text (with frames, quotes and claims, and the
per-article counts behind filtered term plots and KWIC lines) is embedded for a random
sample of those within ``text_budget`` characters.  The page says what it sampled.

References: Kessler, J. S. (2017). Scattertext: a browser-based tool for visualizing how
corpora differ. *ACL System Demonstrations*, 85-90. Monroe, B. L., Colaresi, M. P., &
Quinn, K. M. (2008). Fightin' words. *Political Analysis*, 16(4), 372-403.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

MAX_POINTS = 10_000         # articles drawn on the map at most
TEXT_BUDGET = 4_000_000     # characters of article text embedded at most
CHOOSE_K_SAMPLE = 5_000     # larger corpora choose k on a random sample of this many articles
DETAIL_LIMIT = 60           # quotes and claims listed per article at most


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def json_for_html(data) -> str:
    """JSON that is safe inside an HTML ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (and the
    line separators U+2028/U+2029 escaped), so no string in the data can close the
    element or open a comment; ``JSON.parse`` gives back the original strings.

    Example
    -------
    >>> json_for_html({"headline": "</script><script>alert(1)</script>"})
    '{"headline":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    >>> json.loads(json_for_html({"a": "x < y & z"}))
    {'a': 'x < y & z'}
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def script_hash(script: str) -> str:
    """The Content-Security-Policy source (``'sha256-…'``) that allows exactly this inline script.

    Example
    -------
    >>> script_hash("console.log(1);")
    "'sha256-NcFG924SlHfGQGG8hFEeEJDz1NgFlxPmZj3Us1sfdkI='"
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script: str) -> str:
    """The explorer's policy: nothing from anywhere (``default-src 'none'``) except its own
    script (by hash), inline styles and data-URL images, as the report's pages allow.

    Example
    -------
    >>> content_security_policy("console.log(1);").split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-NcFG924SlHfGQGG8hFEeEJDz1NgFlxPmZj3Us1sfdkI='"]
    """
    return (f"default-src 'none'; script-src {script_hash(script)}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def comparison_pair(corpus: pd.DataFrame, group: str) -> tuple[str, str]:
    """The two groups the term plot compares: tabloid against broadsheet when both are
    present (as in the report), otherwise the two most frequent values of ``group``.

    Example
    -------
    >>> comparison_pair(pd.DataFrame({"outlet_type": ["wire", "tabloid", "broadsheet", "wire"]}), "outlet_type")
    ('tabloid', 'broadsheet')
    >>> comparison_pair(pd.DataFrame({"outlet": ["A", "B", "B", "C", "C", "C"]}), "outlet")
    ('C', 'B')
    """
    if group not in corpus:
        raise ValueError(f"the corpus has no column {group!r} to compare groups by; its columns are {', '.join(map(str, corpus.columns))}")
    values = corpus[group].dropna().astype(str).value_counts()
    if {"tabloid", "broadsheet"} <= set(values.index):
        return "tabloid", "broadsheet"
    if len(values) < 2:
        raise ValueError(f"the term plot compares two groups, but {group!r} has {len(values)} value(s); pass group= a column with at least two")
    ordered = sorted(values.items(), key=lambda item: (-item[1], item[0]))
    return ordered[0][0], ordered[1][0]


def sample_articles(n: int, max_points: int, lengths, text_budget: int, random_state: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Which articles the page draws on the map and which it embeds in full.

    Returns ``(points, reading)``: row positions of the map's articles (all of them when
    ``n <= max_points``, else a simple random sample) and the positions, among those, of
    the articles whose text is embedded: taken in a random order while their text fits
    in ``text_budget`` characters.  Both are sorted, and deterministic for a seed.

    Example
    -------
    >>> points, reading = sample_articles(5, 3, [10, 10, 10, 10, 10], 25)
    >>> len(points), len(reading)
    (3, 2)
    >>> sample_articles(3, 10, [1, 1, 1], 100)[0].tolist()
    [0, 1, 2]
    """
    rng = np.random.default_rng(random_state)
    points = np.arange(n) if n <= max_points else np.sort(rng.choice(n, size=max_points, replace=False))
    lengths = np.asarray(lengths)[points]
    order = rng.permutation(len(points))
    within = np.cumsum(lengths[order]) <= text_budget
    reading = np.sort(order[within]) if within.all() else np.sort(order[: int(np.argmin(within))])
    return points, reading


def _cluster(cleaned: pd.DataFrame, k, random_state: int, progress):
    """The report's clustering; for corpora larger than CHOOSE_K_SAMPLE, k is chosen on a
    random sample of articles (choosing k costs many k-means fits), then every article is
    clustered with that k."""
    from presslens.cluster import (
        choose_k,
        cluster_articles,
        cluster_corpus,
        label_clusters,
        recommend_k,
    )

    if k is not None or len(cleaned) <= CHOOSE_K_SAMPLE:
        return cluster_corpus(cleaned, k, clean_first=False, random_state=random_state, progress=progress)
    from presslens.cluster import Clustering
    from presslens.features import document_vectors

    prepared = cleaned.reset_index(drop=True)
    vectors, features = document_vectors(prepared, n_components=50, random_state=random_state, drop_names=True)
    sample = np.sort(np.random.default_rng(random_state).choice(len(prepared), size=CHOOSE_K_SAMPLE, replace=False))
    table = choose_k(vectors[sample], range(3, 13), random_state=random_state)
    k, reason = recommend_k(table)
    reason = f"{reason} (k chosen on a random sample of {CHOOSE_K_SAMPLE:,} articles, then all {len(prepared):,} clustered)"
    labels = cluster_articles(vectors, k, random_state=random_state)
    summary = label_clusters(prepared, labels, vectors, features)
    return Clustering(prepared, labels, vectors, features, summary, k, reason, table)


def map_coordinates(vectors, random_state: int = 0) -> np.ndarray:
    """The article map's two dimensions: the first two principal components of the
    document vectors, as the report's article map (:func:`presslens.plots.plot_article_map`)
    draws them.

    Example
    -------
    >>> map_coordinates(np.eye(3)[[0, 0, 1, 2]]).shape
    (4, 2)
    """
    from sklearn.decomposition import PCA

    vectors = np.asarray(vectors, dtype=np.float64)
    if len(vectors) < 3:
        return np.zeros((len(vectors), 2))
    return PCA(n_components=2, random_state=random_state).fit_transform(vectors)


def _codes(values: pd.Series) -> tuple[list[str], list[int]]:
    labels = sorted(values.astype(str).unique())
    index = {label: i for i, label in enumerate(labels)}
    return labels, [index[v] for v in values.astype(str)]


def explorer_data(corpus: pd.DataFrame, *, group: str = "outlet_type", groups: tuple[str, str] | None = None, clustering=None, k=None,
                  max_points: int = MAX_POINTS, text_budget: int = TEXT_BUDGET, random_state: int = 0, progress: bool | None = None,
                  cleaned: pd.DataFrame | None = None, note: str = "") -> dict:
    """Everything the explorer page shows, as one JSON-ready dictionary.

    See :func:`build_explorer` for the parameters.  Keys: ``meta`` (what was read and
    sampled), ``terms`` (every term of the Fightin' Words table: counts in each group and
    z), ``points`` (the map's articles, column-wise), ``reading`` (embedded articles' text,
    frames, quotes, claims), ``clusters``, ``frames``, ``outlets`` and ``types``.

    Example
    -------
    >>> from presslens.simulate import simulate
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = simulate(n=200, seed=3, out=folder, progress=False)
    >>> from presslens.corpus import load
    >>> data = explorer_data(load(folder).corpus, k=4, progress=False)
    >>> data["meta"]["groups"], len(data["points"]["x"]), data["meta"]["sampled"]
    (['tabloid', 'broadsheet'], 200, False)
    """
    from presslens import claims as claim_tools
    from presslens import compare, frames, quotes
    from presslens.text import clean

    if cleaned is None:
        cleaned = clean(corpus, progress=progress).corpus
    cleaned = cleaned.reset_index(drop=True)
    if len(cleaned) < 10:
        raise ValueError(f"the explorer needs at least 10 articles to cluster and compare; this corpus has {len(cleaned)}")
    a, b = groups if groups is not None else comparison_pair(cleaned, group)
    words = compare.fightin_words(cleaned, a, b, group=group)
    terms = words.sort_values("term", kind="stable")
    # the page knows the listed terms only, so z is computed over them here exactly as the page
    # recomputes it for filtered articles: the empirical-Bayes prior of these counts (capped as
    # in presslens.compare), kept fixed under filters
    y_a, y_b = terms["n_a"].to_numpy(float), terms["n_b"].to_numpy(float)
    proportions = (y_a + y_b + 1e-9) / (y_a + y_b + 1e-9).sum()
    alpha0 = min(compare.empirical_alpha0(np.vstack([y_a, y_b]), proportions), (y_a.sum() + y_b.sum()) / 2 / 10)
    terms = terms.assign(z=compare.fightin_words_counts(y_a, y_b, prior="informative", alpha0=alpha0)["z"].to_numpy())

    if clustering is None:
        clustering = _cluster(cleaned, k, random_state, progress)
    coordinates = map_coordinates(clustering.vectors, random_state)
    position = pd.Series(np.arange(len(clustering.corpus)), index=clustering.corpus["doc_id"].astype(str).to_numpy())
    order = position.reindex(cleaned["doc_id"].astype(str).to_numpy()).to_numpy()
    if np.isnan(order.astype(float)).any():
        raise ValueError("the clustering was computed on other articles than this corpus (doc_id values differ)")
    order = order.astype(int)
    labels = np.asarray(clustering.labels)[order]
    coordinates = coordinates[order]

    points, reading = sample_articles(len(cleaned), max_points, cleaned["text"].str.len().to_numpy(), text_budget, random_state)
    shown = cleaned.iloc[points].reset_index(drop=True)
    scores, dominant = frames.score_frames(shown, progress=progress)
    dictionary = frames.load_dictionary()
    frame_names = [frames.NO_FRAME, *dictionary.order]
    frame_of = dominant.set_index("doc_id")["dominant_frame"].reindex(shown["doc_id"]).fillna(frames.NO_FRAME).to_numpy()
    type_column = "outlet_type" if "outlet_type" in shown else group
    types, type_codes = _codes(shown[type_column].fillna("(none)"))
    outlets, outlet_codes = _codes(shown["outlet"].fillna("(none)"))
    values = shown[group].astype(str).to_numpy()
    side = np.where(values == a, 0, np.where(values == b, 1, 2))
    published = pd.to_datetime(shown["published"], utc=True)
    read_index = np.full(len(shown), -1)
    read_index[reading] = np.arange(len(reading))

    read = shown.iloc[reading].reset_index(drop=True)
    found_quotes = quotes.attribute(quotes.extract_quotes(read, progress=progress), read)
    found_claims = claim_tools.extract_claims(read, progress=progress)
    # one pass over each table (looking articles up one by one in pandas costs more than the analyses)
    frames_of, quotes_of, claims_of = defaultdict(list), defaultdict(list), defaultdict(list)
    matched = scores.loc[scores["matches"] > 0, ["doc_id", "frame", "per_1000_words", "terms"]]
    for doc_id, frame, rate, matched_terms in matched.itertuples(index=False, name=None):
        frames_of[doc_id].append([frame, float(rate), matched_terms])
    in_text = found_quotes.loc[found_quotes["field"] == "text", ["doc_id", "start", "end", "speaker_as_written", "role", "organisation", "cue"]]
    for doc_id, start, end, *who in in_text.itertuples(index=False, name=None):
        if len(quotes_of[doc_id]) < DETAIL_LIMIT:  # a quote is sent as its offsets in the text, not a second copy
            quotes_of[doc_id].append([int(start), int(end), *(_text(value) for value in who)])
    for doc_id, value, what, source, year in found_claims[["doc_id", "value_text", "what", "source", "year"]].itertuples(index=False, name=None):
        if len(claims_of[doc_id]) < DETAIL_LIMIT:
            claims_of[doc_id].append([_text(value), _text(what), _text(source), "" if pd.isna(year) else int(year)])
    details = [{"text": text, "frames": frames_of.get(doc_id, []), "quotes": quotes_of.get(doc_id, []), "claims": claims_of.get(doc_id, [])}
               for doc_id, text in zip(read["doc_id"], read["text"], strict=True)]

    unique = corpus.drop_duplicates("doc_id")
    published_headlines = pd.Series(unique["headline"].fillna("").astype(str).to_numpy(), index=unique["doc_id"].astype(str).to_numpy())
    headlines = published_headlines.reindex(shown["doc_id"].astype(str).to_numpy())
    headlines = headlines.where(headlines.notna(), shown["headline"].fillna("").astype(str).to_numpy())
    names = dict(zip(clustering.summary["cluster"], clustering.summary["name"], strict=True))
    sampled = len(points) < len(cleaned)
    meta = {
        "presslens_version": _version(),
        "source": str(corpus.attrs.get("source", "")),
        "note": note,
        "pseudonymised": bool(corpus.attrs.get("pseudonymised", False)),
        "articles": int(len(cleaned)),
        "points": int(len(points)),
        "reading": int(len(reading)),
        "sampled": bool(sampled),
        "text_sampled": bool(len(reading) < len(cleaned)),
        "max_points": int(max_points),
        "text_budget": int(text_budget),
        "random_state": int(random_state),
        "group": group,
        "groups": [str(a), str(b)],
        "type_column": type_column,
        "tokens": [int(terms["n_a"].sum()), int(terms["n_b"].sum())],
        "alpha0": float(alpha0),
        "min_freq": 5,
        "cluster_reason": clustering.reason,
        "frame_dictionary": f"{dictionary.name}, version {dictionary.version}",
        "years": [int(published.dt.year.min()), int(published.dt.year.max())],
    }
    return {
        "meta": meta,
        "terms": {"term": terms["term"].tolist(), "a": terms["n_a"].astype(int).tolist(), "b": terms["n_b"].astype(int).tolist(),
                  "z": [round(float(z), 4) for z in terms["z"]]},
        "clusters": [{"id": int(c), "name": str(names.get(c, c))} for c in sorted(set(labels.tolist()))],
        "frames": frame_names,
        "types": types,
        "outlets": outlets,
        "points": {
            "x": [round(float(v), 4) for v in coordinates[points, 0]],
            "y": [round(float(v), 4) for v in coordinates[points, 1]],
            "cluster": [int(v) for v in labels[points]],
            "frame": [frame_names.index(f) if f in frame_names else 0 for f in frame_of],
            "type": type_codes,
            "outlet": outlet_codes,
            "side": side.tolist(),
            "year": published.dt.year.astype(int).tolist(),
            "date": published.dt.strftime("%Y-%m-%d").tolist(),
            # the headline as published (pseudonymised), not as cleaned for analysis
            "headline": headlines.astype(str).tolist(),
            "doc": shown["doc_id"].astype(str).tolist(),
            "read": read_index.tolist(),
        },
        "reading": details,
    }


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _version() -> str:
    import presslens

    return presslens.__version__


def render_explorer(data: dict, *, title: str = "presslens explorer") -> str:
    """The explorer page for :func:`explorer_data`'s dictionary: one HTML document with the
    data as escaped JSON, the page's script inline and allowed by its hash.

    Example
    -------
    >>> page = render_explorer({"meta": {"note": "<b>x</b>"}}, title="A & B")
    >>> "<b>x</b>" in page, "\\\\u003cb\\\\u003ex" in page, "<title>A &amp; B</title>" in page
    (False, True, True)
    """
    script = _asset("explorer.js")
    esc = html.escape
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy(script))}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">',
        f"<title>{esc(title)}</title>",
        f"<style>{_asset('explorer.css')}</style>",
        "</head><body>",
        _asset("explorer.html"),
        f'<script type="application/json" id="explorer-data">{json_for_html(data)}</script>',
        f"<script>{script}</script>",
        "</body></html>",
    ]) + "\n"


def build_explorer(corpus, out_dir, *, group: str = "outlet_type", groups: tuple[str, str] | None = None, clustering=None, k: int | None = None,
                   max_points: int = MAX_POINTS, text_budget: int = TEXT_BUDGET, random_state: int = 0, pseudonymise: bool | None = None,
                   key: str | None = None, progress: bool | None = None, cleaned: pd.DataFrame | None = None,
                   filename: str = "explore.html") -> Path:
    """Write the explorer page for a corpus and return its path (``out_dir/explore.html``).

    Parameters
    ----------
    corpus : DataFrame or path
        An opened corpus (:func:`presslens.open_corpus`)
        or a corpus file or folder, which is opened (pseudonymised) first.
    out_dir : path
        Folder to write; created if needed.
    group : str
        The column whose two groups the term plot compares (default ``outlet_type``).
    groups : (str, str), optional
        The two values of ``group``; default tabloid against broadsheet when both occur,
        else the two most frequent values.
    clustering : presslens.cluster.Clustering, optional
        A clustering of this corpus already computed (the report's); otherwise
        :func:`presslens.cluster.cluster_corpus` runs (``k=None`` chooses k as the report
        does; above 5,000 articles k is chosen on a random sample of 5,000).
    max_points : int
        Articles drawn on the map at most (a random sample beyond that).
    text_budget : int
        Characters of article text embedded at most; the articles with text (and
        frames, quotes, claims) are a random sample of the map's when they do not all fit.
    pseudonymise : bool, optional
        Replace private individuals' names before anything is written.  A table opened by
        ``open_corpus`` records in ``corpus.attrs["pseudonymised"]`` whether that was done;
        ``None`` (default) follows that record (and pseudonymises a table without one),
        ``True`` pseudonymises unless it was already done, ``False`` never does.
    cleaned : DataFrame, optional
        The corpus already cleaned of news noise (the report's), to save cleaning again.

    Example
    -------
    >>> from presslens.simulate import simulate
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = simulate(n=200, seed=3, out=folder, progress=False)
    >>> page = build_explorer(folder, folder + "/out", k=4, progress=False)
    >>> page.name, page.stat().st_size < 10_000_000
    ('explore.html', True)
    """
    note = ""
    if not isinstance(corpus, pd.DataFrame):
        from presslens.corpus.open import open_corpus
        opened = open_corpus(corpus, pseudonymise=pseudonymise is not False, key=key)
        corpus, note = opened.corpus, opened.note
    elif (recorded := corpus.attrs.get("pseudonymised")) is not True and (pseudonymise or (pseudonymise is None and recorded is None)):
        # not yet pseudonymised, and asked to (or no record of the choice: then the safe default)
        from presslens.privacy import pseudonymise_corpus

        attrs = dict(corpus.attrs)
        corpus, mapping, _ = pseudonymise_corpus(corpus, key=key)
        corpus.attrs.update(attrs)
        corpus.attrs["pseudonymised"] = True
        note = f"Names of {len(mapping):,} private individuals replaced by pseudonyms."
        cleaned = None  # the cleaned table given still holds the names
    data = explorer_data(corpus, group=group, groups=groups, clustering=clustering, k=k, max_points=max_points, text_budget=text_budget,
                         random_state=random_state, progress=progress, cleaned=cleaned, note=note)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / filename
    path.write_text(render_explorer(data), encoding="utf-8")
    return path


__all__ = ["build_explorer", "comparison_pair", "content_security_policy", "explorer_data", "json_for_html", "map_coordinates",
           "render_explorer", "sample_articles", "script_hash"]
