"""Extraction on several processes, in input order and in bounded memory.

:func:`extract_parallel` is :func:`qfacts.extract_documents` over ``jobs`` worker processes: each worker builds
the pipeline once (with the ``fork`` start method it inherits the parent's), documents are handed out one at a
time, and records come back in input order. At most ``window`` documents (default ``4 * jobs``) are in flight
or waiting to be written, so memory stays bounded whatever the input's length, and a record is yielded as
soon as it and every record before it are done: a stream of documents gives a stream of records.

:func:`extract_items` is the same over a mixed stream (the CLI's): documents are extracted, anything else (an
:class:`qfacts.io.InputError`) is passed through in its place, and every document comes back with its
:class:`qfacts.Record` or the exception that extracting it raised, so one bad document never stops the run.
Nor does a worker process that dies (killed, out of memory): the pool is replaced, the documents that were in
flight are retried alone, and the one a worker dies on again gets an :class:`ExtractionError` of kind
``WorkerDied`` (see :class:`_Supervisor`).

>>> from qfacts.parallel import extract_parallel
>>> for record in extract_parallel(documents, jobs=2):
...     print(record.id, len(record.agreements))
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import sys
import threading
from concurrent.futures import BrokenExecutor, CancelledError, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Optional, Protocol, Tuple, Union

from .api import Document, extract_or_error
from .limits import DocumentTimeout, hard_limit, time_limit
from .models import Record
from .pipeline import Overrides, get_pipeline

Result = Union[Record, Exception, None]
"""A document's record, the exception extracting it raised, or None for an item that is not a document."""


class ExtractionError(Exception):
    """An exception raised while extracting one document in another process, carried back by type and message.

    ``kind`` is the original exception's class name.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkersLost(RuntimeError):
    """The worker processes are gone (one was killed, or ran out of memory): the run cannot go on."""


def describe_error(exc: BaseException) -> str:
    """``Type: message`` for an exception raised here or carried back from a worker."""
    kind = exc.kind if isinstance(exc, ExtractionError) else type(exc).__name__
    return f"{kind}: {exc}"


def shared_pipeline(model: Optional[str] = None, overrides: Optional[Overrides] = None):
    """This process's pipeline for ``model`` and component ``overrides``, the very one ``qfacts.extract`` uses
    when both are None."""
    return get_pipeline(model, overrides)


def resolve_jobs(jobs: int) -> int:
    """The number of processes for ``jobs``: itself when positive; 0 or less means every core this process may use."""
    if jobs > 0:
        return jobs
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def extract_parallel(documents: Iterable[Document], jobs: int = 2, model: Optional[str] = None, *,
                     on_error: Optional[Callable[[Document, Exception], None]] = None,
                     window: Optional[int] = None) -> Iterator[Record]:
    """Records of ``documents`` extracted on ``jobs`` processes, in input order.

    ``model`` is as for :func:`qfacts.build_pipeline`. Without ``on_error`` the first failing document raises
    (an :class:`ExtractionError` when it failed in a worker); with it, ``on_error(document, exception)`` is
    called and the other documents go on.
    """
    for document, result in extract_items(documents, jobs=jobs, model=model, window=window):
        if isinstance(result, Exception):
            if on_error is None:
                raise result
            on_error(document, result)
        elif isinstance(result, Record):
            yield result


def extract_items(items: Iterable[Any], jobs: int = 1, model: Optional[str] = None, *,
                  window: Optional[int] = None, overrides: Optional[Overrides] = None,
                  timeout: Optional[float] = None) -> Iterator[Tuple[Any, Result]]:
    """``(item, result)`` for each item, in input order: a document's Record or exception; None for other items.

    ``jobs=1`` runs in this process; more runs that many worker processes with ``window`` items in flight.
    ``overrides`` configures components as for :func:`qfacts.build_pipeline`. With ``timeout`` (seconds), a
    document whose extraction takes longer is stopped and its result is an :class:`ExtractionError` of kind
    :data:`TIMEOUT` (see :mod:`qfacts.limits`); in a worker process, one stuck in compiled code past twice the
    limit ends its worker, which is replaced, and the document gets a :data:`WORKER_DIED` error.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        nlp = shared_pipeline(model, overrides)
        if timeout:
            load_lazy_data(nlp)  # a lazy table is never left half built by a stopped document
        yield from _extract_here(items, nlp, timeout)
        return
    context = _start_context()
    forking = context.get_start_method() == "fork"
    if forking:
        # built once here, inherited by every worker (and a bad model fails here)
        _prepare_to_fork(shared_pipeline(model, overrides))
    _flush_standard_streams()  # a forked child flushes them on exit: nothing buffered may be written twice

    def make_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                   initargs=(model, overrides, timeout))

    try:
        supervisor = _Supervisor(make_pool)
        try:
            yield from ordered_results(items, supervisor.submit, window or 4 * jobs)
        finally:
            supervisor.close()
    finally:
        if forking:
            gc.unfreeze()


