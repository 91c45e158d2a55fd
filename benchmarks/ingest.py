"""SQLite ingest rate through the library (``newsevents.ingest.ingest`` into ``newsevents.store``).

Three rates, each into a fresh database file: a first ingest (analyse and store; wall-clock and per CPU
second, since the analysis in it is CPU-bound and others' load skews wall-clock), a second ingest of the
same articles (idempotent: nothing to analyse or write), and storing already-made analyses alone (the
database's share of the cost, wall-clock: it includes the disk). Skipped with the reason when the store or ingest library is absent.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.core import BenchContext, BenchResult, BenchSkipped, spread

NAME = "ingest"
TITLE = "SQLite ingest"
ORDER = 30

INGEST_ARTICLES = 100  # analysis dominates a first ingest; 100 articles give a stable rate in little time


def run(ctx: BenchContext) -> BenchResult:
    try:
        from newsevents.ingest import ingest
        from newsevents.store import open_store
    except ImportError as exc:
        raise BenchSkipped(f"the store/ingest library is not there yet ({exc})") from exc

    result = BenchResult(NAME, TITLE)
    articles = spread(ctx.articles(), INGEST_ARTICLES)
    with tempfile.TemporaryDirectory(dir=ctx.workdir) as tmp:
        db = Path(tmp) / "bench.db"
        with open_store(db) as store:
            started, cpu = time.perf_counter(), time.process_time()
            first = ingest(store, articles, analyzer=ctx.analyzer)
            first_s, first_cpu = time.perf_counter() - started, time.process_time() - cpu
            started = time.perf_counter()
            second = ingest(store, articles, analyzer=ctx.analyzer)
            second_s = time.perf_counter() - started
        n = len(articles)
        result.add("first ingest (read, analyze, store), wall-clock", n / first_s, "articles/s", n=n)
        result.add("first ingest, per CPU second (steady under others' load)", n / first_cpu, "articles/s", n=n)
        result.add("re-ingest, all unchanged", n / second_s, "articles/s", n=n)
        result.details.update({
            "first": {"new": first.new, "failed": len(first.failed), "seconds": round(first_s, 3),
                      "cpu_seconds": round(first_cpu, 3)},
            "second": {"new": second.new, "unchanged": second.unchanged, "failed": len(second.failed),
                       "seconds": round(second_s, 3)},
            "db_mb_per_1000_articles": round(_db_size(db) / 2**20 * 1000 / max(1, first.new), 2),
        })
        if first.failed:
            result.notes.append(f"{len(first.failed)} of {n} articles failed in the first ingest "
                                f"(first: {first.failed[0]})")
        if second.new or second.unchanged != n:
            result.notes.append(f"re-ingest was not a no-op: {second.new} new, {second.unchanged} unchanged of {n}")

        _store_only(result, ctx, Path(tmp) / "store-only.db")
    return result


def _db_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def _store_only(result: BenchResult, ctx: BenchContext, db: Path) -> None:
    """Saves analyses made earlier (by the analyze benchmark, else made here) in batched transactions."""
    from newsevents.store import open_store

    analyses = ctx.cache.get("analyses")
    if not analyses:
        analyses = [a for _, a in ctx.analyzer.analyze_many(ctx.articles()) if not isinstance(a, Exception)]
    batch = 100
    try:
        with open_store(db) as store:
            started = time.perf_counter()
            for i in range(0, len(analyses), batch):
                with store.transaction():
                    for analysis in analyses[i:i + batch]:
                        store.save_analysis(analysis, analyzer_version="benchmark")
            seconds = time.perf_counter() - started
    except (AttributeError, TypeError) as exc:  # the store's API moved: say so, keep the other rates
        result.notes.append(f"store-only rate not measured: {type(exc).__name__}: {exc}")
        return
    result.add("store analyses only (no parsing)", len(analyses) / seconds, "articles/s", n=len(analyses))
    result.details["store_only_db_mb"] = round(_db_size(db) / 2**20, 2)
