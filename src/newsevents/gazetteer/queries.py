"""Read-only queries over the built gazetteer that the name lookups of ``index.Gazetteer`` do not cover.

Each query opens its own read-only connection to the index file (``Gazetteer.path``), so it shares no
state with the lookups the places extractor runs.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

from newsevents.gazetteer.index import Gazetteer


def city_names(gazetteer: Gazetteer, min_population: int) -> list[str]:
    """The own names (GeoNames' ``name``, not alternates) of the cities with at least ``min_population``
    people, in index order. Names repeat when several cities share one ("Springfield")."""
    if min_population < 0:
        raise ValueError(f"min_population must be 0 or more, got {min_population}")
    uri = f"file:{gazetteer.path}?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        rows = db.execute("SELECT name FROM places WHERE feature = 'city' AND pop >= ?", (min_population,))
        return [name for (name,) in rows]
