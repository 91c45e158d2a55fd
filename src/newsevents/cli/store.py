"""Commands over the event database: ``ingest``, ``events``, ``article`` and ``export``.

Thin: the work is in ``newsevents.ingest``, ``newsevents.store`` and ``newsevents.export``.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click
from rich import box
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsevents.cli import main
from newsevents.cli.common import opened_store, stdout_console
from newsevents.model import Analysis
from newsevents.store import (
    DEFAULT_DB,
    EventQuery,
    EventRecord,
    Near,
    QueryError,
    Store,
)

if TYPE_CHECKING:
    from newsevents.ingest import IngestReport

EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped by SIGINT

db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, metavar="PATH",
                         help="SQLite database file.")


# -- ingest ----------------------------------------------------------------------------------------
class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} articles/s", style="progress.data.speed")


@main.command("ingest")
@click.argument("inputs", nargs=-1)
@db_option
@click.option("--reanalyze", is_flag=True,
              help="Analyze again articles already stored (after an extractor change) and replace their "
                   "extractions; with no INPUTS, every stored article.")
@click.option("--batch-size", default=100, show_default=True, type=click.IntRange(min=1),
              help="Articles per database transaction.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes analysing in parallel (each loads the model once).")
def ingest_command(inputs: tuple[str, ...], db_path: str, reanalyze: bool, batch_size: int, workers: int) -> None:
    """Read INPUTS (files, folders, globs, '-' for stdin), analyze them and store the results.

    Re-ingesting what is already stored (same content) changes nothing. The exit status is 1 when any
    input or article failed (the good ones are stored), 130 when interrupted (committed batches stay).
    """
    from newsevents.ingest import ingest, stored_articles
    from newsevents.read import read_inputs

    if not inputs and not reanalyze:
        raise click.UsageError("give at least one INPUT (or --reanalyze alone to re-analyze the stored articles)")
    err = Console(stderr=True)
    with opened_store(db_path) as store:
        # The database (and its -wal/-shm files) may sit inside a folder being ingested: never read it.
        items = read_inputs(inputs, exclude=(db_path,)) if inputs else stored_articles(store)
        progress = Progress(SpinnerColumn(), TextColumn("ingesting"), TextColumn("{task.completed:,} articles"),
                            _RateColumn(), TimeElapsedColumn(),
                            TextColumn("new {task.fields[new]:,} · failed {task.fields[failed]:,}"),
                            console=err, transient=True, disable=not err.is_terminal)
        with progress:
            task = progress.add_task("ingest", total=None, new=0, failed=0)

            def on_progress(report: IngestReport) -> None:
                progress.update(task, completed=report.processed, new=report.new, failed=len(report.failed))

            try:
                report = ingest(store, items, reanalyze=reanalyze, batch_size=batch_size, workers=workers,
                                on_progress=on_progress)
            except KeyboardInterrupt:  # before the first article (e.g. while the model loads)
                err.print("interrupted before anything was stored")
                sys.exit(EXIT_INTERRUPTED)
    _print_summary(report, db_path)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.failed or report.aborted:
        sys.exit(1)


def _print_summary(report: IngestReport, db_path: str) -> None:
    state = "interrupted" if report.interrupted else "aborted" if report.aborted else "done"
    startup = f" (model start-up {report.startup_seconds:.1f} s)" if report.startup_seconds else ""
    click.echo(f"ingest {state}: {db_path}, {report.seconds:.1f} s{startup}, {report.rate:,.1f} articles/s")
    for label, value in (("read", report.read), ("new", report.new), ("updated", report.updated),
                         ("unchanged", report.unchanged), ("reanalyzed", report.reanalyzed),
                         ("failed", len(report.failed))):
        click.echo(f"  {label:<11}{value:>8,}")
    if report.interrupted:
        click.echo(f"  interrupted: committed batches are stored; the batch in progress "
                   f"({report.rolled_back:,} articles) was rolled back")
    if report.aborted:
        click.echo(f"  aborted: committed batches are stored; the batch in progress "
                   f"({report.rolled_back:,} articles) was rolled back")
    for failure in report.failed:
        click.echo(f"error: {failure}", err=True)
    if report.aborted:
        click.echo(f"error: {report.aborted}", err=True)


# -- events ----------------------------------------------------------------------------------------
def _query_options(command: Any) -> Any:
    options = [
        click.option("--type", "types", multiple=True, help="PLOVER type, ACLED event type or sub-event type "
                     "(repeatable)."),
        click.option("--country", help="Country of a place of the event: ISO2, ISO3 or name."),
        click.option("--actor", help="Part of the name of an actor, recipient or attributed actor."),
        click.option("--place", help="Part of a place name, or a GeoNames id."),
        click.option("--admin1", help="Part of the name of the first-order division (state, oblast, region)."),
        click.option("--near", metavar="LAT,LON,KM", help="Events with a place within KM of LAT,LON."),
        click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Events on or before DATE."),
        click.option("--status", help="occurred, planned, threatened, denied, claimed..."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _build_query(opts: dict[str, Any], limit: int | None = None) -> EventQuery:
    try:
        near = Near.parse(opts["near"]) if opts.get("near") else None
    except QueryError as exc:
        raise click.BadParameter(str(exc)) from exc
    return EventQuery(types=tuple(opts.get("types") or ()), country=opts.get("country"), actor=opts.get("actor"),
                      place=opts.get("place"), admin1=opts.get("admin1"), near=near, since=opts.get("since"),
                      until=opts.get("until"), status=opts.get("status"), limit=limit)


def _records(store: Store, query: EventQuery) -> list[EventRecord]:
    try:
        return list(store.iter_events(query))
    except QueryError as exc:
        raise click.BadParameter(str(exc)) from exc


TABLE_LIMIT = 50


@main.command("events")
@db_option
@_query_options
@click.option("--limit", type=click.IntRange(min=1), help=f"At most this many events (table: {TABLE_LIMIT}).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "geojson"]), default="table",
              show_default=True)
def events_command(db_path: str, limit: int | None, fmt: str, **opts: Any) -> None:
    """List stored events, newest first, filtered by type, place, actor and date."""
    from newsevents.export.events_csv import write_event_rows
    from newsevents.export.geojson import write_feature_collection
    from newsevents.export.records import event_json

    shown = limit or (TABLE_LIMIT if fmt == "table" else None)
    with opened_store(db_path, must_exist=True) as store:
        # One more than shown, to say when the table is cut.
        records = _records(store, _build_query(opts, None if shown is None else shown + 1))
        total_articles = store.db.execute("SELECT COUNT(*) FROM articles")[0][0]
    more = shown is not None and len(records) > shown
    records = records[:shown] if shown is not None else records
    if fmt == "json":
        click.echo(json.dumps([event_json(r) for r in records], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_event_rows(records, sys.stdout)
    elif fmt == "geojson":
        write_feature_collection(records, sys.stdout)
    else:
        console = stdout_console()
        if not records:
            console.print(f"no events match ({total_articles:,} articles stored in {db_path})")
            return
        console.print(events_table(records, width=console.width))
        note = f"{len(records):,} events" + (" shown; more match (use --limit)" if more else "")
        console.print(f"{note} · {total_articles:,} articles in {db_path}", style="dim")


def _range_text(r: Any) -> str:
    if r is None:
        return ""
    if r.min is not None and r.max is not None and r.min != r.max:
        text = f"{r.min}–{r.max}"
    else:
        text = str(r.min if r.min is not None else r.max if r.max is not None else "?")
    return f"{r.qualifier} {text}" if r.qualifier else text


WIDE_TABLE = 120  # below this many columns the table drops mode and outlet to stay readable


def events_table(records: list[EventRecord], with_article: bool = True, width: int = WIDE_TABLE) -> Table:
    """Date, type (with status), mode, ACLED type, place, actors → recipients, killed, outlet, article
    (or, for one article's events, the event id first).

    Columns empty in every row are left out, and on a narrow terminal mode and outlet too.
    """
    rows = [_event_cells(r) for r in records]
    columns = [c for c in _COLUMNS if any(row[c].plain for row in rows) or c in ("date", "type")]
    if width < WIDE_TABLE:
        columns = [c for c in columns if c not in ("mode", "outlet")]
    if not with_article:  # one article's events: its outlet is in the header already
        columns = [c for c in columns if c != "outlet"]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False)
    if not with_article:
        table.add_column("event", no_wrap=True)
    for name in columns:
        # The type column fits the longest status ("hypothetical") on its own line.
        table.add_column(name, overflow="fold", min_width=12 if name == "type" else None)
    if with_article:
        table.add_column("article", no_wrap=True, min_width=8)
    for r, cells in zip(records, rows):
        row = [cells[c] for c in columns]
        if not with_article:
            row.insert(0, Text(r.event.id, style="bold"))
        if with_article:
            row.append(Text(r.article_id[:8], style="dim"))  # a prefix `newsevents article` accepts
        if width < WIDE_TABLE and r.event.status != "occurred":
            cells["type"].plain = cells["type"].plain.replace("  ", "\n", 1)
        table.add_row(*row)
    return table


_COLUMNS = ("date", "type", "mode", "ACLED type", "place", "actors → recipients", "killed", "outlet")


def _event_cells(r: EventRecord) -> dict[str, Text]:
    # Cells are Text, never markup: names and places may contain brackets.
    e = r.event
    acled = e.acled or {}
    place = r.first_place
    where = ""
    if place:
        where = place.name + (f", {place.country}" if place.country else "")
        if len(r.places) > 1:
            where += f" +{len(r.places) - 1}"
    who = ", ".join(a.name for a in r.actors) or "?"
    if r.recipients:
        who += " → " + ", ".join(a.name for a in r.recipients)
    date = Text(e.date.value) if e.date.value else Text(r.published[:10] if r.published else "", style="dim")
    kind = Text(e.type, style="bold")
    if e.status != "occurred":
        kind.append("  " + e.status, style="italic")
    return {"date": date, "type": kind, "mode": Text(", ".join(e.mode)),
            "ACLED type": Text(acled.get("sub_event_type") or acled.get("event_type") or ""),
            "place": Text(where), "actors → recipients": Text(who), "killed": Text(_range_text(e.fatalities)),
            "outlet": Text(r.outlet or "")}


# -- article ---------------------------------------------------------------------------------------
STYLES = {
    "actor": "bold cyan",
    "place": "bold green",
    "time": "magenta",
    "quote": "italic yellow",
    "trigger": "bold white on red",
}


def highlighted_text(analysis: Analysis) -> Text:
    """The article text with each extraction styled by kind (quotes first, so mentions inside stay visible)."""
    text = Text(analysis.article.text)
    for q in analysis.quotes:
        text.stylize(STYLES["quote"], *q.span)
    for t in analysis.times:
        text.stylize(STYLES["time"], *t.span)
    for p in analysis.places:
        for start, end in p.mentions:
            text.stylize(STYLES["place"], start, end)
    for a in analysis.actors:
        for start, end in a.mentions:
            text.stylize(STYLES["actor"], start, end)
    for e in analysis.events:
        if e.evidence.trigger:
            text.stylize(STYLES["trigger"], *e.evidence.trigger)
    return text


@main.command("article")
@click.argument("ref", metavar="ID")
@db_option
def article_command(ref: str, db_path: str) -> None:
    """Show a stored article (by id, id prefix or external id) with its extractions highlighted."""
    with opened_store(db_path, must_exist=True) as store:
        article_id = store.find_article(ref)
        if article_id is None:
            raise click.ClickException(f"{ref}: no such article in {db_path} (give an id, id prefix or external id)")
        analysis = store.get_analysis(article_id)
        order = {e.id: i for i, e in enumerate(analysis.events)} if analysis else {}
        records = sorted(store.iter_events(EventQuery(article_ids=(article_id,))), key=lambda r: order[r.event.id])
        stored = store.stored(article_id)
    assert analysis is not None and stored is not None
    a = analysis.article
    console = stdout_console()
    console.print(Text(a.title or "(untitled)", style="bold underline"))
    meta = [f"id {a.id}", f"external id {a.external_id}" if a.external_id else "", a.outlet or "",
            f"published {a.published}" if a.published else "", a.url or ""]
    console.print(" · ".join(m for m in meta if m), style="dim")
    console.print(f"analyzed {stored.analyzed_at} by {stored.analyzer_version}", style="dim")
    legend = Text("legend: ")
    for name, style in STYLES.items():
        legend.append(name, style=style)
        legend.append("  ")
    console.print(legend)
    console.print()
    console.print(highlighted_text(analysis))
    console.print()
    counts = (f"{len(analysis.actors)} actors, {len(analysis.places)} places, {len(analysis.times)} times, "
              f"{len(analysis.quotes)} quotes, {len(analysis.quantities)} quantities, {len(analysis.events)} events")
    console.print(counts, style="dim")
    if records:
        console.print(events_table(records, with_article=False, width=console.width))
        for r in records:
            console.print(Text(f"{r.event.id}: ", style="bold") + Text(" ".join(r.evidence_text.split())))


# -- export ----------------------------------------------------------------------------------------
def _export_formats() -> list[str]:
    from newsevents.export import registered_exporters

    return registered_exporters()


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(_export_formats()), required=True)
@click.option("--output", "-o", default="-", metavar="FILE", help="File to write; '-' for standard output.")
@_query_options
def export_command(db_path: str, fmt: str, output: str, **opts: Any) -> None:
    """Write stored events (or analyses, for jsonl) in an exchange format; filters as for `events`."""
    from newsevents.export import get_exporter

    exporter = get_exporter(fmt)
    query = _build_query(opts)
    with opened_store(db_path, must_exist=True) as store:
        if output == "-":
            if exporter.binary and sys.stdout.isatty():
                raise click.UsageError(f"{fmt} is binary: give --output FILE{exporter.suffix} or redirect")
            try:
                count = exporter.write(store, sys.stdout.buffer, query)
            except QueryError as exc:
                raise click.BadParameter(str(exc)) from exc
            sys.stdout.flush()
        else:
            try:
                with open(output, "wb") as out:
                    count = exporter.write(store, out, query)
            except QueryError as exc:
                raise click.BadParameter(str(exc)) from exc
            except OSError as exc:
                raise click.ClickException(f"{output}: cannot write ({exc.strerror or exc})") from exc
    click.echo(f"exported {count:,} records as {fmt}" + ("" if output == "-" else f" to {output}"), err=True)

