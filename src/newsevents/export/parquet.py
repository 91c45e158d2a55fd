"""``parquet``: one row per event (pyarrow), with list columns where an event has several values."""

from __future__ import annotations

from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.export.registry import register_exporter
from newsevents.store import EventQuery, EventRecord, Store
from newsevents.store.queries import FLAT_COLUMNS

_LISTS = {"mode", "context", "actors", "recipients", "attributed_to", "places"}
_INTS = {"geonameid", "fatalities_min", "fatalities_max", "injured_min", "injured_max"}
_FLOATS = {"latitude", "longitude", "confidence"}


def _type(column: str) -> pa.DataType:
    if column in _LISTS:
        return pa.list_(pa.string())
    if column in _INTS:
        return pa.int64()
    if column in _FLOATS:
        return pa.float64()
    return pa.string()


def _schema() -> pa.Schema:
    return pa.schema([pa.field(c, _type(c)) for c in FLAT_COLUMNS]
                     + [pa.field("geonameids", pa.list_(pa.int64()))])


def parquet_row(record: EventRecord) -> dict[str, Any]:
    row = record.flat()
    row.update(mode=record.event.mode, context=record.event.context,
               actors=[a.name for a in record.actors], recipients=[a.name for a in record.recipients],
               attributed_to=[a.name for a in record.attributed_to], places=[p.name for p in record.places],
               geonameids=[p.geonameid for p in record.places])
    return row


@register_exporter("parquet", suffix=".parquet", binary=True, description="one row per event (Apache Parquet)")
def write_parquet(store: Store, out: BinaryIO, query: EventQuery, batch_rows: int = 10_000) -> int:
    schema = _schema()
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        rows: list[dict[str, Any]] = []
        for record in store.iter_events(query):
            rows.append(parquet_row(record))
            if len(rows) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
                rows = []
        if rows or count == 0:  # an empty export still has its columns
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
