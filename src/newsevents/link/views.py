"""Reading linked data back: story lists, one story with its events and disagreements, event links."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsevents.link import persist
from newsevents.link.disagreements import Disagreements, disagreements
from newsevents.link.reports import Report
from newsevents.link.schema import has_link_tables
from newsevents.store import Database
from newsevents.store.queries import date_bound


class NotLinked(LookupError):
    """The database has no linking tables yet."""


def require_links(db: Database) -> None:
    if not has_link_tables(db):
        raise NotLinked(f"{db.name}: nothing is linked yet; run `newsevents link --db {db.name}` first")


@dataclass
class StorySummary:
    id: str
    title: str | None
    date_start: str | None
    date_end: str | None
    n_events: int
    n_articles: int
    n_reports: int
    outlets: list[str]
    countries: list[str]
    disputed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class CanonicalView:
    id: str
    story_id: str
    row: dict[str, Any]  # the canonical_events row
    members: list[Report]
    disagreements: Disagreements

    def to_dict(self) -> dict[str, Any]:
        row = dict(self.row)
        return {"id": self.id, "story": self.story_id, **{k: v for k, v in row.items() if k not in ("id", "story_id")},
                "sources": self.disagreements.to_dict()}


@dataclass
class StoryView:
    summary: StorySummary
    events: list[CanonicalView] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary.to_dict(), "events": [e.to_dict() for e in self.events]}


_STORY_SELECT = ("SELECT s.id, s.title, s.date_start, s.date_end, s.n_events, s.n_articles, s.n_reports, s.outlets, "
                 "s.countries, EXISTS (SELECT 1 FROM canonical_events c WHERE c.story_id = s.id "
                 "AND c.disputes <> '[]') FROM stories s")


def _summary(row: tuple[Any, ...]) -> StorySummary:
    return StorySummary(row[0], row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]),
                        json.loads(row[8]), bool(row[9]))


def list_stories(db: Database, *, since: str | None = None, until: str | None = None, min_articles: int = 1,
                 disputed: bool = False, country: str | None = None, limit: int | None = None) -> list[StorySummary]:
    """Stories, latest first; ``since``/``until`` as YYYY[-MM[-DD]] compare with the story's days."""
    require_links(db)
    where, params = ["s.n_articles >= ?"], [min_articles]
    if since:
        where.append("s.date_end >= ?")
        params.append(date_bound(since, 0, "--since"))
    if until:
        where.append("s.date_start <= ?")
        params.append(date_bound(until, 1, "--until"))
    if disputed:
        where.append("EXISTS (SELECT 1 FROM canonical_events c WHERE c.story_id = s.id AND c.disputes <> '[]')")
    if country:
        where.append("s.countries LIKE ?")
        params.append(f'%"{country.upper()}"%')
    sql = (f"{_STORY_SELECT} WHERE {' AND '.join(where)} "
           "ORDER BY CASE WHEN s.date_end IS NULL THEN 1 ELSE 0 END, s.date_end DESC, s.n_articles DESC, s.id")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_summary(r) for r in db.execute(sql, params)]


def find_story(db: Database, ref: str) -> str | None:
    """A story id from its id, an unambiguous prefix, or the id of one of its canonical events."""
    require_links(db)
    ref = ref.strip()
    if not ref:
        return None
    for sql in ("SELECT id FROM stories WHERE id = ?", "SELECT story_id FROM canonical_events WHERE id = ?"):
        rows = db.execute(sql, (ref,))
        if rows:
            return rows[0][0]
    escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    for sql in ("SELECT id FROM stories WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                "SELECT DISTINCT story_id FROM canonical_events WHERE id LIKE ? ESCAPE '\\' LIMIT 2"):
        rows = db.execute(sql, (escaped + "%",))
        if len(rows) == 1:
            return rows[0][0]
    return None


def get_story(db: Database, story_id: str) -> StoryView | None:
    rows = db.execute(f"{_STORY_SELECT} WHERE s.id = ?", (story_id,))
    if not rows:
        return None
    view = StoryView(_summary(rows[0]))
    columns = persist.CANONICAL_COLUMNS
    canon = [dict(zip(columns, r)) for r in db.execute(
        f"SELECT {', '.join(columns)} FROM canonical_events WHERE story_id = ? "
        "ORDER BY COALESCE(date_value, day_start), first_published, id", (story_id,))]
    members = persist.members_of(db, [c["id"] for c in canon])
    for row in canon:
        row["disputes"] = json.loads(row["disputes"])
        row["outlets"] = json.loads(row["outlets"])
        reports = members[row["id"]]
        view.events.append(CanonicalView(row["id"], row["story_id"], row, reports, disagreements(reports)))
    return view


def event_links(db: Database, keys: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    """For each (article id, event id): the links-jsonl record (canonical event and story, None if unlinked)."""
    require_links(db)
    for chunk in persist.chunks(keys):
        articles = sorted({a for a, _ in chunk})
        marks = ", ".join("?" * len(articles))
        links: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        for article_id, event_id, canonical, story in db.execute(
                "SELECT r.article_id, r.event_id, r.canonical_id, c.story_id FROM link_reports r "
                f"LEFT JOIN canonical_events c ON c.id = r.canonical_id WHERE r.article_id IN ({marks}) "
                "AND r.event_id IS NOT NULL", articles):
            links[(article_id, event_id)] = (canonical, story)
        external = dict(db.execute(f"SELECT id, external_id FROM articles WHERE id IN ({marks})", articles))
        for key in chunk:
            canonical, story = links.get(key, (None, None))
            yield {"article": external.get(key[0]) or key[0], "event": key[1], "canonical_event": canonical,
                   "story": story}


def article_canonicals(db: Database) -> dict[str, list[str]]:
    """Each linked article's canonical events, in the order of its reports (first: its lead event)."""
    require_links(db)
    out: dict[str, list[str]] = {}
    for article_id, canonical in db.execute(
            "SELECT article_id, canonical_id FROM link_reports WHERE canonical_id IS NOT NULL "
            "ORDER BY article_id, ord"):
        seen = out.setdefault(article_id, [])
        if canonical not in seen:
            seen.append(canonical)
    return out
