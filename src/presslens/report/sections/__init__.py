"""The report's sections, one module each, registered in the order they run.

Importing this package registers every section with
:func:`presslens.report.context.section`; :func:`presslens.report.build.build_report`
runs them in order.  A new section is a module here with one function
``ReportContext -> Section`` decorated with ``@section(order=N)``, imported below.

Examples
--------
>>> from presslens.report.context import registered_sections
>>> [f.__name__ for f in registered_sections()]  # doctest: +NORMALIZE_WHITESPACE
['corpus_overview', 'kinds_of_coverage', 'how_outlets_differ', 'attention_over_time', 'framing',
 'who_is_quoted', 'recycled_coverage', 'statistics_that_travel']
"""

from presslens.report.sections.attention import attention_over_time
from presslens.report.sections.framing import framing
from presslens.report.sections.kinds import kinds_of_coverage
from presslens.report.sections.outlets import how_outlets_differ
from presslens.report.sections.overview import corpus_overview
from presslens.report.sections.quoted import who_is_quoted
from presslens.report.sections.recycled import recycled_coverage
from presslens.report.sections.statistics import statistics_that_travel

__all__ = ["attention_over_time", "corpus_overview", "framing", "how_outlets_differ", "kinds_of_coverage", "recycled_coverage",
           "statistics_that_travel", "who_is_quoted"]