def _prepare_to_fork(nlp) -> None:
    """Before the workers fork: load the data components read lazily (``load_lazy_data``: the town list), so
    that workers share one copy instead of each reading its own, and move every object into the collector's
    permanent generation (:func:`gc.freeze`), so that a worker's collections do not write to, and so copy, the
    pages it shares with this process."""
    load_lazy_data(nlp)
    gc.freeze()


def load_lazy_data(nlp) -> None:
    """Load now what the pipeline's components would read on first use (the town list)."""
    for _, component in nlp.pipeline:
        load = getattr(component, "load_lazy_data", None)
        if callable(load):
            load()


def _flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _extract_here(items: Iterable[Any], nlp, timeout: Optional[float] = None) -> Iterator[Tuple[Any, Result]]:
    for item in items:
        if isinstance(item, Document):
            yield item, guarded_extract(item, nlp, timeout)
        else:
            yield item, None


TIMEOUT = "Timeout"
"""The ``kind`` of the :class:`ExtractionError` of a document stopped at its time limit."""


def guarded_extract(document: Document, nlp, timeout: Optional[float] = None) -> Union[Record, Exception]:
    """:func:`qfacts.api.extract_or_error`, with a MemoryError costing this document only (as in a worker):
    what the failed allocation needed is free again once its frames are gone; with ``timeout`` (seconds), a
    document that takes longer is stopped and costs itself only."""
    try:
        with time_limit(timeout):
            return extract_or_error(document, nlp)
    except DocumentTimeout as exc:
        return ExtractionError(TIMEOUT, str(exc))
    except MemoryError:
        gc.collect()
        return ExtractionError("MemoryError", "out of memory extracting this document")


def _start_context():
    """``fork`` where it is safe and cheap (workers inherit the built pipeline), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_worker_model: Optional[str] = None
_worker_overrides: Optional[Overrides] = None
_worker_timeout: Optional[float] = None


def _init_worker(model: Optional[str], overrides: Optional[Overrides] = None,
                 timeout: Optional[float] = None) -> None:
    """Once per worker process: leave Ctrl-C to the parent and build (or inherit) the pipeline."""
    global _worker_model, _worker_overrides, _worker_timeout
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_model, _worker_overrides, _worker_timeout = model, overrides, timeout
    nlp = shared_pipeline(model, overrides)
    if timeout:
        load_lazy_data(nlp)  # (inherited already loaded when forked)


def _work(document: Document) -> Union[Record, ExtractionError]:
    """One document in a worker: its record, or its failure as a picklable :class:`ExtractionError`."""
    # a MemoryError or the time limit costs this document only: the worker lives on (one the system kills, or
    # one stuck in compiled code past twice the time limit: see _Supervisor)
    nlp = shared_pipeline(_worker_model, _worker_overrides)
    with hard_limit(2 * _worker_timeout + 1 if _worker_timeout else None):
        result = guarded_extract(document, nlp, _worker_timeout)
    if isinstance(result, ExtractionError):
        return result
    if isinstance(result, Exception):
        return ExtractionError(type(result).__name__, str(result))
    return result


WORKER_DIED = "WorkerDied"
"""The ``kind`` of the :class:`ExtractionError` of a document whose worker process died on it twice."""


class _Supervisor:
    """The process pool of :func:`extract_items`, replaced when a worker process dies.

    When a worker dies (killed, out of memory, ``os._exit``), every document in flight on that pool fails with
    ``BrokenExecutor``, though one of them (or none: a worker killed from outside) is to blame. The pool is
    replaced by a new one; the documents that were in flight are retried alone, one at a time, in input order,
    while new documents wait; a document whose retry kills a worker again is the one to blame: its result is an
    :class:`ExtractionError` of kind :data:`WORKER_DIED` (and the pool is replaced once more). Then the run goes
    on in parallel. Only a pool whose workers cannot even start ends the run, with :class:`WorkersLost`.

    The feeder thread calls :meth:`submit`; the consumer (the thread that reads the results, in order) calls
    :meth:`outcome`, and is the only one to replace the pool.
    """

    def __init__(self, make_pool: Callable[[], ProcessPoolExecutor]) -> None:
        self._make_pool = make_pool
        self._lock = threading.Lock()
        self._generation = 0
        self._isolating = False  # True from a death until every document in flight then has been retried
        self._deferred: list["_Task"] = []  # documents read while isolating: submitted when it ends
        self._pool = self._start_pool()

    def _start_pool(self) -> ProcessPoolExecutor:
        pool = self._make_pool()
        try:
            # The first submit starts every process (with fork) while this process runs no other of our work.
            pool.submit(int).result()
        except BrokenExecutor as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            raise WorkersLost("worker processes cannot be started (killed, or out of memory?)") from exc
        return pool

    def submit(self, document: Document) -> "_Task":
        task = _Task(self, document)
        with self._lock:
            if self._isolating:
                self._deferred.append(task)
            else:
                self._start(task)
        return task

    def _start(self, task: "_Task") -> None:
        """Submit ``task`` to the current pool (the lock is held)."""
        task.generation = self._generation
        try:
            task.future = self._pool.submit(_work, task.document)
        except BrokenExecutor:
            task.future = None  # the pool broke before the consumer saw it: retried like the documents in flight

    def outcome(self, task: "_Task") -> Result:
        """The task's record or exception, retrying it alone on a new pool if its worker died."""
        if task.future is not None:
            try:
                return task.future.result()
            except (BrokenExecutor, CancelledError):
                pass  # its worker (or another one of the pool) died: retried alone below
            except Exception as exc:
                return exc
        elif task.generation is None:  # read while isolating, not submitted yet: every suspect is done
            self._end_isolation()
            return self.outcome(task)
        with self._lock:
            if task.generation == self._generation:  # the pool it ran on is the current one: it is broken
                self._replace_pool()
                self._isolating = True
        return self._retry_alone(task)

    def _retry_alone(self, task: "_Task") -> Result:
        with self._lock:
            pool = self._pool
        try:
            return pool.submit(_work, task.document).result()
        except BrokenExecutor:
            with self._lock:
                self._replace_pool()
            return ExtractionError(WORKER_DIED, "a worker process died extracting this document (killed, or out "
                                                "of memory?), again when it was retried alone: skipped")
        except Exception as exc:
            return exc

    def _replace_pool(self) -> None:
        """A new pool for the broken one (the lock is held)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._generation += 1
        self._pool = self._start_pool()

    def _end_isolation(self) -> None:
        with self._lock:
            self._isolating = False
            deferred, self._deferred = self._deferred, []
            for task in deferred:
                self._start(task)

    def close(self) -> None:
        with self._lock:
            self._isolating = False
            self._deferred = []  # read ahead while isolating, never submitted: nothing to cancel
            self._pool.shutdown(wait=True, cancel_futures=True)


class _Task:
    """One document handed to a :class:`_Supervisor`: a future whose ``result()`` survives a worker's death."""

    def __init__(self, supervisor: _Supervisor, document: Document) -> None:
        self.supervisor = supervisor
        self.document = document
        self.future: Optional[Any] = None
        self.generation: Optional[int] = None  # the pool it was submitted to; None while deferred

    def result(self, timeout: Optional[float] = None) -> Result:
        return self.supervisor.outcome(self)

    def cancel(self) -> bool:
        return self.future.cancel() if self.future is not None else True


