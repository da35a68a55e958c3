"""The press-ecosystem simulator that writes the teaching corpus.

``simulate(n, random_state, out)`` writes a fictional UK press corpus about online child-safety
policing and vigilante "paedophile hunter" groups, 2013-2024, with ground-truth labels
(frames, events, quotes, numeric claims, wire copies, duplicates, private individuals)
in separate files.  Text comes from hand-written banks (YAML package data under
``banks/``); every person, outlet, group, company, charity and police unit is invented.
"""

from presslens.simulate.generate import TEACHING_N, TEACHING_SEED, plan_corpus, simulate
from presslens.simulate.world import FRAMES, OUTLETS, World, build_world

__all__ = ["FRAMES", "OUTLETS", "TEACHING_N", "TEACHING_SEED", "World", "build_world", "plan_corpus", "simulate"]
