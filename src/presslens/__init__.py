"""presslens: cluster and compare press coverage of online child-safety policing and of
self-styled "paedophile hunter" vigilante groups.

The package holds the helpers that the numbered notebooks call.  Start with
:func:`presslens.corpus.load` (your own corpus) or :func:`presslens.corpus.load_teaching`
(the simulated teaching corpus).
"""

from presslens.corpus import CorpusError, describe, load, load_labels, load_teaching, save, validate

__version__ = "0.1.0"

__all__ = ["CorpusError", "describe", "load", "load_labels", "load_teaching", "save", "validate", "__version__"]
