"""Linking across articles: reports of one real-world event merged into canonical events, where sources
disagree shown side by side, and canonical events grouped into stories.

    from newsevents.link import link, list_stories, get_story
    with open_store("newsevents.db") as store:
        result = link(store, LinkConfig(window_days=7))   # incremental; a second run changes nothing
        for story in list_stories(store.db, limit=10):
            view = get_story(store.db, story.id)

Modules, one job each: ``reports`` (stored analysis -> reports), ``text`` and ``places`` (what reports
are compared on), ``scoring`` (pairwise evidence and vetoes, ``LinkConfig``), ``index`` (blocking by day
and country), ``canonical`` (merged events and their summaries), ``disagreements`` (side-by-side
tables), ``linker`` (the incremental run, stories), ``schema``/``persist`` (tables), ``views`` (reading).
"""

from newsevents.link.linker import LinkResult, link
from newsevents.link.schema import ensure_schema
from newsevents.link.scoring import LinkConfig
from newsevents.link.views import (
    CanonicalView,
    NotLinked,
    StorySummary,
    StoryView,
    article_canonicals,
    event_links,
    find_story,
    get_story,
    list_stories,
)

__all__ = [
    "CanonicalView",
    "LinkConfig",
    "LinkResult",
    "NotLinked",
    "StorySummary",
    "StoryView",
    "article_canonicals",
    "ensure_schema",
    "event_links",
    "find_story",
    "get_story",
    "link",
    "list_stories",
]
