"""Comparing coverage between groups, one job per module:

* :mod:`~presslens.compare.counting`: term counts by group (:func:`term_counts`), the
  step keyness and Fightin' Words share;
* :mod:`~presslens.compare.keywords`: keywords of a target against a reference (G²,
  chi-square, Log Ratio, %DIFF, Fisher, PMI; :func:`keyness`);
* :mod:`~presslens.compare.log_odds`: Fightin' Words, Monroe et al.'s log-odds with
  a Dirichlet prior (:func:`fightin_words`);
* :mod:`~presslens.compare.concordance`: reading in context (:func:`kwic`,
  :func:`collocations`);
* :mod:`~presslens.compare.categories`: categories across groups, the share of each
  with bootstrap intervals (:func:`prevalence`), tests of independence
  (:func:`compare_groups`) and correspondence analysis (:func:`correspondence`).

Every public name is importable from here (``from presslens.compare import keyness``);
each module's docstring cites the method's papers.
"""

from __future__ import annotations

from presslens.compare.categories import compare_groups, correspondence, prevalence
from presslens.compare.concordance import collocations, kwic
from presslens.compare.counting import group_mask, term_counts
from presslens.compare.keywords import (
    KEYNESS_MEASURES,
    chi_square,
    keyness,
    keyness_from_counts,
    log_likelihood,
    log_ratio,
)
from presslens.compare.log_odds import (
    empirical_alpha0,
    fightin_words,
    fightin_words_counts,
    fightin_words_from_counts,
)

__all__ = [
    "KEYNESS_MEASURES", "chi_square", "collocations", "compare_groups", "correspondence", "empirical_alpha0", "fightin_words",
    "fightin_words_counts", "fightin_words_from_counts", "group_mask", "keyness", "keyness_from_counts", "kwic", "log_likelihood",
    "log_ratio", "prevalence", "term_counts",
]
