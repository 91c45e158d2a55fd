"""Analysis in a pool of worker processes, each loading the model once; results come back in input order.

Workers ignore Ctrl-C: the parent handles it (rolls back its batch) and shuts the pool down, so an
interrupt never leaves half-written state in a child.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from newsevents.analyze import Analyzer, ArticleTooLong, PipelineConfig
from newsevents.model import Analysis, Article

# Small chunks keep the pool busy and bound what is lost to an interrupt; the parse still batches.
CHUNK_SIZE = 8


class WorkerAnalysisError(Exception):
    """An analysis error raised in a worker, carried back as its message (exceptions may not pickle)."""


_analyzer: Analyzer | None = None


def _start_worker(config: PipelineConfig) -> None:
    global _analyzer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _analyzer = Analyzer(config)


def _analyze_chunk(articles: list[Article]) -> list[Analysis | WorkerAnalysisError]:
    assert _analyzer is not None, "worker used before its initializer ran"
    out: list[Analysis | WorkerAnalysisError] = []
    for _article, result in _analyzer.analyze_many(articles):
        if isinstance(result, Exception):
            out.append(WorkerAnalysisError(_describe(result)))
        else:
            out.append(result)
    return out


def _describe(exc: Exception) -> str:
    if isinstance(exc, ArticleTooLong):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def analyze_in_workers(articles: Iterable[Article], config: PipelineConfig, workers: int,
                       chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[Article, Analysis | Exception]]:
    """Like ``Analyzer.analyze_many`` but spread over ``workers`` processes (spawned: no inherited threads)."""
    source = iter(articles)
    window: deque[tuple[list[Article], Future[list[Analysis | WorkerAnalysisError]]]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(config,))

    def submit_next() -> bool:
        chunk = list(islice(source, chunk_size))
        if chunk:
            window.append((chunk, pool.submit(_analyze_chunk, chunk)))
        return bool(chunk)

    try:
        for _ in range(2 * workers):  # two chunks per worker in flight: one running, one queued
            if not submit_next():
                break
        while window:
            chunk, future = window.popleft()
            results = future.result()
            submit_next()
            for article, result in zip(chunk, results):
                if isinstance(result, Analysis):
                    # The worker's copy carries the same article; keep the caller's object (its source).
                    result.article = article
                yield article, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
