"""Analyze throughput: the whole pipeline against the bare spaCy pipeline, and each extractor's share.

Same model, same articles, same batch size, same run. The bare pass is ``nlp.pipe`` alone; the whole
pass is ``Analyzer.analyze_many``. Each extractor is timed on its own over the bare pass's parses
(the registered extractors in pipeline order, each reading what the earlier ones wrote), so its share of
analyze time can be held against its issue's budget: events ≤ 20%, places ≤ 10%, times + quantities +
quotes ≤ 15% together. The three are timed batch by batch, interleaved (see ``interleaved_pass``).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks.core import BenchContext, BenchResult, peak_rss_mb

NAME = "analyze"
TITLE = "Analyze throughput and each extractor's share"
ORDER = 20

# Share-of-analyze-time budgets from the issues, keyed by the extractors they cover.
BUDGETS: dict[tuple[str, ...], float] = {
    ("events",): 0.20,  # issue 4
    ("places",): 0.10,  # issue 7
    ("times", "quantities", "quotes"): 0.15,  # issue 5
}
# CPU time of this process, not wall-clock: on a shared machine other processes' load swamps wall-clock
# differences between passes (measured: the same batch's bare parse varying 2x), while the CPU time a
# pass uses barely changes. spaCy's pipeline runs single-threaded here, so CPU seconds = core seconds.
CLOCK = time.process_time
WARM_UP = 3  # articles analysed first: lazy loads (lexicons, gazetteer) are not throughput


def _texts(analyzer: Any, articles: list) -> list[str]:
    # Parse exactly what the pipeline parses (it may add the title one day).
    try:
        from newsevents.analyze.pipeline import _parse_text
    except ImportError:
        return [a.text for a in articles]
    return [_parse_text(a) for a in articles]


def time_extractors(analyzer: Any, articles: list, docs: list) -> tuple[dict[str, float], Counter, Counter]:
    """Seconds spent in each registered extractor over pre-parsed docs, failures and records found.

    An extractor that raises ends that article (as in the pipeline); its time still counts.
    """
    from newsevents.analyze.context import Extraction

    seconds = {name: 0.0 for name, _ in analyzer.extractors}
    failures: Counter = Counter()
    found: Counter = Counter()
    clock = CLOCK
    for article, doc in zip(articles, docs):
        ex = Extraction(article=article, doc=doc)
        for name, extractor in analyzer.extractors:
            started = clock()
            try:
                extractor(ex)
            except Exception:  # counted, not fatal: the benchmark measures time, the tests correctness
                seconds[name] += clock() - started
                failures[name] += 1
                break
            seconds[name] += clock() - started
        for kind in ("actors", "places", "times", "quantities", "quotes", "events"):
            found[kind] += len(getattr(ex, kind))
    return seconds, failures, found


@dataclass
class Pass:
    bare: float = 0.0
    whole: float = 0.0
    tokens: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    failures: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    outcomes: list = field(default_factory=list)
    wall: float = 0.0  # wall-clock seconds of the whole interleaved pass (all three measurements)


def interleaved_pass(nlp: Any, analyzer: Any, articles: list, texts: list[str], batch: int) -> Pass:
    """The three measurements timed batch by batch, their order rotating from batch to batch.

    For each batch: the bare parse, the whole pipeline, and each extractor alone over the bare parse.
    Interleaving puts all three under the same load from whatever else the machine is doing; rotating
    the order spreads first-sight costs (caches, strings) over all three. Parses are dropped batch by
    batch, so memory stays that of one batch.
    """
    p = Pass(seconds={name: 0.0 for name, _ in analyzer.extractors})
    clock = CLOCK
    wall_started = time.perf_counter()
    for k, i in enumerate(range(0, len(articles), batch)):
        chunk_texts, chunk = texts[i:i + batch], articles[i:i + batch]
        docs: list = []
        steps = ["bare", "whole", "extractors"]
        steps = steps[k % 3:] + steps[:k % 3]
        if steps.index("extractors") < steps.index("bare"):  # extractors need the bare parse first
            steps.remove("extractors")
            steps.insert(steps.index("bare") + 1, "extractors")
        for step in steps:
            started = clock()
            if step == "bare":
                docs = list(nlp.pipe(chunk_texts, batch_size=batch))
                p.bare += clock() - started
                p.tokens += sum(len(d) for d in docs)
            elif step == "whole":
                p.outcomes += list(analyzer.analyze_many(chunk))
                p.whole += clock() - started
            else:
                seconds, failures, found = time_extractors(analyzer, chunk, docs)
                for name, s in seconds.items():
                    p.seconds[name] += s
                p.failures.update(failures)
                p.found.update(found)
    p.wall = time.perf_counter() - wall_started
    return p


def run(ctx: BenchContext) -> BenchResult:
    result = BenchResult(NAME, TITLE)
    analyzer = ctx.analyzer
    articles = ctx.articles()
    texts = _texts(analyzer, articles)
    nlp, batch = analyzer.nlp, analyzer.config.batch_size
    list(analyzer.analyze_many(articles[:WARM_UP]))

    for text in texts:  # the first sight of a string costs (spaCy's StringStore): pay it before timing
        nlp.make_doc(text)

    best: Pass | None = None
    for _ in range(max(1, ctx.repeat)):
        p = interleaved_pass(nlp, analyzer, articles, texts, batch)
        if best is None or p.whole < best.whole:
            best = p

    n, tokens, bare, whole = len(articles), best.tokens, best.bare, best.whole
    result.add("bare spaCy (nlp.pipe)", n / bare, "articles/s", n=n)
    result.add("bare spaCy (nlp.pipe)", tokens / bare, "tokens/s", n=n)
    result.add("whole pipeline (analyze_many)", n / whole, "articles/s", n=n)
    result.add("whole pipeline (analyze_many)", tokens / whole, "tokens/s", n=n)
    result.notes.append("Rates are per CPU second of one core (process CPU time), steady under other load; "
                        "on an idle machine wall-clock rates match them.")
    result.add("whole pipeline time ÷ bare spaCy time", whole / bare, "×", n=n)
    seconds = best.seconds
    result.add("all extractors: share of analyze time", sum(seconds.values()) / whole, "%", n=n)
    for name, s in seconds.items():
        budget = BUDGETS.get((name,))
        result.add(f"{name}: share of analyze time", s / whole, "%", budget=budget, n=n)
    for group, budget in BUDGETS.items():
        if len(group) > 1 and all(g in seconds for g in group):
            result.add(f"{' + '.join(group)}: share of analyze time", sum(seconds[g] for g in group) / whole, "%",
                       budget=budget, n=n)
    missing = sorted({g for group in BUDGETS for g in group} - set(seconds))
    if missing:
        result.notes.append(f"not in the pipeline, so not timed: {', '.join(missing)}")

    failed = [o for _, o in best.outcomes if isinstance(o, Exception)]
    cache = [o for _, o in best.outcomes if not isinstance(o, Exception)]
    ctx.cache["analyses"] = cache
    result.details.update({
        "articles": n,
        "tokens": tokens,
        "characters": sum(len(t) for t in texts),
        "batch_size": batch,
        "repeat": ctx.repeat,
        "clock": "process CPU time",
        "cpu_seconds_bare": round(bare, 3),
        "cpu_seconds_whole": round(whole, 3),
        "wall_seconds_interleaved_pass": round(best.wall, 3),
        "cpu_seconds_per_extractor": {k: round(v, 3) for k, v in seconds.items()},
        "ms_per_article_per_extractor": {k: round(1000 * v / n, 2) for k, v in seconds.items()},
        "cpu_seconds_outside_parse_and_extractors": round(whole - bare - sum(seconds.values()), 3),
        "records_found": dict(best.found),
        "extractor_failures": dict(best.failures),
        "articles_failed": len(failed),
        "extractors": [name for name, _ in analyzer.extractors],
        "peak_rss_mb": round(peak_rss_mb(), 1),
    })
    if failed:
        result.notes.append(f"{len(failed)} of {n} articles failed to analyze (first: {failed[0]!r})")
    return result
