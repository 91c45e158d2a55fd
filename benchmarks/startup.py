"""Start-up and memory: what a fresh process pays before its first article, and its peak memory.

Measured in a fresh interpreter so nothing is cached: the time to import ``newsevents.analyze``, to
build the default ``Analyzer`` (loads the spaCy model and every extractor's resources), to analyze the
first short article (lazy loads), the memory after that, and the peak RSS once ``MEMORY_ARTICLES``
benchmark articles have streamed through ``analyze_many`` (results dropped as they come, as ``ingest``
does) — the memory a user's process needs — beside the same stream through bare spaCy (long articles
make spaCy's own peak several hundred MB; the difference is what newsevents adds).
"""

from __future__ import annotations

from benchmarks.core import RSS_SNIPPET, BenchContext, BenchResult, run_python, spread

NAME = "startup"
TITLE = "Start-up and memory (fresh process)"
ORDER = 10
MEMORY_ARTICLES = 100

_CODE = RSS_SNIPPET + '''
import json, sys, time
payload = json.load(sys.stdin)
t0 = time.perf_counter()
rss0 = _rss()
from newsevents.analyze import Analyzer
from newsevents.model import Article
t1 = time.perf_counter()
analyzer = Analyzer()
t2 = time.perf_counter()
analyzer.analyze(Article(text="Two people were killed in shelling in Donetsk on Sunday, officials said.",
                         published="2020-01-06"))
t3 = time.perf_counter()
rss_ready, peak_ready = _rss(), _peak()
articles = (Article(text=a["text"], published=a["published"], title=a["title"]) for a in payload["articles"])
if payload["bare"]:  # the same stream through spaCy alone, for comparison
    failed = 0
    for _doc in analyzer.nlp.pipe((a.text for a in articles), batch_size=analyzer.config.batch_size):
        pass
else:
    failed = sum(isinstance(r, Exception) for _, r in analyzer.analyze_many(articles))
print(json.dumps({"import_s": t1 - t0, "analyzer_s": t2 - t1, "first_article_s": t3 - t2,
                  "rss_start_mb": rss0, "rss_mb": rss_ready, "peak_ready_mb": peak_ready,
                  "peak_rss_mb": _peak(), "streamed": len(payload["articles"]), "failed": failed,
                  "extractors": [name for name, _ in analyzer.extractors]}))
'''


def run(ctx: BenchContext) -> BenchResult:
    sample = [{"text": a.text, "published": a.published, "title": a.title}
              for a in spread(ctx.articles(), MEMORY_ARTICLES)]
    r = run_python(_CODE, {"articles": sample, "bare": False})
    bare = run_python(_CODE, {"articles": sample, "bare": True})
    result = BenchResult(NAME, TITLE)
    result.add("import newsevents.analyze", r["import_s"], "s")
    result.add("build the Analyzer (model + extractors)", r["analyzer_s"], "s")
    result.add("first article (lazy loads)", r["first_article_s"], "s")
    result.add("RSS ready to analyze", r["rss_mb"], "MB")
    result.add(f"peak RSS after streaming {r['streamed']} articles", r["peak_rss_mb"], "MB", n=r["streamed"])
    result.add("the same, bare spaCy (nlp.pipe)", bare["peak_rss_mb"], "MB", n=bare["streamed"])
    result.details.update({"extractors": r["extractors"], "rss_interpreter_mb": round(r["rss_start_mb"], 1),
                           "articles_failed": r["failed"]})
    return result
