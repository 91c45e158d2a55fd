"""Commands over linked data: ``link`` (incremental), ``stories`` (list) and ``story`` (one, side by side).

Thin: the work is in ``newsevents.link``.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsevents.cli import main
from newsevents.cli.common import opened_store, stdout_console
from newsevents.store import DEFAULT_DB, Store, StoreError

EXIT_INTERRUPTED = 130

db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, metavar="PATH",
                         help="SQLite database file.")


# -- link ------------------------------------------------------------------------------------------
@main.command("link")
@db_option
@click.option("--window-days", default=7, show_default=True, type=click.IntRange(min=0, max=366),
              help="A report links only to events within this many days of its publication.")
def link_command(db_path: str, window_days: int) -> None:
    """Link the stored articles not linked yet into canonical events and stories.

    Incremental: articles linked before are left alone (re-analysed or deleted ones are re-linked), so
    running it again with nothing new changes nothing. Nothing is parsed again: it reads stored analyses.
    """
    from newsevents.link import LinkConfig, link

    err = Console(stderr=True)

    def progress(result: Any) -> None:
        if err.is_terminal:
            err.print(f"linked {result.articles:,} articles ({result.rate:,.0f}/s)…", end="\r")

    with opened_store(db_path, must_exist=True) as store:
        try:
            result = link(store, LinkConfig(window_days=window_days), on_progress=progress)
        except KeyboardInterrupt:
            click.echo("link interrupted: the chunks finished before are kept; run it again to go on", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (StoreError, sqlite3.Error) as exc:  # e.g. another process holds the write lock
            raise click.ClickException(f"{db_path}: linking failed, nothing of the open chunk was written "
                                       f"({exc})") from exc
        totals = store.db.execute("SELECT (SELECT COUNT(*) FROM canonical_events), (SELECT COUNT(*) FROM stories)")[0]
    if result.run_id is None:
        click.echo(f"link: nothing new in {db_path} ({totals[0]:,} canonical events, {totals[1]:,} stories)")
        return
    click.echo(f"link done: {db_path}, {result.seconds:.1f} s, {result.rate:,.0f} articles/s")
    for label, value in (("articles", result.articles), ("unlinked", result.removed), ("reports", result.reports),
                         ("joined", result.joined), ("new events", result.created),
                         ("stories merged", result.stories_merged), ("canonical", totals[0]),
                         ("stories", totals[1])):
        click.echo(f"  {label:<15}{value:>9,}")
    for failure in result.failed:
        click.echo(f"error: {failure}", err=True)
    if result.failed:
        sys.exit(1)


# -- stories ---------------------------------------------------------------------------------------
def _require(store: Store) -> None:
    from newsevents.link import NotLinked
    from newsevents.link.views import require_links

    try:
        require_links(store.db)
    except NotLinked as exc:
        raise click.ClickException(str(exc)) from exc


def _span(start: str | None, end: str | None) -> str:
    if not start:
        return end or ""
    return start if not end or end == start else f"{start} – {end}"


def _outlets(outlets: list[str], limit: int = 4) -> str:
    shown = ", ".join(outlets[:limit])
    return shown + (f" +{len(outlets) - limit}" if len(outlets) > limit else "")


@main.command("stories")
@db_option
@click.option("--since", metavar="DATE", help="Stories going on at or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Stories begun at or before DATE.")
@click.option("--country", metavar="ISO2", help="Stories with an event in this country (ISO 3166 alpha-2).")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only stories told by at least this many articles.")
@click.option("--disputed", is_flag=True, help="Only stories where sources disagree on an event.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stories_command(db_path: str, since: str | None, until: str | None, country: str | None, min_articles: int,
                    disputed: bool, limit: int, fmt: str) -> None:
    """List stories, latest first: their span, title, events, articles and outlets."""
    from newsevents.link import list_stories

    with opened_store(db_path, must_exist=True) as store:
        _require(store)
        try:
            found = list_stories(store.db, since=since, until=until, min_articles=min_articles, disputed=disputed,
                                 country=country, limit=limit + 1)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    more = len(found) > limit
    found = found[:limit]
    if fmt == "json":
        click.echo(json.dumps([s.to_dict() for s in found], ensure_ascii=False, indent=2))
        return
    console = stdout_console()
    if not found:
        console.print("no stories match")
        return
    table = Table(header_style="bold", pad_edge=False)
    for name in ("story", "days", "title", "events", "articles", "outlets", "≠"):
        table.add_column(name, overflow="fold", no_wrap=name == "story")
    for s in found:
        table.add_row(s.id, _span(s.date_start, s.date_end), s.title or "", str(s.n_events), str(s.n_articles),
                      _outlets(s.outlets), "≠" if s.disputed else "")
    console.print(table)
    note = f"{len(found)} stories" + (" shown; more match (use --limit)" if more else "")
    console.print(note + " · ≠: sources disagree (see `newsevents story ID`)", style="dim")


# -- story -----------------------------------------------------------------------------------------
_ASPECT_COLUMN = {"fatalities": "killed", "injured": "injured", "responsibility": "by", "status": "status",
                  "place": "place", "date": "date"}


def _range(lo: int | None, hi: int | None) -> str:
    if lo is None and hi is None:
        return ""
    if lo == hi or hi is None:
        return str(lo)
    return f"{lo}–{hi}"


def _event_heading(event: Any) -> Text:
    row = event.row
    what = row["type"] or "event"
    if row["acled_sub_type"]:
        what += f" ({row['acled_sub_type']})"
    if row["status"] and row["status"] != "occurred":
        what += f" [{row['status']}]"
    where = row["place_name"] or ""
    if where and row["admin1"] and row["admin1"] != where:
        where += f", {row['admin1']}"
    if where and row["country"]:
        where += f" ({row['country']})"
    when = row["date_value"] or (row["first_published"] or "")[:10]
    parts = [what, when, where]
    n = row["n_reports"]
    killed = _range(row["fatalities_min"], row["fatalities_max"])
    if killed:
        parts.append(f"killed {killed} (range over {n} reports)")
    injured = _range(row["injured_min"], row["injured_max"])
    if injured:
        parts.append(f"injured {injured}")
    text = Text(f"■ {event.id}  ", style="bold")
    text.append(" · ".join(p for p in parts if p))
    if row["disputes"]:
        text.append("  sources disagree on: " + ", ".join(row["disputes"]), style="bold red")
    return text


def sources_table(event: Any) -> Table:
    """The reports of one canonical event side by side, in publication order (the timeline)."""
    disputed = {_ASPECT_COLUMN[a] for a in event.row["disputes"] if a in _ASPECT_COLUMN}
    table = Table(header_style="bold", pad_edge=False, show_lines=False)
    for name in ("published", "outlet", "killed", "injured", "by", "according to", "status", "place", "date",
                 "report"):
        header = f"{name} ≠" if name in disputed else name
        table.add_column(header, overflow="fold", style="red" if name in disputed else None)
    for v in event.disagreements.versions:
        report = v.evidence if v.kind != "mention" else f"(mentions) {v.evidence}"
        table.add_row((v.published or "")[:16], v.outlet or "", v.fatalities, v.injured, ", ".join(v.perpetrators),
                      ", ".join(v.attributed_to), v.status, v.place, v.date, report)
    return table


@main.command("story")
@click.argument("ref", metavar="ID")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def story_command(ref: str, db_path: str, fmt: str) -> None:
    """Show a story (by id, id prefix or the id of one of its events): its events, each with every
    source's version side by side in publication order, and where the sources disagree."""
    from newsevents.link import find_story, get_story

    with opened_store(db_path, must_exist=True) as store:
        _require(store)
        story_id = find_story(store.db, ref)
        if story_id is None:
            raise click.ClickException(f"{ref}: no such story in {db_path} (give a story id, an id prefix or "
                                       "the id of one of its events; `newsevents stories` lists them)")
        view = get_story(store.db, story_id)
    assert view is not None
    if fmt == "json":
        click.echo(json.dumps(view.to_dict(), ensure_ascii=False, indent=2))
        return
    s = view.summary
    console = stdout_console()
    console.print(Text(s.title or "(untitled story)", style="bold underline"))
    console.print(f"{s.id} · {_span(s.date_start, s.date_end)} · {s.n_events} events · {s.n_articles} articles · "
                  f"outlets: {', '.join(s.outlets) or '?'}", style="dim")
    for event in view.events:
        console.print()
        console.print(_event_heading(event))
        versions = event.disagreements.versions
        if len(versions) == 1:  # one source: nothing to set side by side
            v = versions[0]
            console.print(f"  {(v.published or '')[:16]} · {v.outlet or '?'} · {v.evidence}", style="dim")
        else:
            console.print(sources_table(event))
