"""Deprecated parameter names, kept working for one release.

presslens uses one name for each idea across the package, following scikit-learn and
pandas: ``group`` (the grouping column), ``random_state`` (every stochastic step) and
``n_boot`` (bootstrap replicates). Older names (``by``, ``group_by``, ``seed``,
``n_bootstrap``) still work for one release and raise a :class:`DeprecationWarning`.
"""

from __future__ import annotations

import functools
import warnings


def renamed_parameters(**old_to_new: str):
    """Accept the old keyword names of a function, warning that they are deprecated.

    Parameters
    ----------
    **old_to_new : str
        Each old keyword name and the name that replaces it.

    Example
    -------
    >>> @renamed_parameters(by="group")
    ... def count(table, group=None):
    ...     return group
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     count([], by="outlet")
    'outlet'
    >>> str(caught[0].message)
    'count(by=...) is deprecated and will be removed in presslens 0.3; use group=... instead'
    >>> count([], by="outlet", group="outlet_type")
    Traceback (most recent call last):
    ...
    TypeError: count() got both 'by' and its new name 'group'; pass only group=...
    """

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{function.__name__}() got both {old!r} and its new name {new!r}; pass only {new}=...")
                    warnings.warn(f"{function.__name__}({old}=...) is deprecated and will be removed in presslens 0.3; use {new}=... instead",
                                  DeprecationWarning, stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return wrapper

    return decorate


def user_stacklevel() -> int:
    """The ``stacklevel`` that makes :func:`warnings.warn` point at the first caller outside
    presslens, so a warning names the user's line rather than a presslens wrapper.

    Example
    -------
    >>> user_stacklevel()  # called from outside presslens: the caller's own line
    1
    """
    import os
    import sys

    package = os.path.dirname(os.path.abspath(__file__))
    frame, level = sys._getframe(1), 1  # the caller of user_stacklevel is level 1 for warnings.warn
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package):
        frame, level = frame.f_back, level + 1
    return level
