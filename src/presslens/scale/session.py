"""Starting a Dask cluster on this machine, or connecting to one that is already running.

Every function in :mod:`presslens.scale` builds a Dask task graph and computes it with
whatever scheduler is current: the :class:`distributed.Client` made last (Dask makes a
new client the default), or, without one, Dask's local threaded scheduler.  ``session``
is the usual way in: a local cluster of worker *processes* (each with its own memory
limit, so one greedy partition cannot take the machine down) or, given an address, an
existing cluster, for example one started with ``dask scheduler`` / ``dask worker`` on
several machines or by dask-jobqueue on a university HPC system.

References: Rocklin, M. (2015). Dask: Parallel computation with blocked algorithms and
task scheduling. *Proceedings of the 14th Python in Science Conference*, 126-132.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager


def local_cluster(n_workers: int = 2, *, threads_per_worker: int = 1, memory_limit: str | int = "3GiB", processes: bool = True,
                  host: str = "127.0.0.1", dashboard_address: str | None = ":0", silence_logs: int = logging.ERROR, **options):
    """A :class:`distributed.LocalCluster` with presslens's defaults.

    Parameters
    ----------
    n_workers, threads_per_worker : int
        Worker processes and threads in each.  Text processing in Python holds the GIL,
        so processes with one thread each use the cores best.
    memory_limit : str or int
        Memory each worker may use (``"3GiB"``); above 60% it spills results to disk,
        above 95% the nanny restarts it and its tasks run again elsewhere.
    host : str
        Listen on the loopback interface only (default), so nothing is exposed to the
        network.
    dashboard_address : str or None
        ``":0"`` (default) serves the diagnostic dashboard on a free port (its address is
        ``cluster.dashboard_link``); ``None`` switches it off.
    processes : bool
        Workers as processes (default), or as threads of this process (``False``: quick to
        start, for small jobs and tests; still served over TCP on ``host``).

    Example
    -------
    >>> cluster = local_cluster(2, processes=False, memory_limit="1GiB", dashboard_address=None)  # threads: starts in a moment
    >>> cluster.scheduler_address.startswith("tcp://127.0.0.1:"), len(cluster.workers)
    (True, 2)
    >>> from distributed import Client
    >>> with Client(cluster) as client:
    ...     client.submit(sum, [1, 2, 3]).result()
    6
    >>> cluster.close()

    With ``processes=True`` (the default) each worker is a process, which takes a few
    seconds to start; ``local_cluster(2, memory_limit="2GiB").dashboard_link`` is then
    an address such as ``'http://127.0.0.1:8787/status'``.
    """
    from distributed import LocalCluster

    if not processes:  # threads in this process: Dask would use its in-process transport, which rejects ``host``
        options.setdefault("protocol", "tcp://")
    return LocalCluster(n_workers=n_workers, threads_per_worker=threads_per_worker, memory_limit=memory_limit, processes=processes,
                        host=host, dashboard_address=dashboard_address, silence_logs=silence_logs, **options)


@contextmanager
def session(scheduler: str | None = None, *, n_workers: int = 2, memory_limit: str | int = "3GiB", **cluster_options):
    """A :class:`distributed.Client` for the duration of a ``with`` block.

    Parameters
    ----------
    scheduler : str, optional
        The address of a running scheduler (``tcp://10.0.0.5:8786``).  Without one, a
        :func:`local_cluster` of ``n_workers`` processes is started and shut down at the end.
    n_workers, memory_limit, **cluster_options
        Passed to :func:`local_cluster`.

    Example
    -------
    >>> import tempfile
    >>> from presslens import scale
    >>> from presslens.corpus import load_teaching
    >>> path = scale.write_partitions(load_teaching().head(60), tempfile.mkdtemp(), rows_per_partition=30)
    >>> with scale.session(n_workers=2, processes=False, memory_limit="1GiB", dashboard_address=None) as client:
    ...     articles = scale.read_corpus(path, rows_per_partition=30)
    ...     cleaned = scale.prepare(articles, tempfile.mkdtemp())
    ...     table = scale.keyness(cleaned, "tabloid", "broadsheet", group="outlet_type")
    ...     workers = len(client.scheduler_info()["workers"])
    >>> workers, cleaned.npartitions
    (2, 2)
    >>> from presslens import compare, text
    >>> pandas_cleaned = text.clean(load_teaching().head(60), progress=False).corpus
    >>> table.equals(compare.keyness(pandas_cleaned, "tabloid", "broadsheet", group="outlet_type"))  # the pandas path's table
    True

    On a real corpus, leave ``processes`` at its default (worker processes) and give
    ``read_corpus`` the corpus's folder or ``datapackage.json``.
    """
    from distributed import Client

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = local_cluster(n_workers, memory_limit=memory_limit, **cluster_options)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


__all__ = ["local_cluster", "session"]
