"""Linking stored analyses into canonical events and stories (issue 6), on a real SQLite store.

The analyses are written by hand (``report``) so each test controls exactly what the extractors would
have found: linking is tested on its own, whatever the extractors produce today.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsevents.link import LinkConfig, article_canonicals, find_story, get_story, link, list_stories
from newsevents.link.reports import MENTION, reports_from_analysis
from newsevents.link.schema import LINK_TABLES
from newsevents.model import Actor, Analysis, Article, Event, Evidence, Place, Range, When
from newsevents.store import open_store

ODESA = Place("p1", "Odesa", "city", "UA", 698740, "Odessa", 46.47747, 30.73262, [(0, 5)])
ODESA_OBLAST = Place("p1", "Odessa Oblast", "admin1", "UA", 698738, "Odessa", 46.799, 29.8782, [(0, 5)])
KHARKIV = Place("p1", "Kharkiv", "city", "UA", 706483, "Kharkiv", 49.98081, 36.25272, [(0, 5)])
ISTANBUL = Place("p2", "Istanbul", "city", "TR", 745044, "Istanbul", 41.01384, 28.94966, [(0, 5)])


def report(external_id: str, outlet: str, published: str, text: str, *, type_: str = "ASSAULT",
           place: Place | None = ODESA, date: When | None = None, killed: Range | None = None,
           actor: str | None = "Russia", according_to: str | None = None, status: str = "occurred",
           title: str | None = None, more_events: list[Event] | None = None,
           more_places: list[Place] | None = None) -> Analysis:
    """An analysis as the extractors would store it: one event (or more) read from ``text``."""
    article = Article(text=text, published=published, outlet=outlet, external_id=external_id, title=title)
    actors = []
    if actor:
        actors.append(Actor("a1", actor, "country", "RUS" if actor == "Russia" else None, mentions=[(0, 1)]))
    if according_to:
        actors.append(Actor("a2", according_to, "person", "UKR", "GOV", mentions=[(1, 2)]))
    event = Event(
        id="e1", type=type_, evidence=Evidence((0, len(article.text))), status=status,
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}
        if type_ == "ASSAULT" else None,
        actors=["a1"] if actor else [], places=[place.id] if place else [],
        place_precision=place.feature if place else "unknown",
        date=date or When(published[:10], "day"), fatalities=killed,
        attributed_to=["a2"] if according_to else [])
    places = [place] if place else []
    return Analysis(article, actors=actors, places=places + (more_places or []),
                    events=[event, *(more_events or [])])


def three_reports() -> list[Analysis]:
    """One strike, three outlets, three death tolls as the day went on."""
    return [
        report("afp-1", "Agence France-Presse", "2024-03-14T09:10:00",
               "A Russian missile strike on the port of Odesa killed 14 people, governor Oleh Kiper said.",
               killed=Range(14, 14), according_to="Oleh Kiper"),
        report("reuters-1", "Reuters", "2024-03-14T15:40:00",
               "The death toll from the Russian missile attack on Odesa port rose to 19, the emergency service said.",
               killed=Range(19, 19), according_to="State Emergency Service"),
        report("kyivpost-1", "Kyiv Post", "2024-03-15T08:00:00",
               "At least 21 people were killed when Russian missiles struck the port of Odesa on Thursday.",
               date=When("2024-03-14", "day"), killed=Range(21, None, "at least")),
    ]


def store_all(path, analyses: list[Analysis], analyzed_at: str | None = None):
    with open_store(path) as store, store.transaction():
        for a in analyses:
            store.save_analysis(a, analyzer_version="test", analyzed_at=analyzed_at)


def dump_links(path) -> dict[str, list[tuple]]:
    """Every row of the linking tables except the run log (which records when runs happened)."""
    with sqlite3.connect(path) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall())
                for t in LINK_TABLES if t != "link_runs"}


def canonical_of(store, external_id: str) -> str:
    article_id = store.find_article(external_id)
    return article_canonicals(store.db)[article_id][0]


def test_three_reports_one_canonical_event_with_every_figure_and_outlet(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, three_reports())
    with open_store(db) as store:
        result = link(store)
        assert result.articles == 3 and result.created == 1 and result.joined == 2
        ids = {canonical_of(store, x) for x in ("afp-1", "reuters-1", "kyivpost-1")}
        assert len(ids) == 1
        (canonical,) = ids
        row = store.db.execute("SELECT fatalities_min, fatalities_max, n_reports, n_articles, outlets, disputes, "
                               "place_name, date_value FROM canonical_events WHERE id = ?", (canonical,))[0]
        story = get_story(store.db, find_story(store.db, canonical))
    lo, hi, n_reports, n_articles, outlets, disputes, place, day = row
    # A range over the sources, never an average: the lowest and the highest any source gave.
    assert (lo, hi) == (14, 21)
    assert (n_reports, n_articles) == (3, 3)
    assert json.loads(outlets) == ["Agence France-Presse", "Reuters", "Kyiv Post"]
    assert "fatalities" in json.loads(disputes)
    assert (place, day) == ("Odesa", "2024-03-14")
    (event,) = story.events
    versions = [(v.outlet, v.fatalities) for v in event.disagreements.versions]
    assert versions == [("Agence France-Presse", "14"), ("Reuters", "19"), ("Kyiv Post", "at least 21")]
    assert [e.figure for e in event.disagreements.fatalities_over_time] == ["14", "19", "at least 21"]
    assert event.disagreements.versions[0].attributed_to == ["Oleh Kiper"]


def test_relinking_changes_nothing(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, three_reports())
    with open_store(db) as store:
        link(store)
    before = dump_links(db)
    with open_store(db) as store:
        again = link(store)
        runs = store.db.execute("SELECT COUNT(*) FROM link_runs")[0][0]
    assert again.run_id is None and again.articles == 0
    assert dump_links(db) == before
    assert runs == 1  # a run with nothing to do is not even logged


def test_incremental_linking_adds_later_reports_to_the_stored_event(tmp_path):
    db_once, db_twice = tmp_path / "once.db", tmp_path / "twice.db"
    analyses = three_reports()
    store_all(db_once, analyses)
    with open_store(db_once) as store:
        link(store)
    store_all(db_twice, analyses[:2])
    with open_store(db_twice) as store:
        first = link(store)
    store_all(db_twice, analyses[2:])
    with open_store(db_twice) as store:
        second = link(store)
        assert (first.articles, second.articles) == (2, 1)
        assert second.joined == 1 and second.created == 0
        assert len({canonical_of(store, x) for x in ("afp-1", "reuters-1", "kyivpost-1")}) == 1
    assert dump_links(db_once)["canonical_events"] == dump_links(db_twice)["canonical_events"]


def test_window_limits_how_far_back_a_report_reaches(tmp_path):
    strike = report("a", "Reuters", "2024-03-14T09:00:00", "A missile strike on Odesa killed 14 people.",
                    killed=Range(14, 14))
    # Ten days later, an article about the same strike, dated by its text to the day of the strike.
    recalled = report("b", "Kyiv Post", "2024-03-24T09:00:00",
                      "Odesa buried the 14 people killed in the missile strike of March 14.",
                      date=When("2024-03-14", "day"), killed=Range(14, 14))
    for window, linked in ((7, False), (14, True)):
        db = tmp_path / f"window{window}.db"
        store_all(db, [strike, recalled])
        with open_store(db) as store:
            link(store, LinkConfig(window_days=window))
            same = canonical_of(store, "a") == canonical_of(store, "b")
        assert same is linked, f"window {window}"


def test_a_later_mention_of_an_earlier_event_links_to_it(tmp_path):
    db = tmp_path / "news.db"
    strike = report("a", "Reuters", "2024-03-10T09:00:00", "A missile strike on Odesa killed 14 people on Sunday.",
                    killed=Range(14, 14))
    # Published on Wednesday; the times extractor dates "the strike on Sunday" to Sunday.
    follow_up = report("b", "AP", "2024-03-13T09:00:00",
                       "Odesa mourned the 14 people killed in Sunday's missile strike.",
                       date=When("2024-03-10", "day"))
    store_all(db, [strike, follow_up])
    with open_store(db) as store:
        link(store)
        assert canonical_of(store, "a") == canonical_of(store, "b")


def test_reports_of_the_same_day_in_far_apart_places_stay_apart(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, [
        report("a", "Reuters", "2024-03-14T09:00:00", "A missile strike on Odesa killed 14 people.",
               killed=Range(14, 14)),
        report("b", "AFP", "2024-03-14T10:00:00", "A missile strike on Kharkiv killed 14 people.", place=KHARKIV,
               killed=Range(14, 14)),
    ])
    with open_store(db) as store:
        link(store)
        assert canonical_of(store, "a") != canonical_of(store, "b")


def test_a_city_and_its_admin1_are_one_place(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, [
        report("a", "Reuters", "2024-03-14T09:00:00", "A missile strike on Odesa port killed 14 people.",
               killed=Range(14, 14)),
        report("b", "AFP", "2024-03-14T12:00:00", "Russian missiles killed 14 people in the Odesa region.",
               place=ODESA_OBLAST, killed=Range(14, 14)),
    ])
    with open_store(db) as store:
        link(store)
        assert canonical_of(store, "a") == canonical_of(store, "b")


def test_dates_that_cannot_meet_are_never_linked(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, [
        report("a", "Reuters", "2024-03-14T09:00:00", "A missile strike on Odesa killed 14 people.",
               killed=Range(14, 14)),
        report("b", "Reuters", "2024-03-17T09:00:00", "Another missile strike on Odesa killed 14 people.",
               killed=Range(14, 14)),
    ])
    with open_store(db) as store:
        link(store)
        assert canonical_of(store, "a") != canonical_of(store, "b")


def test_reanalysed_and_deleted_articles_are_relinked(tmp_path):
    db = tmp_path / "news.db"
    analyses = three_reports()
    store_all(db, analyses)
    with open_store(db) as store:
        link(store)
        canonical = canonical_of(store, "afp-1")
        # Re-analysis found a different figure: the canonical event's range follows.
        analyses[2].events[0].fatalities = Range(30, 30)
        store.save_analysis(analyses[2], analyzer_version="test-2", replace=True)
        result = link(store)
        assert (result.removed, result.articles) == (1, 1)
        assert store.db.execute("SELECT fatalities_max FROM canonical_events WHERE id = ?", (canonical,))[0][0] == 30
        store.delete_article(store.find_article("kyivpost-1"))
        link(store)
        row = store.db.execute("SELECT fatalities_max, n_articles FROM canonical_events WHERE id = ?", (canonical,))
        assert row[0] == (19, 2)
        assert store.db.execute("SELECT COUNT(*) FROM link_articles")[0][0] == 2


def test_a_reanalysed_founder_that_moves_away_leaves_its_event_to_the_others(tmp_path):
    db = tmp_path / "news.db"
    analyses = three_reports()
    store_all(db, analyses)
    with open_store(db) as store:
        link(store)
        old = canonical_of(store, "reuters-1")
        assert canonical_of(store, "afp-1") == old
        # Re-analysis dates the first report's strike a month earlier: it founds a new event (out of reach of
        # the old one, which lives on with the other two reports under the id the first report gave it).
        analyses[0].events[0].date = When("2024-02-14", "day")
        store.save_analysis(analyses[0], analyzer_version="test-2", replace=True)
        link(store)
        moved = canonical_of(store, "afp-1")
        assert moved != old and canonical_of(store, "kyivpost-1") == old
        counts = dict(store.db.execute("SELECT id, n_reports FROM canonical_events"))
        assert counts == {old: 2, moved: 1}


def test_articles_reporting_two_events_make_one_story(tmp_path):
    db = tmp_path / "news.db"
    talks = Event("e2", "CONSULT", Evidence((60, 100)), places=["p2"], place_precision="city",
                  date=When("2024-03-14", "day"), actors=["a1"])
    store_all(db, [
        report("a", "Reuters", "2024-03-14T09:00:00", "A missile strike on Odesa killed 14 people.",
               killed=Range(14, 14), title="Strike on Odesa kills 14"),
        report("b", "AFP", "2024-03-14T18:00:00",
               "A missile strike on Odesa killed 14 people on the day of the Istanbul talks on the war.",
               killed=Range(14, 14), more_events=[talks], more_places=[ISTANBUL]),
    ])
    with open_store(db) as store:
        link(store)
        (story,) = list_stories(store.db)
        assert story.n_events == 2 and story.n_articles == 2
        assert story.outlets == ["Reuters", "AFP"]
        assert story.title == "Strike on Odesa kills 14"
        view = get_story(store.db, story.id)
        assert sorted(e.row["type"] for e in view.events) == ["ASSAULT", "CONSULT"]


def test_disagreement_on_responsibility_claimed_and_denied(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, [
        report("a", "Ukrinform", "2024-03-14T09:00:00", "Russia struck Odesa, killing 14 people.",
               killed=Range(14, 14), status="claimed", according_to="Oleh Kiper"),
        report("b", "TASS", "2024-03-14T12:00:00", "Moscow denied that Russia struck Odesa, where 14 people died.",
               killed=Range(14, 14), status="denied"),
    ])
    with open_store(db) as store:
        link(store)
        canonical = canonical_of(store, "a")
        assert canonical == canonical_of(store, "b")
        (event,) = get_story(store.db, find_story(store.db, canonical)).events
    assert "responsibility" in event.row["disputes"] and "status" in event.row["disputes"]
    assert [v.status for v in event.disagreements.versions] == ["claimed", "denied"]


def test_a_stored_analysis_that_cannot_be_read_is_reported_not_fatal(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, three_reports())
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE analyses SET analysis = '{\"article\": {}}' WHERE article_id = "
                     "(SELECT id FROM articles WHERE external_id = 'reuters-1')")
    with open_store(db) as store:
        result = link(store)
        assert result.articles == 3
        assert len(result.failed) == 1 and "cannot be read" in result.failed[0]
        assert canonical_of(store, "afp-1") == canonical_of(store, "kyivpost-1")


@pytest.mark.parametrize("published", [None, "not a date"])
def test_articles_without_a_usable_date_are_linked_alone(tmp_path, published):
    db = tmp_path / "news.db"
    undated = report("x", "Blog", "2024-03-14", "A blog says a strike on Odesa killed 14.", killed=Range(14, 14),
                     date=When(None, "unknown"))
    undated.article.published = published
    store_all(db, [*three_reports(), undated])
    with open_store(db) as store:
        result = link(store)
        assert result.articles == 4 and not result.failed
        assert canonical_of(store, "x") != canonical_of(store, "afp-1")


def test_a_title_repeating_its_event_is_dated_like_that_event():
    analysis = report("afp-9", "Agence France-Presse", "2024-03-14T09:10:00",
                      "A Russian missile strike on the port of Odesa killed 14 people.",
                      date=When("2024-02-14", "day"), killed=Range(14, 14))
    reports = reports_from_analysis(analysis)
    event, lead = reports[0], reports[-1]
    assert lead.kind == MENTION
    # Its words are the event's: it is about the event's day, not the days before publication.
    assert (lead.day_start, lead.day_end) == (event.day_start, event.day_end)
    other = report("afp-10", "Agence France-Presse", "2024-03-14T09:10:00",
                   "Odesa mourns as the port reopens.", date=When("2024-02-14", "day"))
    other.events[0].evidence = Evidence((0, 11))  # the event is read from a clause, not the whole lead
    lead = reports_from_analysis(other)[-1]
    assert lead.day_end == event.published_day and lead.day_start == lead.day_end - 3


def test_a_country_the_event_was_not_placed_in_is_no_place_of_its_report(analyzer):
    # "pro-Russia rebels": Russia names the rebels' side; the event extractor gives the event no place, and
    # its report must not take the country back from the sentence (it would rule out every report from
    # Ukraine of the same clash).
    analysis = analyzer.analyze(Article(text="Thirteen Ukrainians dead in clash with pro-Russia rebels",
                                        published="2014-05-22", outlet="Reuters"))
    event = reports_from_analysis(analysis)[0]
    assert event.kind == "event"
    assert "RU" not in event.countries
