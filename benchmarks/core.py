"""The benchmarks' frame: a context with the benchmark articles, the measure record, discovery, running.

A benchmark is a module ``benchmarks/<name>.py`` with ``NAME``, ``TITLE`` and ``run(ctx) -> BenchResult``
(optionally ``ORDER``, an int: lower runs first, default 50). Modules are discovered, so adding one (the
linking benchmarks at 1k/10k/100k stored articles, say) needs no edit here. A benchmark that cannot run
yet (the library it measures is absent) raises ``BenchSkipped("why")``; any other exception is reported
as that benchmark failing and the others still run.

Timings are wall-clock (``time.perf_counter``) on whatever else the machine is doing; each result records
the machine it ran on. Tests check the plumbing, never timings.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from newsevents.discovery import discover_modules
from newsevents.model import Article

# The benchmark articles: openly licensed Wikinews news, read in place from ../shared.
CORPUS = "corpus/wikinews-en.jsonl"
CROSSDOC = "crossdoc/meantime-dev/articles.jsonl"
DEFAULT_ARTICLES = 300

_SKIP_MODULES = {"core"}


class BenchSkipped(Exception):
    """Raised by a benchmark that cannot run here; the reason goes in the results."""


@dataclass
class Measure:
    name: str
    value: float | None
    unit: str  # "articles/s", "tokens/s", "s", "ms", "MB", "%" (a proportion in [0, 1])
    budget: float | None = None  # an upper bound an issue sets, same unit ("events ≤ 20% of analyze time")
    n: int | None = None  # what the measure is over (articles, lookups)

    @property
    def within_budget(self) -> bool | None:
        if self.budget is None or self.value is None:
            return None
        return self.value <= self.budget


@dataclass
class BenchResult:
    name: str
    title: str
    measures: list[Measure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    status: str = "ok"  # ok | skipped | failed
    error: str | None = None

    def add(self, name: str, value: float | None, unit: str, budget: float | None = None,
            n: int | None = None) -> Measure:
        m = Measure(name, value, unit, budget, n)
        self.measures.append(m)
        return m

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for m, measure in zip(d["measures"], self.measures):
            m["within_budget"] = measure.within_budget
        return d


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BenchSkipped(f"{path}:{n}: malformed JSON ({exc.msg})") from exc
    return records


def spread(items: list[Any], n: int) -> list[Any]:
    """n items spread evenly over the list (deterministic), or all of them."""
    if n >= len(items):
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


@dataclass
class BenchContext:
    shared: Path
    n_articles: int = DEFAULT_ARTICLES
    repeat: int = 1  # timed passes; the fastest counts (others' load on a shared machine only slows)
    workdir: Path | None = None  # scratch folder for databases
    cache: dict[str, Any] = field(default_factory=dict)  # what one benchmark leaves for the next
    _articles: list[Article] | None = None
    _analyzer: Any = None

    @property
    def data(self) -> Path:
        return self.shared / "data"

    def articles(self) -> list[Article]:
        """The benchmark articles: every MEANTIME article, the rest Wikinews spread over its years."""
        if self._articles is None:
            crossdoc_path, corpus_path = self.data / CROSSDOC, self.data / CORPUS
            crossdoc = _read_jsonl(crossdoc_path) if crossdoc_path.is_file() else []
            corpus = _read_jsonl(corpus_path) if corpus_path.is_file() else []
            if not crossdoc and not corpus:
                raise BenchSkipped(f"no benchmark articles: neither {corpus_path} nor {crossdoc_path} exists")
            head = crossdoc[: self.n_articles]
            chosen = head + spread(corpus, self.n_articles - len(head))
            self._articles = [
                Article(text=r["text"], title=r.get("title"), published=r.get("published"),
                        outlet=r.get("outlet"), url=r.get("url"), external_id=str(r.get("id")))
                for r in chosen if isinstance(r.get("text"), str) and r["text"].strip()
            ]
        return self._articles

    def synthetic_articles(self, n: int, days_per_copy: int = 7) -> Iterator[Article]:
        """n articles for scale tests: the benchmark articles repeated, each round shifted in time.

        Copy k of an article is published ``k * days_per_copy`` days later and carries a marker line,
        so every copy has its own id (stored as a new article) while the analysis stays the same.
        """
        base = self.articles()
        for i in range(n):
            article, copy = base[i % len(base)], i // len(base)
            if copy == 0:
                yield article
                continue
            published = article.published
            if published:
                try:
                    day = date.fromisoformat(published[:10]) + timedelta(days=copy * days_per_copy)
                    published = day.isoformat() + published[10:]
                except ValueError:
                    pass
            yield Article(text=f"{article.text}\n\n(copy {copy})", title=article.title, published=published,
                          outlet=article.outlet, external_id=f"{article.external_id}#copy{copy}")

    @property
    def analyzer(self):
        if self._analyzer is None:
            from newsevents.analyze import default_analyzer

            self._analyzer = default_analyzer()
        return self._analyzer


def rss_mb() -> float | None:
    """Current resident set size of this process in MB (Linux /proc; None elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def machine() -> dict[str, Any]:
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(terse=True),
            "load_1min_at_start": None if load is None else round(load, 2)}


def discover_benchmarks(package: str = "benchmarks") -> dict[str, ModuleType]:
    """Benchmark modules by NAME, ordered by (ORDER, module name). A module that fails to import is kept
    as a stand-in that fails, so one broken file shows up as one failed benchmark."""
    found = discover_modules(package, skip=_SKIP_MODULES, kind="benchmark")
    key = {id(m): (getattr(m, "ORDER", 50), m.__name__.rsplit(".", 1)[-1]) for m in found}
    return {m.NAME: m for m in sorted(found, key=lambda m: key[id(m)])}


def run_benchmark(module: ModuleType, ctx: BenchContext, log: Any = None) -> BenchResult:
    started = time.perf_counter()
    title = getattr(module, "TITLE", module.NAME)
    try:
        result = module.run(ctx)
        if not isinstance(result, BenchResult):
            raise TypeError(f"run() returned {type(result).__name__}, not BenchResult")
    except BenchSkipped as exc:
        result = BenchResult(module.NAME, title, status="skipped", error=str(exc))
    except Exception as exc:  # one broken benchmark must not hide the others
        if log is not None:
            traceback.print_exc(file=log)
        result = BenchResult(module.NAME, title, status="failed", error=f"{type(exc).__name__}: {exc}")
    result.details["seconds"] = round(time.perf_counter() - started, 1)
    result.details["peak_rss_mb_so_far"] = round(peak_rss_mb(), 1)
    return result


def format_measure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{100 * value:.1f}%"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.3g} {unit}"


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def run_python(code: str, payload: Any = None, timeout: float = 600) -> dict[str, Any]:
    """Runs ``code`` in a fresh interpreter (clean caches and memory) and returns the JSON it prints last.

    ``payload`` is passed as JSON on stdin. Used for measurements a warm process would distort: model
    load time, gazetteer load time and memory.
    """
    import subprocess

    proc = subprocess.run([sys.executable, "-c", code], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=timeout, cwd=Path(__file__).resolve().parents[1])
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"measurement subprocess failed ({proc.returncode}): {tail}")
    lines = proc.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError("measurement subprocess printed nothing")
    return json.loads(lines[-1])


# Snippet for subprocesses: this process's RSS and peak RSS in MB.
RSS_SNIPPET = '''
import os, resource, sys
def _rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
def _peak():
    p = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return p / 2**20 if sys.platform == "darwin" else p / 2**10
'''
