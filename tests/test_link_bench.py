"""The linking benchmark's building blocks on a handful of analyses (timings are never asserted)."""

from __future__ import annotations

import json

from benchmarks.linking import copy_id, insert, replicate_weeks, synthetic_rows

from newsevents.link import link
from newsevents.store import open_store
from tests.test_link import three_reports


def test_synthetic_feed_is_new_articles_a_week_apart_with_their_event_dates():
    base = [a.to_dict() for a in three_reports()]
    rows = synthetic_rows(base, 7)
    ids = [a["id"] for a, _ in rows]
    assert len(set(ids)) == 7
    first, later = json.loads(rows[0][1]), json.loads(rows[3][1])  # copies 0 and 1 of the first article
    assert later["article"]["id"] == copy_id(first["article"]["id"], 1) == ids[3]
    days = (int(later["article"]["published"][8:10]) - int(first["article"]["published"][8:10])) % 31
    assert days == 7
    # the event date moved with the publication date
    assert first["events"][0]["date"]["value"] == first["article"]["published"][:10]
    assert later["events"][0]["date"]["value"] == later["article"]["published"][:10]


def test_replicated_weeks_are_linked_copies_and_new_articles_still_link(tmp_path):
    base = [a.to_dict() for a in three_reports()]
    with open_store(tmp_path / "bench.db") as store:
        insert(store, synthetic_rows(base, len(base)), "2000-01-01T00:00:00+00:00")
        first = link(store)
        replicate_weeks(store, range(1, 4))
        counts = store.db.execute("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM link_articles), "
                                  "(SELECT COUNT(*) FROM canonical_events), (SELECT COUNT(DISTINCT day_start) FROM "
                                  "canonical_events), (SELECT COUNT(*) FROM stories)")[0]
        assert counts == (12, 12, 4 * first.created, 4 * first.created, 4)
        # nothing left to link in the replicated weeks; a new week links as usual
        assert link(store).run_id is None
        insert(store, synthetic_rows(base, len(base), offset=4 * len(base)), "2000-01-02T00:00:00+00:00")
        fresh = link(store)
        assert fresh.articles == 3 and (fresh.created, fresh.joined) == (first.created, first.joined)
