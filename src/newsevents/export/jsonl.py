"""``jsonl``: one Analysis per line, exactly as ``newsevents analyze --format jsonl`` writes it."""

from __future__ import annotations

import json
from typing import BinaryIO

from newsevents.export.registry import register_exporter, text_output
from newsevents.store import EventQuery, Store


@register_exporter("jsonl", suffix=".jsonl", description="one Analysis per line (the output schema)")
def write_jsonl(store: Store, out: BinaryIO, query: EventQuery) -> int:
    """All stored analyses; with event filters, the analyses of articles that have a matching event."""
    article_ids = None
    if not query.is_empty():
        article_ids = list(dict.fromkeys(r.article_id for r in store.iter_events(query)))
    count = 0
    with text_output(out) as text:
        for analysis in store.iter_analyses(article_ids=article_ids):
            text.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count
