"""read -> analyze -> store, in batched transactions, idempotent by content hash.

``ingest(store, items)`` takes what ``read_inputs`` yields (articles and read errors), skips articles
already stored with the same content hash (no parse at all), analyzes the rest (in this process or in
worker processes), and stores each analysis atomically inside a batch transaction. A failure is
recorded with its reason and the batch goes on; Ctrl-C rolls back only the batch in progress.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsevents import __version__
from newsevents.analyze import Analyzer, ArticleTooLong, PipelineConfig
from newsevents.ingest.workers import WorkerAnalysisError, analyze_in_workers
from newsevents.model import Analysis, Article
from newsevents.nlp import MODEL_NAME
from newsevents.read import ReadError
from newsevents.store import DatabaseUnavailable, InconsistentAnalysis, Saved, Store, StoreError

DEFAULT_BATCH_SIZE = 100


@dataclass
class Failure:
    input: str
    problem: str

    def __str__(self) -> str:
        return f"{self.input}: {self.problem}"


@dataclass
class IngestReport:
    """What one ingest run did. Counts of stored articles include only committed batches."""

    read: int = 0  # articles read (inputs that failed to read are in ``failed``)
    new: int = 0
    updated: int = 0  # same text as a stored article, changed title or date: analysed again
    unchanged: int = 0
    reanalyzed: int = 0
    failed: list[Failure] = field(default_factory=list)
    interrupted: bool = False
    aborted: str | None = None  # the database failed (locked, full, read-only): why the run stopped
    rolled_back: int = 0  # articles analysed in the interrupted batch and therefore not stored
    seconds: float = 0.0
    startup_seconds: float = 0.0  # loading the model and extractors (0 when nothing needed analysing)
    processed: int = 0  # items fully handled: stored (or in the open batch), unchanged or failed

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted and self.aborted is None

    @property
    def rate(self) -> float:
        """Articles read per second, not counting the one-off model start-up."""
        working = self.seconds - self.startup_seconds
        return self.read / working if working > 0 else 0.0


def analyzer_version(config: PipelineConfig | None = None) -> str:
    """What produced an analysis: package, model and pipeline versions and a fingerprint of the extractor code.

    Stored with each article so stale analyses can be found after an extractor changes.
    """
    config = config or PipelineConfig()
    try:
        model = f"{MODEL_NAME}-{importlib.metadata.version(MODEL_NAME)}"
    except importlib.metadata.PackageNotFoundError:
        model = MODEL_NAME
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for folder in ("analyze", "gazetteer"):
        for path in sorted((package / folder).rglob("*.py")):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return f"newsevents {__version__}; {model}; {','.join(config.extractors)}; code {digest.hexdigest()[:12]}"


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Holds Ctrl-C until the block ends, so a commit and its bookkeeping are never split."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda *args: caught.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def stored_articles(store: Store) -> Iterator[Article]:
    """Every stored article (for re-analysis without the original inputs), rebuilt from its stored analysis."""
    ids = store.article_ids()  # listed first: re-analysis rewrites the rows a live cursor would walk
    for i in range(0, len(ids), 200):
        for analysis in store.iter_analyses(article_ids=ids[i:i + 200]):
            yield analysis.article


def _name(article: Article) -> str:
    return article.source or article.external_id or article.id


def _problem(exc: BaseException) -> str:
    """The error as a user reads it; an unexpected exception keeps its type, which says where to look."""
    message = str(exc).strip()
    if isinstance(exc, (ArticleTooLong, WorkerAnalysisError, InconsistentAnalysis)):
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def ingest(
    store: Store,
    items: Iterable[Article | ReadError],
    *,
    analyzer: Analyzer | None = None,
    reanalyze: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_size: int | None = None,
    workers: int = 1,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Reads, analyzes and stores ``items``; returns the report (also when interrupted by Ctrl-C).

    ``batch_size`` articles are committed together; ``chunk_size`` articles (default: the analyzer's
    parse batch) are read ahead and analysed together. ``analyzer`` defaults to the default pipeline,
    loaded only when something needs analysing; with ``workers > 1`` each worker process builds its
    own from the analyzer's config (the model loads once per worker).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = IngestReport()
    started = time.perf_counter()
    config = analyzer.config if analyzer else PipelineConfig()
    chunk_size = chunk_size or config.batch_size
    version = analyzer_version(config)
    pending: Counter[Saved] = Counter()  # stored in the open transaction, not yet committed
    seen: set[str] = set()
    position: dict[int, int] = {}  # id(article) -> its place in the input, to list failures in input order
    failures: list[tuple[int, Failure]] = []

    def progress() -> None:
        report.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(report)

    def fail(at: int, failure: Failure) -> None:
        failures.append((at, failure))
        report.failed.append(failure)
        report.processed += 1
        progress()

    def to_analyze() -> Iterator[Article]:
        for n, item in enumerate(items):
            if isinstance(item, ReadError):
                fail(n, Failure(item.input, item.problem))
                continue
            report.read += 1
            stored = store.stored(item.id)
            duplicate = item.id in seen  # the same text twice in one run: the first one counts
            seen.add(item.id)
            if duplicate or (stored and stored.content_hash == item.content_hash and not reanalyze):
                report.unchanged += 1
                report.processed += 1
                progress()
                continue
            position[id(item)] = n
            yield item

    def analyzed() -> Iterator[tuple[Article, Analysis | Exception]]:
        nonlocal analyzer
        articles = to_analyze()
        if workers > 1:
            yield from analyze_in_workers(articles, config, workers, chunk_size=min(chunk_size, 8))
            return
        while chunk := list(islice(articles, chunk_size)):
            if analyzer is None:
                loading = time.perf_counter()
                analyzer = _default_analyzer()
                report.startup_seconds = time.perf_counter() - loading
            yield from analyzer.analyze_many(chunk)

    def commit() -> None:
        with _sigint_deferred():
            store.db.commit()
            report.new += pending[Saved.NEW]
            report.updated += pending[Saved.UPDATED]
            report.reanalyzed += pending[Saved.REANALYZED]
            report.unchanged += pending[Saved.UNCHANGED]
            pending.clear()

    results = analyzed()
    try:
        for article, result in results:
            at = position.pop(id(article), -1)
            if isinstance(result, Exception):
                fail(at, Failure(_name(article), f"analysis failed: {_problem(result)}"))
                continue
            if not store.db.in_transaction:
                store.db.begin()
            try:
                pending[store.save_analysis(result, analyzer_version=version, replace=reanalyze,
                                            source=article.source)] += 1
            except DatabaseUnavailable:
                raise
            except Exception as exc:  # this article is not stored; the batch goes on
                if not store.db.in_transaction:
                    raise StoreError(f"{store.db.name}: the database rejected the batch ({exc})") from exc
                fail(at, Failure(_name(article), f"not stored: {_problem(exc)}"))
            else:
                report.processed += 1
            if sum(pending.values()) >= batch_size:
                commit()
            progress()
        if store.db.in_transaction:
            commit()
    except KeyboardInterrupt:
        report.interrupted = True
        report.rolled_back = sum(pending.values())
        pending.clear()
        store.db.rollback()
    except StoreError as exc:  # nothing more can be written: keep what was committed, say why
        report.aborted = str(exc)
        report.rolled_back = sum(pending.values())
        pending.clear()
        store.db.rollback()
    finally:
        results.close()  # stops worker processes, if any
        if store.db.in_transaction:
            store.db.rollback()
    report.failed = [f for _, f in sorted(failures, key=lambda pair: pair[0])]
    report.seconds = time.perf_counter() - started
    return report


def _default_analyzer() -> Analyzer:
    from newsevents.analyze import default_analyzer

    return default_analyzer()
