"""``csv``: one row per stored event, flat columns (the same rows as ``newsevents events --format csv``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import BinaryIO, TextIO

from newsevents.export.registry import register_exporter, text_output
from newsevents.store import EventQuery, EventRecord, Store
from newsevents.store.queries import FLAT_COLUMNS


def write_event_rows(records: Iterable[EventRecord], text: TextIO) -> int:
    writer = csv.DictWriter(text, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(record.flat())
        count += 1
    return count


@register_exporter("csv", suffix=".csv", description="one row per event, flat columns")
def write_csv(store: Store, out: BinaryIO, query: EventQuery) -> int:
    with text_output(out) as text:
        return write_event_rows(store.iter_events(query), text)
