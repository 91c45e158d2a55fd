"""``geojson``: a FeatureCollection of events, each a point at its first located place.

Properties carry the place's GeoNames id and the event's ``place_precision``; events without
coordinates are kept with a null geometry (RFC 7946 allows unlocated features) so nothing is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO, TextIO

from newsevents.export.records import geojson_feature
from newsevents.export.registry import register_exporter, text_output
from newsevents.store import EventQuery, EventRecord, Store


def write_feature_collection(records: Iterable[EventRecord], text: TextIO) -> int:
    """Streams the collection feature by feature, so large exports never sit in memory whole."""
    text.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for record in records:
        text.write(("," if count else "") + "\n" + json.dumps(geojson_feature(record), ensure_ascii=False))
        count += 1
    text.write("\n]}\n")
    return count


@register_exporter("geojson", suffix=".geojson", description="events as GeoJSON points (FeatureCollection)")
def write_geojson(store: Store, out: BinaryIO, query: EventQuery) -> int:
    with text_output(out) as text:
        return write_feature_collection(store.iter_events(query), text)
