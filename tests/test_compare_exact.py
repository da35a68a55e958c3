"""presslens.compare against independent computations: scipy for chi-square and G², the
published formulas written out here for Log Ratio, %DIFF, PMI and Fightin' Words, and a
hand-built Fightin' Words example; plus ground-truth recovery on the teaching corpus."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from presslens import compare

cell = st.integers(min_value=1, max_value=5000)


@settings(max_examples=200, deadline=None)
@given(cell, cell, cell, cell)
def test_g2_and_chi2_equal_scipy_on_random_tables(a, b, c, d):
    table = np.array([[a, b], [c, d]])
    for correction in (False, True):
        g2 = stats.chi2_contingency(table, correction=correction, lambda_="log-likelihood")[0]
        chi2 = stats.chi2_contingency(table, correction=correction)[0]
        assert compare.log_likelihood(a, b, c, d, yates=correction) == pytest.approx(g2, abs=1e-9, rel=1e-9)
        assert compare.chi_square(a, b, c, d, yates=correction) == pytest.approx(chi2, abs=1e-9, rel=1e-9)


def test_ucrel_form_and_williams_correction():
    a, b, n1, n2 = 120, 40, 100_000, 120_000
    e1, e2 = n1 * (a + b) / (n1 + n2), n2 * (a + b) / (n1 + n2)
    ucrel = 2 * (a * math.log(a / e1) + b * math.log(b / e2))  # the UCREL calculator's formula
    assert compare.log_likelihood(a, b, n1 - a, n2 - b, form="ucrel") == pytest.approx(ucrel, rel=1e-12)
    full = compare.log_likelihood(a, b, n1 - a, n2 - b)
    n = n1 + n2
    q = 1 + (n * (1 / (a + n1 - a) + 1 / (b + n2 - b)) - 1) * (n * (1 / (a + b) + 1 / (n - a - b)) - 1) / (6 * n)
    assert compare.log_likelihood(a, b, n1 - a, n2 - b, williams=True) == pytest.approx(full / q, rel=1e-12)


def test_log_ratio_pct_diff_and_pmi_follow_the_published_formulas():
    target = {"alpha": 30, "beta": 0, "gamma": 10, "delta": 60}
    reference = {"alpha": 10, "beta": 5, "gamma": 40, "delta": 45}
    table = compare.keyness(None, target, reference, min_freq=1).set_index("term")
    n_t, n_r = 100, 100
    assert table.loc["alpha", "log_ratio"] == pytest.approx(math.log2((30 / n_t) / (10 / n_r)))
    assert table.loc["beta", "log_ratio"] == pytest.approx(math.log2((0.5 / n_t) / (5 / n_r)))  # Hardie: zero -> 0.5
    assert table.loc["gamma", "pct_diff"] == pytest.approx((10 / n_t - 40 / n_r) * 100 / (40 / n_r))
    assert table.loc["alpha", "pmi"] == pytest.approx(math.log2((30 / 200) / ((40 / 200) * (100 / 200))))
    assert table.loc["alpha", "sign"] == "+" and table.loc["gamma", "sign"] == "-"
    g2 = stats.chi2_contingency([[30, 10], [70, 90]], correction=False, lambda_="log-likelihood")[0]
    assert table.loc["alpha", "g2"] == pytest.approx(g2)
    assert table.loc["alpha", "g2_p"] == pytest.approx(stats.chi2.sf(g2, 1))
    ordered = table.index.tolist()
    assert ordered[0] == "alpha" and ordered[-1] == "gamma", "overused terms first, most underused last"


def test_benjamini_hochberg_and_fisher():
    target = {f"w{i}": 10 + i for i in range(20)}
    reference = {f"w{i}": 20 - i for i in range(20)}
    table = compare.keyness(None, target, reference, min_freq=1, measures=("g2", "fisher"))
    expected = stats.false_discovery_control(table["g2_p"], method="bh")
    np.testing.assert_allclose(table["p_adjusted"], expected)
    row = table.set_index("term").loc["w0"]
    n_t, n_r = sum(target.values()), sum(reference.values())
    odds, p = stats.fisher_exact([[10, 20], [n_t - 10, n_r - 20]])
    assert row["fisher_p"] == pytest.approx(p) and row["odds_ratio"] == pytest.approx(odds)


def independent_fightin_words(y_a, y_b, alphas):
    """Monroe, Colaresi & Quinn (2008), eqs. 16, 18 and 19, written out term by term."""
    n_a, n_b, a0 = sum(y_a), sum(y_b), sum(alphas)
    out = []
    for ya, yb, aw in zip(y_a, y_b, alphas, strict=True):
        delta = math.log((ya + aw) / (n_a + a0 - ya - aw)) - math.log((yb + aw) / (n_b + a0 - yb - aw))
        variance = 1 / (ya + aw) + 1 / (yb + aw)
        out.append((delta, variance, delta / math.sqrt(variance)))
    return out


@pytest.mark.parametrize("prior", ["uniform", "informative", "background"])
def test_fightin_words_equals_the_published_formula(prior):
    rng = np.random.default_rng(4)
    y_a, y_b = rng.integers(0, 200, 30), rng.integers(0, 200, 30)
    background = rng.integers(1, 1000, 30)
    table = compare.fightin_words_counts(y_a, y_b, prior=prior, alpha=0.5, alpha0=100, background=background)
    if prior == "uniform":
        alphas = [0.5] * 30
    else:
        base = (background if prior == "background" else y_a + y_b) + 1e-9
        alphas = list(100 * base / base.sum())
    for (delta, variance, z), row in zip(independent_fightin_words(list(y_a), list(y_b), alphas), table.itertuples(), strict=True):
        assert row.delta == pytest.approx(delta) and row.variance == pytest.approx(variance) and row.z == pytest.approx(z)


def test_fightin_words_worked_example():
    """A hand-built example: group A says 'brave' much more, B says 'proportionate' much
    more, both say 'police' at the same rate; a rare word used once by A only is
    shrunk towards zero by the prior, so it ranks below the frequent, distinctive one."""
    terms = ["brave", "police", "proportionate", "rare"]
    y_a = np.array([40, 100, 5, 1])
    y_b = np.array([4, 100, 45, 0])
    table = compare.fightin_words_counts(y_a, y_b, prior="informative", alpha0=50).assign(term=terms).set_index("term")
    assert table.loc["brave", "z"] > 0 > table.loc["proportionate", "z"]
    assert abs(table.loc["police", "z"]) < 0.5
    assert table.loc["brave", "z"] > table.loc["rare", "z"] > 0
    assert list(table.sort_values("z", ascending=False).index) == ["brave", "rare", "police", "proportionate"]


def test_empirical_bayes_alpha0_maximises_the_marginal_likelihood():
    from scipy.special import gammaln

    rng = np.random.default_rng(2)
    proportions = rng.dirichlet(np.ones(40))
    counts = np.vstack([rng.multinomial(3000, rng.dirichlet(200 * proportions)) for _ in range(2)])
    best = compare.empirical_alpha0(counts, proportions)

    def log_likelihood(a0):
        alphas = a0 * proportions
        return sum(gammaln(a0) - gammaln(r.sum() + a0) + np.sum(gammaln(r + alphas) - gammaln(alphas)) for r in counts)

    assert log_likelihood(best) >= max(log_likelihood(best * 0.7), log_likelihood(best * 1.4))
    assert 50 < best < 800  # the truth is 200


def test_compare_groups_and_correspondence_against_direct_computation():
    table = pd.DataFrame({"outlet": ["a"] * 60 + ["b"] * 40, "frame": ["x"] * 45 + ["y"] * 15 + ["x"] * 10 + ["y"] * 30})
    test, cells = compare.compare_groups(table, "outlet", "frame")
    chi2 = stats.chi2_contingency([[45, 15], [10, 30]], correction=False)[0]
    assert test["chi2"].iat[0] == pytest.approx(chi2)
    assert test["cramers_v"].iat[0] == pytest.approx(math.sqrt(chi2 / 100))
    assert cells.set_index(["group", "category"]).loc[("a", "x"), "residual"] > 2
    counts = pd.DataFrame([[20, 5, 5], [5, 20, 5], [5, 5, 20], [10, 10, 10]], index=list("pqrs"), columns=list("xyz"))
    result = compare.correspondence(counts)
    p = counts.to_numpy() / counts.to_numpy().sum()
    r, c = p.sum(axis=1), p.sum(axis=0)
    total_inertia = ((p - np.outer(r, c)) ** 2 / np.outer(r, c)).sum()  # = chi2 / n
    assert result["inertia"]["inertia"].sum() == pytest.approx(total_inertia)
    assert result["rows"].loc["s", ["dim_1", "dim_2"]].abs().max() < 1e-9, "the average row sits at the origin"


def test_kwic_and_collocations():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "published": pd.to_datetime(["2020-01-01", "2020-01-02"]),
                           "text": ["The paedophile hunters group met police. Police said hunters were reckless.",
                                    "Hunters  group leaders spoke. The Crown Court heard evidence."]})
    hits = compare.kwic(corpus, "hunters group", window=2)
    assert hits["match"].tolist() == ["hunters group", "Hunters group"]
    assert hits["left"].tolist() == ["The paedophile", ""]
    assert hits["right"].iat[0] == "met police."
    pairs = compare.collocations(corpus, min_count=2, stop=False)
    assert ("hunters", "group") in set(zip(pairs["first"], pairs["second"], strict=True))
    assert ("police", "police") not in set(zip(pairs["first"], pairs["second"], strict=True)), "no pair crosses a sentence boundary"


@pytest.fixture(scope="module")
def teaching():
    from presslens.corpus import load_teaching
    from presslens.text import clean

    return clean(load_teaching(), progress=False).corpus


def test_planted_tabloid_words_are_top_keywords(teaching):
    from presslens.simulate.world import TABLOID_WORDS

    by_g2 = compare.keyness(teaching, "tabloid", "broadsheet", group="outlet_type")
    by_fw = compare.fightin_words(teaching, "tabloid", "broadsheet")
    for table, name in ((by_g2, "G2"), (by_fw, "Fightin' Words z")):
        top = set(table["term"].head(50))
        missing = [w for w in TABLOID_WORDS if w not in top]
        assert not missing, f"planted tabloid words outside the top 50 by {name}: {missing}"


def test_prevalence_intervals_cover_planted_frame_shares(teaching):
    from presslens.corpus import load_labels

    labels = load_labels("articles")
    on_topic = labels[labels["off_topic"].astype(str).str.lower() != "true"]
    result = compare.prevalence(on_topic, "outlet_type", category="primary_frame", n_boot=1000)
    planted = load_labels("frame_shares").set_index(["outlet_type", "frame"])["planted_share"]
    covered = [(row.lower - 0.005) <= planted[(row.group, row.category)] <= (row.upper + 0.005) for row in result.itertuples()]
    assert np.mean(covered) >= 0.9, f"{np.mean(covered):.2f} of 95% intervals cover the planted shares"


def reference_fightin_words_table(terms, y_a, y_b, alpha0, min_freq):
    """An independent Fightin' Words table: informative prior over ALL terms, then the
    rows with at least ``min_freq`` occurrences, written with plain Python floats."""
    y_a, y_b = [float(x) for x in y_a], [float(x) for x in y_b]
    pooled = [a + b + 1e-9 for a, b in zip(y_a, y_b, strict=True)]
    alphas = [alpha0 * p / sum(pooled) for p in pooled]
    rows = {}
    for term, ya, yb, (delta, variance, z) in zip(terms, y_a, y_b, independent_fightin_words(y_a, y_b, alphas), strict=True):
        if ya + yb >= min_freq:
            rows[term] = (delta, variance, z)
    return rows


@pytest.mark.parametrize("min_freq", [1, 5, 40])
def test_fightin_words_counts_all_terms_and_filters_the_output_only(min_freq):
    rng = np.random.default_rng(11)
    terms = np.array([f"w{i:02d}" for i in range(60)])
    y_a, y_b = rng.integers(0, 60, 60), rng.integers(0, 60, 60)
    table = compare.fightin_words_from_counts(terms, y_a, y_b, prior="informative", alpha0=80, min_freq=min_freq).set_index("term")
    expected = reference_fightin_words_table(terms, y_a, y_b, 80, min_freq)
    assert set(table.index) == set(expected)
    for term, (delta, variance, z) in expected.items():
        row = table.loc[term]
        assert abs(row["delta"] - delta) < 1e-9 and abs(row["variance"] - variance) < 1e-9 and abs(row["z"] - z) < 1e-9
    # a term's z does not depend on min_freq
    full = compare.fightin_words_from_counts(terms, y_a, y_b, prior="informative", alpha0=80, min_freq=0).set_index("term")
    np.testing.assert_allclose(table["z"], full.loc[table.index, "z"], rtol=0, atol=1e-12)


def reference_g2(a, b, n_t, n_r):
    """Log-likelihood G² of Rayson & Garside (2000), full four-cell form, plain Python."""
    cells = [(a, n_t, a + b), (b, n_r, a + b), (n_t - a, n_t, n_t + n_r - a - b), (n_r - b, n_r, n_t + n_r - a - b)]
    total = n_t + n_r
    return 2 * sum(o * math.log(o / (row * col / total)) for o, row, col in cells if o > 0)


@pytest.mark.parametrize("min_freq", [1, 6])
def test_keyness_with_min_freq_keeps_the_totals_of_all_terms(min_freq):
    rng = np.random.default_rng(5)
    terms = np.array([f"w{i:02d}" for i in range(40)])
    a, b = rng.integers(0, 30, 40), rng.integers(0, 30, 40)
    table = compare.keyness_from_counts(terms, a, b, min_freq=min_freq, measures=("g2", "log_ratio")).set_index("term")
    n_t, n_r = float(a.sum()), float(b.sum())
    kept = [t for t, x, y in zip(terms, a, b, strict=True) if x + y >= min_freq]
    assert set(table.index) == set(kept)
    for term, x, y in zip(terms, a, b, strict=True):
        if x + y < min_freq:
            continue
        assert abs(table.loc[term, "g2"] - reference_g2(float(x), float(y), n_t, n_r)) < 1e-9
        ratio = math.log2(((x or 0.5) / n_t) / ((y or 0.5) / n_r))
        assert abs(table.loc[term, "log_ratio"] - ratio) < 1e-9


def test_one_group_against_the_rest_for_keyness_and_fightin_words():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "outlet": ["North", "South", "East", "East"], "outlet_type": ["tabloid", "broadsheet", "regional", "regional"],
        "text": ["Vigilante sting video, vigilante group.", "Police warned the group.", "Council police funding.", "Police funding council vote."],
    })
    rest = compare.fightin_words(corpus, "tabloid", "rest", prior="uniform", min_freq=1)
    explicit = compare.fightin_words(corpus, "tabloid", ["broadsheet", "regional"], prior="uniform", min_freq=1)
    pd.testing.assert_frame_equal(rest, explicit)
    assert rest.iloc[0]["term"] == "vigilante" and rest.iloc[0]["n_a"] == 2
    keys = compare.keyness(corpus, "tabloid", "rest", group="outlet_type", min_freq=1)
    pd.testing.assert_frame_equal(keys, compare.keyness(corpus, "tabloid", ["broadsheet", "regional"], group="outlet_type", min_freq=1))
    with pytest.raises(ValueError, match="group_b='rest'"):
        compare.fightin_words(corpus, "tabloid")


def test_no_pronouns_or_single_letters_among_keywords():
    corpus = pd.DataFrame({
        "doc_id": list("abcd"), "outlet_type": ["tabloid", "tabloid", "broadsheet", "broadsheet"],
        "text": ["I said you and I saw it. She's p. We're here, he said.", "They told me I was right, you know. U.S. stings.",
                 "Police said the unit's backlog grew.", "The unit said funding was cut."],
    })
    for table in (compare.keyness(corpus, "tabloid", "rest", group="outlet_type", min_freq=1),
                  compare.fightin_words(corpus, "tabloid", "rest", group="outlet_type", min_freq=1)):
        terms = set(table["term"])
        assert not {t for t in terms if len(t) == 1}, terms
        assert not terms & {"i", "you", "she", "we", "he", "they", "me", "it", "we're", "she's"}, terms
        assert "unit" in terms and "u.s" in terms
