"""Hand-made analyses (invented articles) for the store, query and export tests.

Built directly as ``Analysis`` objects so the tests hold every field the stored tables and exports
need, whatever the extractors produce today. The one test here checks the samples honour the schema.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from newsevents.model import (
    Actor,
    Analysis,
    Article,
    Event,
    Evidence,
    Place,
    Quantity,
    Quote,
    Range,
    Span,
    TimeRef,
    When,
)

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src/newsevents/schema/analysis.schema.json")
                    .read_text(encoding="utf-8"))

KYIV = dict(name="Kyiv", feature="city", country="UA", geonameid=703448, admin1="Kyiv City", lat=50.4547, lon=30.5238)
KHARKIV = dict(name="Kharkiv", feature="city", country="UA", geonameid=706483, admin1="Kharkiv Oblast",
               lat=49.9808, lon=36.2527)
MOSCOW = dict(name="Moscow", feature="city", country="RU", geonameid=524901, admin1="Moscow", lat=55.7522,
              lon=37.6156)
KURSK_OBLAST = dict(name="Kursk Oblast", feature="admin1", country="RU", geonameid=538555, admin1="Kursk Oblast",
                    lat=51.5, lon=36.0)


def span(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def sentence(text: str, part: str) -> Span:
    """The span of the sentence containing ``part`` (sentences end with '. ')."""
    s, e = span(text, part)
    start = text.rfind(". ", 0, s)
    start = 0 if start < 0 else start + 2
    end = text.find(".", e)
    return start, (len(text) if end < 0 else end + 1)


def strike_on_kyiv() -> Analysis:
    text = ("Russian forces struck Kyiv with drones on June 1, killing three civilians. "
            "Ukraine's air force said it shot down 40 drones over the capital.")
    art = Article(text=text, published="2025-06-02", title="Drones hit Kyiv", outlet="Kyiv Independent",
                  url="https://example.org/kyiv", external_id="kyiv-1")
    actors = [
        Actor("a1", "Russian forces", "group", "RUS", "MIL", mentions=[span(text, "Russian forces")]),
        Actor("a2", "civilians", "group", None, "CVL", mentions=[span(text, "civilians")]),
        Actor("a3", "Ukrainian Air Force", "organization", "UKR", "MIL", mentions=[span(text, "Ukraine's air force")]),
    ]
    places = [Place("p1", mentions=[span(text, "Kyiv"), span(text, "the capital")], confidence=0.95, **KYIV)]
    times = [TimeRef("June 1", span(text, "June 1"), "date", "2025-06-01", "day", id="t1")]
    events = [Event("e1", "ASSAULT", Evidence(sentence(text, "struck"), span(text, "struck")), mode=["aerial"],
                    acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
                    actors=["a1"], recipients=["a2"], recipient_sector="CVL", places=["p1"],
                    place_precision="city", date=When("2025-06-01", "day"), fatalities=Range(3, 3),
                    confidence=0.9)]
    quantities = [Quantity(span(text, "three"), "killed", Range(3, 3), event="e1", id="n1")]
    quotes = [Quote("it shot down 40 drones over the capital", span(text, "it shot down 40 drones over the capital"),
                    "indirect", "a3", cue="said", cue_span=span(text, "said"),
                    speaker_span=span(text, "Ukraine's air force"), id="q1")]
    return Analysis(art, actors, places, times, quotes, quantities, events)


def clash_and_protest() -> Analysis:
    text = ("Ukrainian troops clashed with Russian forces near Kharkiv on Monday. "
            "In Moscow, protesters rallied against the war on Sunday, witnesses told reporters.")
    art = Article(text=text, published="2025-05-20", title="Clashes near Kharkiv", outlet="Reuters")
    actors = [
        Actor("a1", "Ukrainian troops", "group", "UKR", "MIL", mentions=[span(text, "Ukrainian troops")]),
        Actor("a2", "Russian forces", "group", "RUS", "MIL", mentions=[span(text, "Russian forces")]),
        Actor("a3", "protesters", "group", "RUS", "CVL", mentions=[span(text, "protesters")]),
        Actor("a4", "witnesses", "group", None, None, mentions=[span(text, "witnesses")]),
    ]
    places = [Place("p1", mentions=[span(text, "Kharkiv")], **KHARKIV),
              Place("p2", mentions=[span(text, "Moscow")], **MOSCOW)]
    times = [TimeRef("Monday", span(text, "Monday"), "date", "2025-05-19", "day"),
             TimeRef("Sunday", span(text, "Sunday"), "date", "2025-05-18", "day")]
    events = [
        Event("e1", "ASSAULT", Evidence(sentence(text, "clashed"), span(text, "clashed")), mode=["firearms"],
              acled={"event_type": "Battles", "sub_event_type": "Armed clash"}, actors=["a1"], recipients=["a2"],
              places=["p1"], place_precision="admin2", date=When("2025-05-19", "day")),
        Event("e2", "PROTEST", Evidence(sentence(text, "rallied"), span(text, "rallied")), mode=["demonstrate"],
              acled={"event_type": "Protests", "sub_event_type": "Peaceful protest"}, actors=["a3"],
              places=["p2"], place_precision="city", date=When("2025-05-18", "day"), attributed_to=["a4"]),
    ]
    return Analysis(art, actors, places, times, [], [], events)


def threat_on_kursk() -> Analysis:
    text = "Ukraine threatened to strike airbases in the Kursk region in August."
    art = Article(text=text, published="2025-07-30", title="Threat", outlet=None)
    actors = [Actor("a1", "Ukraine", "country", "UKR", "GOV", mentions=[span(text, "Ukraine")])]
    places = [Place("p1", mentions=[span(text, "Kursk region")], **KURSK_OBLAST)]
    times = [TimeRef("August", span(text, "August"), "date", "2025-08", "month")]
    events = [Event("e1", "ASSAULT", Evidence((0, len(text)), span(text, "strike")), status="threatened",
                    actors=["a1"], places=["p1"], place_precision="admin1", date=When("2025-08", "month"))]
    return Analysis(art, actors, places, times, [], [], events)


def undated_meeting() -> Analysis:
    text = "Officials met to discuss aid."
    art = Article(text=text, published="2024-12-01", title="Meeting")
    actors = [Actor("a1", "officials", "group", None, "GOV", mentions=[span(text, "Officials")])]
    events = [Event("e1", "CONSULT", Evidence((0, len(text)), span(text, "met")), actors=["a1"])]
    return Analysis(art, actors, [], [], [], [], events)


def samples() -> list[Analysis]:
    return [strike_on_kyiv(), clash_and_protest(), threat_on_kursk(), undated_meeting()]


def test_samples_are_schema_valid_and_spans_point_at_their_words():
    for analysis in samples():
        d = analysis.to_dict()
        jsonschema.validate(d, SCHEMA)
        text = analysis.article.text
        for actor in analysis.actors:
            assert all(0 <= s < e <= len(text) for s, e in actor.mentions)
        for event in analysis.events:
            s, e = event.evidence.trigger
            assert text[s:e] in text[slice(*event.evidence.span)]
