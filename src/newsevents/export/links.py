"""``links-jsonl``: one line per extracted event, with the canonical event and story it was linked to.

    {"article": <external_id or id>, "event": <event id>, "canonical_event": <id>, "story": <id>}

Exactly these keys: evaluation outside the project reads this format. An event that is not linked
(hypothetical or negated events, articles stored after the last ``newsevents link``) has null ids.
"""

from __future__ import annotations

import json
from typing import BinaryIO

from newsevents.export.registry import register_exporter, text_output
from newsevents.store import EventQuery, QueryError, Store
from newsevents.store.queries import event_keys_sql


@register_exporter("links-jsonl", suffix=".jsonl",
                   description="event → canonical event and story links, one JSON object per line")
def write_links(store: Store, out: BinaryIO, query: EventQuery) -> int:
    from newsevents.link import NotLinked, event_links

    sql, params = event_keys_sql(query)
    keys = [(r[0], r[1]) for r in store.db.execute(sql, params)]
    if query.near is not None:  # the SQL only boxes; the exact distance needs the places
        keys = [(r.article_id, r.event.id) for r in store.iter_events(query)]
    count = 0
    with text_output(out) as text:
        try:
            for line in event_links(store.db, keys):
                text.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
        except NotLinked as exc:
            raise QueryError(str(exc)) from exc
    return count
