"""Incremental linking: new (or re-analysed) stored articles into canonical events and stories.

One run: articles deleted or re-analysed since they were linked are unlinked first; then every stored
article not linked yet is read from its stored analysis (oldest publication first, in chunks), its
reports compared with the canonical events of the same days and countries (``index.py``), each report
joining the best canonical event it matches or starting a new one, and each new canonical event placed
in a story. Each chunk commits on its own, so an interrupted run keeps what it finished and the next
run carries on. A second run with nothing new changes nothing at all.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from newsevents.link import persist
from newsevents.link.canonical import Canonical, canonical_id, story_id_for
from newsevents.link.index import DayIndex, report_days
from newsevents.link.reports import MENTION, Report, iso, reports_from_json
from newsevents.link.schema import ensure_schema
from newsevents.link.scoring import LinkConfig, Vocabulary, canonical_score, needed, story_score
from newsevents.store import Store
from newsevents.store.backend import transaction

CHUNK_ARTICLES = 500
# Word weights are recomputed from the growing vocabulary after this many articles.
REFREEZE_ARTICLES = 20
# Members of a large canonical event that a new report is compared with (the latest ones).
MAX_COMPARED_MEMBERS = 40
# Members of each nearby canonical event a new event is compared with to find its story (the first ones).
MAX_STORY_MEMBERS = 5


@dataclass
class LinkResult:
    """What one run did."""

    articles: int = 0  # articles linked in this run
    removed: int = 0  # articles unlinked (deleted or re-analysed)
    reports: int = 0
    joined: int = 0  # reports that joined an existing canonical event
    created: int = 0  # canonical events started
    unlinked_mentions: int = 0  # articles with no coded event that named no known event
    stories_merged: int = 0
    compared: int = 0  # canonical events a report was compared with (the blocking's work, machine-independent)
    seconds: float = 0.0
    run_id: int | None = None
    failed: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Linker:
    def __init__(self, store: Store, config: LinkConfig | None = None,
                 on_progress: Callable[[LinkResult], None] | None = None) -> None:
        self.store = store
        self.db = store.db
        self.cfg = config or LinkConfig()
        self.on_progress = on_progress
        self.loaded: dict[str, Canonical] = {}
        self.index = DayIndex()
        self.story_span: dict[str, tuple[int, int]] = {}
        self.dirty_stories: set[str] = set()
        self.result = LinkResult()
        self.run_id = 0
        self.vocabulary = Vocabulary()
        self.changed_words: set[str] = set()

    # -- the run ---------------------------------------------------------------------------------------
    def run(self) -> LinkResult:
        started = time.perf_counter()
        ensure_schema(self.db)
        stale = persist.stale_articles(self.db)
        pending = persist.pending_articles(self.db)
        if not stale and not pending:
            self.result.seconds = time.perf_counter() - started
            return self.result  # nothing to do: not even a run is recorded
        with transaction(self.db):
            self.run_id = persist.start_run(self.db, now(), self.cfg.window_days)
        self.vocabulary = persist.load_vocabulary(self.db)
        self.result.run_id = self.run_id
        status = "failed"
        try:
            if stale:
                with transaction(self.db):
                    self._unlink(stale)
                    self._flush()
            # Oldest first, so a report finds the events it follows up already in place.
            pending.sort(key=lambda row: (row[1] or "9999", row[0]))
            for chunk in persist.chunks(pending, CHUNK_ARTICLES):
                with transaction(self.db):
                    self._link_chunk(chunk)
                    self._flush()
                self._evict(chunk)
                if self.on_progress:
                    self.result.seconds = time.perf_counter() - started
                    self.on_progress(self.result)
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            self.result.seconds = time.perf_counter() - started
            with transaction(self.db):
                persist.finish_run(self.db, self.run_id, now(), self.result.articles, self.result.removed,
                                   self.result.reports, self.result.created, status)
        return self.result

    # -- unlinking -------------------------------------------------------------------------------------
    def _unlink(self, article_ids: list[str]) -> None:
        affected: set[str] = set()
        for chunk in persist.chunks(article_ids):
            marks = ", ".join("?" * len(chunk))
            affected |= {r[0] for r in self.db.execute(
                f"SELECT DISTINCT canonical_id FROM link_reports WHERE article_id IN ({marks}) "
                "AND canonical_id IS NOT NULL", chunk)}
            for row in persist.report_dicts(self.db, f"article_id IN ({marks})", chunk):
                words = json.loads(row["data"])["words"]
                self.vocabulary.add(words, -1)
                self.changed_words.update(words)
            self.db.execute(f"DELETE FROM link_reports WHERE article_id IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM link_articles WHERE article_id IN ({marks})", chunk)
        for canonical in persist.load_canonicals(self.db, sorted(affected)).values():
            self.dirty_stories.add(canonical.story_id)
            if not any(r.kind != MENTION for r in canonical.members):
                persist.delete_canonical(self.db, canonical.id)  # only follow-ups were left
            else:
                canonical.dirty = True
                persist.write_canonical(self.db, canonical)
        self.result.removed += len(article_ids)

    # -- linking ---------------------------------------------------------------------------------------
    def _reports(self, chunk: list[tuple[str, str | None, str]]) -> list[list[Report]]:
        """Each article's reports, from its stored analysis JSON (read directly: linking needs a few
        fields, not every typed record). An analysis that cannot be read is listed in ``failed`` and the
        article linked as having no reports (it is tried again once it is re-analysed)."""
        ids = [row[0] for row in chunk]
        stored = dict(self.db.execute(
            f"SELECT article_id, analysis FROM analyses WHERE article_id IN ({', '.join('?' * len(ids))})", ids))
        out = []
        for article_id in ids:
            try:
                data = json.loads(stored[article_id])
                if data.get("article", {}).get("id") != article_id:
                    raise ValueError("its article id is not the stored article's")
                out.append(reports_from_json(data))
            except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
                self.result.failed.append(f"{article_id}: stored analysis cannot be read ({exc})")
                out.append([])
        return out

    def _link_chunk(self, chunk: list[tuple[str, str | None, str]]) -> None:
        per_article = list(zip(chunk, self._reports(chunk)))
        self._load_window([r for _, reports in per_article for r in reports])
        rows = []
        for n, ((article_id, published, analyzed_at), reports) in enumerate(per_article):
            if n % REFREEZE_ARTICLES == 0:
                self.vocabulary.freeze()  # weights from what was linked so far, fixed for a few articles
            rows += self._link_article(reports)
            self.db.execute("INSERT INTO link_articles (article_id, analyzed_at, published, run_id) "
                            "VALUES (?, ?, ?, ?)", (article_id, analyzed_at, published, self.run_id))
            self.result.articles += 1
        persist.insert_reports(self.db, rows)

    def _link_article(self, reports: list[Report]) -> list[tuple]:
        rows = []
        placed: list[Canonical] = []  # the canonical events this article's reports went to, in order
        for report in reports:
            best, best_score = self._best_match(report)
            joins = best is not None and best_score >= needed(report, self.cfg)
            if report.kind == MENTION and (not joins or any(best is c for c in placed)):
                # A mention that names nothing known, or only what the article's own events are: not kept.
                self.result.unlinked_mentions += not placed and not joins
                continue
            self.result.reports += 1
            self.vocabulary.add(report.words)
            self.changed_words.update(report.words)
            if joins:
                assert best is not None
                best.add(report)
                self.index.file(best)
                self.result.joined += 1
                rows.append(persist.report_row(report, best.id, best_score))
                self._bridge(placed, best)
                placed.append(best)
                continue
            created = self._create(report, placed)
            rows.append(persist.report_row(report, created.id, None))
            placed.append(created)
        return rows

    def _best_match(self, report: Report) -> tuple[Canonical | None, float]:
        best, best_score = None, float("-inf")
        for cid in self.index.candidates(report, report_days(report, self.cfg.window_days)):
            canonical = self.loaded[cid]
            self.result.compared += 1
            if report.kind == MENTION and report.words.isdisjoint(canonical.words):
                continue  # a mention is linked by what it says; with no word in common it cannot join
            s = self._canonical_score(report, canonical)
            if s is not None and (s > best_score or (s == best_score and best is not None and cid < best.id)):
                best, best_score = canonical, s
        return best, best_score

    def _canonical_score(self, report: Report, canonical: Canonical) -> float | None:
        return canonical_score(report, canonical.members[-MAX_COMPARED_MEMBERS:], self.cfg, self.vocabulary)

    def _create(self, report: Report, placed: list[Canonical]) -> Canonical:
        cid = canonical_id(report)
        if cid in self.loaded or self.db.execute("SELECT 1 FROM canonical_events WHERE id = ?", (cid,)):
            # The report founded an event before it was re-analysed, and that event lives on without it.
            cid = f"{cid}-r{self.run_id}"
        story = self._story_for(report, placed)
        canonical = Canonical(cid, story, [report], created_run=self.run_id, dirty=True)
        self.loaded[cid] = canonical
        self.index.file(canonical)
        self._extend_story(story, canonical)
        self.result.created += 1
        return canonical

    # -- stories ---------------------------------------------------------------------------------------
    def _story_for(self, report: Report, placed: list[Canonical]) -> str:
        """An article's events share a story; otherwise the story of the closest related event, if any."""
        for canonical in placed:
            if self._fits(canonical.story_id, report.day_start, report.day_end):
                return canonical.story_id
        best, best_score = None, float("-inf")
        if report.day_start is not None and report.day_end is not None:
            days = range(report.day_start - self.cfg.story_days, report.day_end + self.cfg.story_days + 1)
            for cid in self.index.candidates(report, days, any_type=True):
                canonical = self.loaded[cid]
                if report.words.isdisjoint(canonical.words) and not (set(report.actors) & set(canonical.members[0].actors)):
                    continue  # nothing said in common: no evidence of one story
                for member in canonical.members[:MAX_STORY_MEMBERS]:
                    s = story_score(report, member, self.cfg, self.vocabulary)
                    if s is not None and s > best_score and self._fits(canonical.story_id, report.day_start,
                                                                        report.day_end):
                        best, best_score = canonical, s
        if best is not None and best_score >= self.cfg.story_threshold:
            return best.story_id
        return story_id_for(canonical_id(report))

    def _fits(self, story: str, start: int | None, end: int | None) -> bool:
        span = self.story_span.get(story)
        if span is None or start is None or end is None:
            return True
        return max(span[1], end) - min(span[0], start) <= self.cfg.max_story_days

    def _extend_story(self, story: str, canonical: Canonical) -> None:
        self.dirty_stories.add(story)
        start, end = canonical.day_start, canonical.day_end
        if start is None or end is None:
            return
        span = self.story_span.get(story)
        self.story_span[story] = (start, end) if span is None else (min(span[0], start), max(span[1], end))

    def _bridge(self, placed: list[Canonical], joined: Canonical) -> None:
        """An article reporting events of two stories joins them (when the result is not too long)."""
        for other in placed:
            a, b = other.story_id, joined.story_id
            if a == b:
                continue
            span_a, span_b = self.story_span.get(a), self.story_span.get(b)
            if span_a and span_b and max(span_a[1], span_b[1]) - min(span_a[0], span_b[0]) > self.cfg.max_story_days:
                continue
            # The story that began first keeps its id.
            survivor, absorbed = (a, b) if (span_a or (0, 0))[0] <= (span_b or (0, 0))[0] else (b, a)
            self._merge_stories(absorbed, survivor)
        self._extend_story(joined.story_id, joined)

    def _merge_stories(self, absorbed: str, survivor: str) -> None:
        for canonical in self.loaded.values():
            if canonical.story_id == absorbed:
                canonical.story_id = survivor
                canonical.dirty = True
        persist.move_story(self.db, absorbed, survivor)
        span_a, span_s = self.story_span.pop(absorbed, None), self.story_span.get(survivor)
        if span_a:
            self.story_span[survivor] = span_a if span_s is None else (min(span_a[0], span_s[0]),
                                                                        max(span_a[1], span_s[1]))
        self.dirty_stories |= {absorbed, survivor}
        self.result.stories_merged += 1

    # -- memory: what is loaded from the database --------------------------------------------------------
    def _load_window(self, reports: list[Report]) -> None:
        """Loads the stored canonical events the chunk's reports may meet (and their stories' spans): those
        on the days each report can reach (its own days, within the window around its publication)."""
        reach = []
        for r in reports:
            days = report_days(r, self.cfg.window_days)
            if days:
                reach.append((days.start - self.cfg.story_days, days.stop - 1 + self.cfg.story_days))
        found: list[tuple[str, str]] = []
        for first, last in _merged(reach):
            found += persist.canonical_ids_between(self.db, iso(first), iso(last))  # type: ignore[arg-type]
        new = sorted({cid for cid, _ in found if cid not in self.loaded})
        for canonical in persist.load_canonicals(self.db, new).values():
            self.loaded[canonical.id] = canonical
            self.index.file(canonical)
        stories = sorted({s for _, s in found} - set(self.story_span))
        for sid, (start, end) in persist.story_spans(self.db, stories).items():
            if start and end:
                self.story_span[sid] = (_ord(start), _ord(end))

    def _evict(self, chunk: list[tuple[str, str | None, str]]) -> None:
        """Lets go of canonical events the next chunks (later publications) can no longer reach."""
        days = [d for _, p, _ in chunk if (d := _ordinal(p)) is not None]
        if not days:
            return
        horizon = max(days) - self.cfg.window_days - self.cfg.story_days - 1
        for cid in self.index.ended_before(horizon):
            self.index.remove(cid)
            self.loaded.pop(cid, None)
        for cid in [cid for cid, c in self.loaded.items() if c.day_start is None]:
            del self.loaded[cid]  # undated: never a candidate again

    def _flush(self) -> None:
        for canonical in self.loaded.values():
            if canonical.dirty:
                persist.write_canonical(self.db, canonical)
                canonical.dirty = False
        for story in sorted(self.dirty_stories):
            persist.refresh_story(self.db, story, self.run_id)
        self.dirty_stories.clear()
        persist.save_vocabulary(self.db, self.vocabulary, self.changed_words)
        self.changed_words.clear()


def _merged(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or adjacent day intervals joined."""
    out: list[tuple[int, int]] = []
    for first, last in sorted(intervals):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _ord(day: str) -> int:
    return date.fromisoformat(day[:10]).toordinal()


def _ordinal(value: str | None) -> int | None:
    try:
        return _ord(value) if value else None
    except ValueError:
        return None


def link(store: Store, config: LinkConfig | None = None,
         on_progress: Callable[[LinkResult], None] | None = None) -> LinkResult:
    """Links what is new in ``store`` (see the module docstring)."""
    return Linker(store, config, on_progress).run()
