"""Gazetteer: load time and memory of the offline GeoNames index, and lookup speed (issue 7's budget:
loading ≤ 1 s and ≤ 300 MB).

Measured in a fresh interpreter, through whatever loader ``newsevents.gazetteer`` exposes
(``load_gazetteer``, else ``Gazetteer``); skipped with the reason when there is none or it is not built.
Lookups: the capitalised words of the benchmark articles, looked up in one batch per article.
"""

from __future__ import annotations

import re

from benchmarks.core import RSS_SNIPPET, BenchContext, BenchResult, BenchSkipped, run_python

NAME = "gazetteer"
TITLE = "Gazetteer load and lookups"
ORDER = 15

LOAD_BUDGET_S = 1.0
MEMORY_BUDGET_MB = 300.0

_CODE = RSS_SNIPPET + '''
import json, sys, time
batches = json.load(sys.stdin)
rss0 = _rss()
t0 = time.perf_counter()
import newsevents.gazetteer as g
loader = getattr(g, "load_gazetteer", None) or getattr(g, "Gazetteer", None)
if loader is None:
    print(json.dumps({"skip": "newsevents.gazetteer exposes no load_gazetteer or Gazetteer"})); sys.exit(0)
try:
    gaz = loader()
except Exception as exc:
    print(json.dumps({"skip": f"the gazetteer did not load: {type(exc).__name__}: {exc}"})); sys.exit(0)
t1 = time.perf_counter()
rss1 = _rss()
out = {"load_s": t1 - t0, "rss_before_mb": rss0, "rss_after_mb": rss1, "peak_rss_mb": _peak()}
key = getattr(g, "name_key", None) or (lambda s: s.lower())
lookup = getattr(gaz, "lookup_keys", None)
if lookup is not None:
    keys = [[key(w) for w in batch] for batch in batches]
    t2 = time.perf_counter()
    hits = sum(len(lookup(batch)) for batch in keys)
    out.update({"lookup_s": time.perf_counter() - t2, "names": sum(map(len, keys)), "hits": hits,
                "rss_after_lookups_mb": _rss()})
meta = getattr(gaz, "meta", None)
if isinstance(meta, dict):
    out["meta"] = {k: str(v)[:80] for k, v in list(meta.items())[:12]}
print(json.dumps(out))
'''


def run(ctx: BenchContext) -> BenchResult:
    batches = [sorted(set(re.findall(r"\b[A-Z][\w'’-]+", a.text))) for a in ctx.articles()]
    r = run_python(_CODE, batches)
    if "skip" in r:
        raise BenchSkipped(r["skip"])
    result = BenchResult(NAME, TITLE)
    result.add("load time (fresh process)", r["load_s"], "s", budget=LOAD_BUDGET_S)
    result.add("memory added by loading (RSS)", r["rss_after_mb"] - r["rss_before_mb"], "MB", budget=MEMORY_BUDGET_MB)
    if "lookup_s" in r:
        result.add("name lookups, one batch per article", r["names"] / r["lookup_s"], "names/s", n=r["names"])
        result.details["names_found"] = r["hits"]
        result.details["rss_after_lookups_mb"] = round(r["rss_after_lookups_mb"], 1)
    result.details.update({"rss_before_mb": round(r["rss_before_mb"], 1), "meta": r.get("meta", {})})
    return result
