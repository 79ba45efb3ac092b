"""Extraction on a Dask cluster: over a Dask bag or dataframe, or streamed from this process to a scheduler.

Needs the ``dask`` extra (``pip install 'qfacts[dask]'``) here and qfacts installed on every worker; dask is
imported only when one of these functions is called. Each worker process builds the pipeline once, on its
first document, and keeps it (threads of one worker share it and take turns: qfacts is pure Python, so run
workers with one thread each and as many processes as cores).

* :func:`extract_bag`: a bag of texts, ``{"id", "text", "reference_date"}`` mappings or
  :class:`qfacts.Document` objects becomes a bag of record dicts (``Record.to_dict()``, what the CLI prints).
* :func:`extract_dataframe`: the same from a dask dataframe's text column (and id / reference-date columns).
* :func:`extract_items_on`: what ``qfacts extract --scheduler ADDRESS`` runs: documents are sent to the
  cluster one task each, at most ``window`` at a time, and records come back in input order as they finish.

>>> import dask.bag as db
>>> from qfacts.distributed import extract_bag
>>> records = extract_bag(db.read_text("corpus-*.jsonl").map(json.loads)).compute()
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Tuple, Union

from .api import Document, parse_reference_date
from .models import Record
from .parallel import ExtractionError, Result, extract_or_error, ordered_results, shared_pipeline
from .pipeline import Overrides, get_pipeline

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe

ERRORS = ("raise", "skip")
CONNECT_TIMEOUT = "10s"
INSTALL_HINT = "pip install 'qfacts[dask]'"

_pipeline_lock = threading.Lock()
_worker_stats = {"pipelines_built": 0, "documents": 0}


class DaskMissing(ImportError):
    """dask.distributed is not installed."""


def require_dask() -> None:
    """Raise :class:`DaskMissing` (with the install command) unless dask.distributed can be imported."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskMissing(f"dask.distributed is not installed ({exc.name}); install it with: {INSTALL_HINT}") \
            from None


def as_document(item: Union[str, Mapping[str, Any], Document]) -> Document:
    """A :class:`Document` from a text (id ``-``), a ``{"id", "text", "reference_date"}`` mapping or a Document."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id="-", text=item)
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            raise TypeError(f'record {item.get("id")!r} has no "text" string')
        ref = parse_reference_date(item.get("reference_date"))
        doc_id = item.get("id")
        return Document(id="-" if doc_id is None else str(doc_id), text=text, reference_date=ref,
                        source=str(item.get("source", "-")), reference_date_source="record" if ref else None)
    raise TypeError(f"cannot extract from a {type(item).__name__}: expected a text, a mapping or a Document")


def extract_bag(bag: "dask.bag.Bag", model: Optional[str] = None, *, errors: str = "raise") -> "dask.bag.Bag":
    """A bag of record dicts, one per element of ``bag`` (texts, mappings or Documents), in the same order.

    ``errors="raise"`` fails the computation on the first document that cannot be extracted (the exception
    names it); ``errors="skip"`` leaves such documents out.
    """
    require_dask()
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {', '.join(ERRORS)}, not {errors!r}")
    return bag.map_partitions(_extract_partition, model, errors)


def extract_dataframe(ddf: "dask.dataframe.DataFrame", text_column: str = "text",
                      id_column: Optional[str] = "id", reference_date_column: Optional[str] = None,
                      model: Optional[str] = None, *, errors: str = "raise") -> "dask.bag.Bag":
    """A bag of record dicts, one per row of ``ddf``, in row order.

    The text is read from ``text_column``; the record id from ``id_column`` (rows get id ``-`` when it is
    None) and the reference date from ``reference_date_column`` (YYYY-MM-DD strings or dates), if given.
    """
    require_dask()
    columns = {"text": text_column, "id": id_column, "reference_date": reference_date_column}
    missing = [name for name in columns.values() if name is not None and name not in ddf.columns]
    if missing:
        raise KeyError(f"no column {missing[0]!r} in the dataframe (columns: {', '.join(map(str, ddf.columns))})")
    chosen = {key: name for key, name in columns.items() if name is not None}
    rows = ddf[list(chosen.values())].to_bag(format="dict")
    return extract_bag(rows.map(_rename, chosen), model=model, errors=errors)


def _rename(row: Mapping[str, Any], chosen: Mapping[str, str]) -> dict[str, Any]:
    return {key: row[name] for key, name in chosen.items()}


def _extract_partition(items: Iterable[Any], model: Optional[str], errors: str) -> list[dict[str, Any]]:
    records = []
    for item in items:
        document = as_document(item)
        result = _extract_on_worker(document, model)
        if isinstance(result, Exception):
            if errors == "raise":
                raise ExtractionError(result.kind if isinstance(result, ExtractionError) else type(result).__name__,
                                      f"{document.id}: {result}")
            continue
        records.append(result.to_dict())
    return records


def _extract_on_worker(document: Document, model: Optional[str],
                       overrides: Optional[Overrides] = None) -> Union[Record, Exception]:
    """One document on a worker with that process's pipeline (built on first use, then kept)."""
    with _pipeline_lock:  # threads of one worker share one pipeline
        try:
            nlp = _worker_pipeline(model, overrides)
        except Exception as exc:  # a model missing on this worker: every document says so
            return ExtractionError(type(exc).__name__, str(exc))
        _worker_stats["documents"] += 1
        return extract_or_error(document, nlp)


def _worker_pipeline(model: Optional[str], overrides: Optional[Overrides] = None):
    info = get_pipeline.cache_info()
    nlp = shared_pipeline(model, overrides)
    if get_pipeline.cache_info().misses > info.misses:
        _worker_stats["pipelines_built"] += 1
    return nlp


def worker_stats() -> dict[str, int]:
    """In a worker process (``client.run(worker_stats)``): pipelines built and documents extracted there."""
    return dict(_worker_stats)


def _task(document: Document, model: Optional[str],
          overrides: Optional[Overrides] = None) -> Union[Record, ExtractionError]:
    """The task ``extract_items_on`` submits: a record, or the failure as a picklable ExtractionError."""
    result = _extract_on_worker(document, model, overrides)
    if isinstance(result, Exception) and not isinstance(result, ExtractionError):
        return ExtractionError(type(result).__name__, str(result))
    return result


def connect(address: str):
    """A ``distributed.Client`` on the scheduler at ``address`` (``tcp://host:8786``); OSError if unreachable."""
    require_dask()
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise OSError(f"cannot connect to the Dask scheduler at {address}: {exc}") from None


def extract_items_on(items: Iterable[Any], client, model: Optional[str] = None, *,
                     window: Optional[int] = None, overrides: Optional[Overrides] = None) -> Iterator[Tuple[Any, Result]]:
    """Like :func:`qfacts.parallel.extract_items`, on the cluster of ``client`` (a ``distributed.Client``).

    ``window`` (default four per worker thread, at least 8) bounds how many documents are on the cluster or
    waiting to be yielded.
    """
    if window is None:
        window = max(8, 4 * sum(client.nthreads().values()))
    yield from ordered_results(items, lambda doc: client.submit(_task, doc, model, overrides, pure=False), window)
