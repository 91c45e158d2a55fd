"""Linking throughput (issue 6): ``newsevents.link`` with 1k, 10k and 100k stored articles.

The stored articles are the benchmark articles' analyses (made once by the analyze benchmark, or here)
copied as one feed: the ~300 articles spread over a week, then again the next week, and so on, each
copy its own article with its event dates moved with its publication date (``synthetic_rows``). They go
straight into the ``articles`` and ``analyses`` tables (the lighter insert path: linking reads nothing
else).

Two measures:

- **from scratch**: 1k and 10k stored articles linked in one run; articles/s at each size and the
  growth of the cost against linear (1.0 = linear; quadratic would be 10).
- **incremental, at 1k, 10k and 100k stored**: 1,000 new articles (the next week's copies) linked into
  a store already holding N linked articles, the case ``newsevents link`` meets every day. The N
  linked articles are made by linking the first week for real and replicating that week's articles,
  analyses and link rows in SQL, a week later per copy (so 100k linked articles take seconds to make,
  not the half hour linking them would); a flat articles/s across N is what near-linear cost means.
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.core import DEFAULT_ARTICLES, BenchContext, BenchResult, BenchSkipped

NAME = "linking"
TITLE = "Linking (canonical events, stories)"
ORDER = 40  # after ingest

FROM_SCRATCH = (1_000, 10_000)
STORED = (1_000, 10_000, 100_000)
NEW_ARTICLES = 1_000
DAYS_PER_COPY = 7
FEED_START = date(2020, 1, 6)
_INSERT_BATCH = 2_000


# -- the synthetic feed ----------------------------------------------------------------------------------
def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _shift(value: str | None, days: int) -> str | None:
    """An ISO date or datetime moved by ``days`` (other values, months or intervals, stay as they are)."""
    day = _day(value) if value and len(value) >= 10 else None
    if day is None:
        return value
    return (day + timedelta(days=days)).isoformat() + value[10:]  # type: ignore[index]


def copy_id(article_id: str, copy: int) -> str:
    return f"{article_id[:8]}{copy:08x}"


def synthetic_rows(base: list[dict[str, Any]], n: int, offset: int = 0) -> list[tuple[dict[str, Any], str]]:
    """(article, analysis JSON) for copies ``offset .. offset + n`` of the base analyses, as one feed.

    Copy k of base article i is published in week k, on day i·7/len(base) of it, so the feed carries
    len(base) articles a week (~40 a day with the 300 benchmark articles); the article's event dates
    move with it, so "yesterday" stays the day before publication.
    """
    rows = []
    for i in range(offset, offset + n):
        position, copy = i % len(base), i // len(base)
        source = base[position]
        article = dict(source["article"])
        day = FEED_START + timedelta(days=copy * DAYS_PER_COPY + position * DAYS_PER_COPY // len(base))
        original = _day(article.get("published"))
        delta = (day - original).days if original else 0
        article["id"] = copy_id(article["id"], copy)
        article["external_id"] = f"{source['article'].get('external_id')}#copy{copy}"
        published = article.get("published") or ""
        article["published"] = day.isoformat() + (published[10:] if len(published) > 10 else "")
        events = [{**e, "date": {**e["date"], "value": _shift(e["date"].get("value"), delta)}} if e.get("date") else e
                  for e in source["events"]]
        rows.append((article, json.dumps({**source, "article": article, "events": events}, ensure_ascii=False)))
    return rows


def insert(store: Any, rows: list[tuple[dict[str, Any], str]], analyzed_at: str) -> None:
    for i in range(0, len(rows), _INSERT_BATCH):
        batch = rows[i:i + _INSERT_BATCH]
        with store.transaction():
            store.db.executemany(
                "INSERT INTO articles (id, external_id, url, outlet, published, title, text, language, content_hash, "
                "source, analyzed_at, analyzer_version) VALUES (?, ?, ?, ?, ?, ?, '', 'en', ?, NULL, ?, 'benchmark')",
                [(a["id"], a["external_id"], a.get("url"), a.get("outlet"), a["published"], a.get("title"), a["id"],
                  analyzed_at) for a, _ in batch])
            store.db.executemany("INSERT INTO analyses (article_id, schema_version, analysis) VALUES (?, '1', ?)",
                                 [(a["id"], text) for a, text in batch])


_TEMPLATE = {  # table -> which of its rows are the first week's
    "articles": "substr(id, 9) = '00000000'",
    "analyses": "substr(article_id, 9) = '00000000'",
    "link_articles": "substr(article_id, 9) = '00000000'",
    "link_reports": "substr(article_id, 9) = '00000000'",
    "canonical_events": "id NOT LIKE '%-w%'",
    "stories": "id NOT LIKE '%-w%'",
}


def replicate_weeks(store: Any, copies: range) -> None:
    """Copies the first week (copy 0: its articles, analyses and every link row) to the weeks ``copies``,
    shifted by a week each, with ids made as ``copy_id`` makes them. Only for building a large linked
    store fast; the copied analyses keep the first week's event dates inside their JSON (linking never
    reads an analysis again once its article is linked)."""
    db = store.db
    if not copies:
        return
    with store.transaction():
        for table, where in _TEMPLATE.items():
            db.execute(f"DROP TABLE IF EXISTS temp.week_{table}")
            db.execute(f"CREATE TEMP TABLE week_{table} AS SELECT * FROM main.{table} WHERE {where}")
    new_id = "substr({col}, 1, 8) || printf('%08x', ?)"
    shift = "CASE WHEN {col} IS NULL THEN NULL ELSE date({col}, ?) || substr({col}, 11) END"
    for copy in copies:
        days = f"+{copy * DAYS_PER_COPY} days"
        suffix = f"-w{copy}"
        with store.transaction():
            db.execute(
                f"INSERT INTO main.articles (id, external_id, url, outlet, published, title, text, language, "
                f"content_hash, source, analyzed_at, analyzer_version) SELECT {new_id.format(col='id')}, "
                f"external_id || ?, url, outlet, {shift.format(col='published')}, title, text, language, "
                "content_hash, source, analyzed_at, analyzer_version FROM week_articles",
                (copy, f"#week{copy}", days))
            db.execute(
                f"INSERT INTO main.analyses (article_id, schema_version, analysis) SELECT "
                f"{new_id.format(col='article_id')}, schema_version, "
                f"json_set(analysis, '$.article.id', {new_id.format(col='article_id')}) FROM week_analyses",
                (copy, copy))
            db.execute(
                f"INSERT INTO main.link_articles (article_id, analyzed_at, published, run_id) SELECT "
                f"{new_id.format(col='article_id')}, analyzed_at, {shift.format(col='published')}, run_id "
                "FROM week_link_articles", (copy, days))
            db.execute(
                "INSERT INTO main.canonical_events SELECT id || ?, story_id || ?, type, acled_type, acled_sub_type, "
                f"status, {shift.format(col='date_value')}, date_precision, {shift.format(col='day_start')}, "
                f"{shift.format(col='day_end')}, place_name, place_feature, geonameid, country, admin1, lat, lon, "
                "fatalities_min, fatalities_max, injured_min, injured_max, disputes, "
                f"{shift.format(col='first_published')}, {shift.format(col='last_published')}, n_reports, "
                "n_articles, n_outlets, outlets, title, created_run FROM week_canonical_events",
                (suffix, suffix, days, days, days, days, days))
            db.execute(
                f"INSERT INTO main.link_reports SELECT {new_id.format(col='article_id')}, report_key, event_id, "
                f"kind, ord, canonical_id || ?, score, outlet, {shift.format(col='published')}, external_id, type, "
                f"acled_type, status, {shift.format(col='date_value')}, date_precision, "
                f"{shift.format(col='day_start')}, {shift.format(col='day_end')}, fatalities_min, fatalities_max, "
                "injured_min, injured_max, data FROM week_link_reports", (copy, suffix, days, days, days, days))
            db.execute(
                "INSERT INTO main.stories SELECT id || ?, title, date(date_start, ?), date(date_end, ?), n_events, "
                "n_articles, n_reports, outlets, countries, created_run FROM week_stories", (suffix, days, days))


# -- the benchmark ---------------------------------------------------------------------------------------
def _base_analyses(ctx: BenchContext) -> list[dict[str, Any]]:
    analyses = ctx.cache.get("analyses")
    if not analyses:
        analyses = [a for _, a in ctx.analyzer.analyze_many(ctx.articles()) if not isinstance(a, Exception)]
    if not analyses:
        raise BenchSkipped("no analyses to copy: every benchmark article failed to analyse")
    return [a.to_dict() for a in analyses]


def run(ctx: BenchContext) -> BenchResult:
    try:
        from newsevents.link import link
        from newsevents.store import open_store
    except ImportError as exc:
        raise BenchSkipped(f"the linking library is not there yet ({exc})") from exc

    result = BenchResult(NAME, TITLE)
    base = _base_analyses(ctx)
    quick = ctx.n_articles < DEFAULT_ARTICLES
    stored_sizes = STORED[:2] if quick else STORED
    details: dict[str, Any] = {"base_articles": len(base), "from_scratch": {}, "incremental": {}}
    with tempfile.TemporaryDirectory(dir=ctx.workdir) as tmp:
        for n in FROM_SCRATCH:
            with open_store(Path(tmp) / f"scratch-{n}.db") as store:
                insert(store, synthetic_rows(base, n), "2000-01-01T00:00:00+00:00")
                started = time.perf_counter()
                linked = link(store)
                seconds = time.perf_counter() - started
                canonical, stories = store.db.execute(
                    "SELECT (SELECT COUNT(*) FROM canonical_events), (SELECT COUNT(*) FROM stories)")[0]
            result.add(f"link {n:,} stored articles from scratch", n / seconds, "articles/s", n=n)
            details["from_scratch"][str(n)] = {"seconds": round(seconds, 2), "reports": linked.reports,
                                               "compared_per_report": round(linked.compared / max(1, linked.reports), 1),
                                               "canonical_events": canonical, "stories": stories}
        small, large = FROM_SCRATCH
        growth = (details["from_scratch"][str(large)]["seconds"] / details["from_scratch"][str(small)]["seconds"]
                  ) / (large / small)
        result.add(f"from-scratch cost growth {small:,} → {large:,}, ÷ linear", growth, "×")

        week = len(base)
        with open_store(Path(tmp) / "incremental.db") as store:
            insert(store, synthetic_rows(base, week), "2000-01-01T00:00:00+00:00")
            link(store)
            weeks = 1
            for n in stored_sizes:
                target = -(-n // week)  # weeks of stored articles, rounded up
                started = time.perf_counter()
                replicate_weeks(store, range(weeks, target))
                build_s = time.perf_counter() - started
                weeks = target
                stored = store.db.execute("SELECT COUNT(*) FROM link_articles")[0][0]
                rate, seconds, compared = _link_new(store, base, weeks, link)
                result.add(f"link {NEW_ARTICLES:,} new articles into {stored:,} linked", rate, "articles/s",
                           n=NEW_ARTICLES)
                # The blocking's work per report, which timings on a shared machine only blur.
                result.add(f"events compared per report, {stored:,} linked", compared, "events", n=NEW_ARTICLES)
                details["incremental"][str(n)] = {"stored": stored, "seconds": round(seconds, 2),
                                                  "compared_per_report": round(compared, 1),
                                                  "build_seconds": round(build_s, 1)}
                _unlink_new(store, weeks)
    rates = [m.value for m in result.measures if m.name.startswith("link 1,000 new")]
    if len(rates) >= 2 and rates[-1]:
        result.add(f"incremental rate, {stored_sizes[0]:,} ÷ {stored_sizes[-1]:,} stored", rates[0] / rates[-1], "×")
    result.details.update(details)
    result.notes.append(f"From scratch, linking {large // small}× the articles cost {growth:.2f}× what linear growth "
                        f"predicts (quadratic: {large // small}×).")
    result.notes.append("A synthetic feed of the benchmark analyses (~300 articles a week), written straight into the "
                        "articles/analyses tables; the large linked stores are the first week replicated in SQL.")
    return result


def _link_new(store: Any, base: list[dict[str, Any]], weeks: int, link: Any) -> tuple[float, float, float]:
    """Links NEW_ARTICLES articles of the weeks after the stored ones; (articles/s, seconds, canonical events
    compared per report)."""
    insert(store, synthetic_rows(base, NEW_ARTICLES, offset=weeks * len(base)), "2000-01-02T00:00:00+00:00")
    started = time.perf_counter()
    linked = link(store)
    seconds = time.perf_counter() - started
    return linked.articles / seconds, seconds, linked.compared / max(1, linked.reports)


def _unlink_new(store: Any, weeks: int) -> None:
    """Removes the new articles again (through the store, then a link run that forgets them), so the next
    size starts from replicated weeks only."""
    from newsevents.link import link

    rows = store.db.execute("SELECT id FROM articles WHERE analyzed_at = '2000-01-02T00:00:00+00:00'")
    with store.transaction():
        for (article_id,) in rows:
            store.delete_article(article_id)
    link(store)