class _Future(Protocol):
    def result(self, timeout: Optional[float] = None) -> Any: ...

    def cancel(self) -> Any: ...


_END = object()
_FAILED = object()


def ordered_results(items: Iterable[Any], submit: Callable[[Document], _Future],
                    window: int) -> Iterator[Tuple[Any, Result]]:
    """Run ``submit`` on each document of ``items`` and yield ``(item, result)`` in input order.

    ``submit(document)`` starts the work elsewhere and returns a future (concurrent.futures or dask) whose
    result is a Record or an exception instance. A feeder thread reads ``items`` and submits while this
    generator waits for the oldest future, so a record is yielded as soon as it is done even while the input
    is blocked (a pipe); the feeder stops ``window`` items ahead. Items that are not documents are passed
    through in their place with result None.
    """
    slots: "queue.Queue[Tuple[Any, Any]]" = queue.Queue(maxsize=max(1, window))
    stop = threading.Event()
    feeder = threading.Thread(target=_feed, args=(iter(items), submit, slots, stop), name="qfacts-feeder",
                              daemon=True)
    feeder.start()
    try:
        while True:
            item, future = slots.get()
            if item is _END:
                return
            if item is _FAILED:
                raise future
            yield item, (_outcome(item, future) if future is not None else None)
    finally:
        stop.set()
        _cancel_waiting(slots)


def _outcome(document: Document, future: _Future) -> Result:
    """The future's record or exception; a dead process pool ends the run with :class:`WorkersLost`."""
    try:
        return future.result()
    except WorkersLost as exc:
        raise WorkersLost(f"{exc}: {document.id} and the documents after it were not written") from exc
    except BrokenExecutor as exc:
        raise WorkersLost(f"a worker process died (killed, or out of memory?): {document.id} and the documents "
                          "after it were not written") from exc
    except Exception as exc:  # a task that failed on the cluster (e.g. dask's KilledWorker): this document only
        return exc


def _start(item: Any, submit: Callable[[Document], _Future]) -> Tuple[Any, Any]:
    return item, (submit(item) if isinstance(item, Document) else None)


def _feed(iterator: Iterator[Any], submit: Callable[[Document], _Future], slots: queue.Queue,
          stop: threading.Event) -> None:
    try:
        for item in iterator:
            if stop.is_set() or not _put(slots, _start(item, submit), stop):
                return
        _put(slots, (_END, None), stop)
    except BaseException as exc:  # handed to the consumer, which raises it in its own thread
        _put(slots, (_FAILED, exc), stop)


def _put(slots: queue.Queue, entry: Tuple[Any, Any], stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            slots.put(entry, timeout=0.1)
            return True
        except queue.Full:
            continue
    if entry[1] is not None and hasattr(entry[1], "cancel") and entry[0] is not _FAILED:
        entry[1].cancel()
    return False


def _cancel_waiting(slots: queue.Queue) -> None:
    while True:
        try:
            item, future = slots.get_nowait()
        except queue.Empty:
            return
        if item is not _FAILED and future is not None and hasattr(future, "cancel"):
            future.cancel()
