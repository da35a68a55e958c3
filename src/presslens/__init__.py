"""presslens: cluster and compare press coverage of online child-safety policing and of
self-styled "paedophile hunter" vigilante groups.

The package holds the helpers that the numbered notebooks call.  Start with
:func:`presslens.open_corpus`: your own corpus (a file, a folder, an export, a table) or,
with no argument, the simulated teaching corpus.  ``docs/design.md`` maps the house.

Examples
--------
>>> import presslens
>>> opened = presslens.open_corpus(pseudonymise=False)   # the teaching corpus
>>> opened.articles.columns[:5].tolist()
['doc_id', 'outlet', 'published', 'headline', 'text']
"""

from presslens.corpus import (
    Corpus,
    CorpusError,
    describe,
    load,
    load_labels,
    load_teaching,
    open_corpus,
    save,
    validate,
)

__version__ = "0.1.0"

__all__ = ["Corpus", "CorpusError", "describe", "load", "load_labels", "load_teaching", "open_corpus", "save", "validate", "__version__"]
