"""A stored analysis as *reports*: what linking compares, one per extracted event.

A report is one source's account of one event: its type, status, date range, places, actors, who it
is attributed to, its casualty figures and the words of its evidence sentence, with the article's
outlet and publication time. Everything comes from the stored ``Analysis``; nothing is parsed again.

Each article also gives one article-level report, from its title (or lead) and its places. An article
with no coded event that counts people killed or injured gives an *implicit* report (a violent event of
unknown type, with those figures); otherwise the article-level report is a *mention*: it may join a
canonical event that other reports made, but never starts one. Mentions are how a follow-up that only
names an earlier event ("the bombing on Sunday"), or a reaction to it ("Moscow blames Kyiv for the
reporter's death", an ACCUSE event of its own), is linked to that event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from newsevents.link.places import PlaceRef
from newsevents.link.text import content_words, is_tally, name_key
from newsevents.model import Analysis, Range
from newsevents.store.dates import day_range

EVENT = "event"
IMPLICIT = "implicit"  # no coded event, but casualty counts: a violent event of unknown type
MENTION = "mention"  # the article names an event: can join a canonical event, never starts one

# A report whose date is not known precisely is taken to be about the publication day or the day before:
# news reports what happened today or yesterday.
UNDATED_DAYS_BEFORE = 1
# A mention may name an event from the days before its publication.
MENTION_DAYS_BEFORE = 3
# Date ranges wider than this (a year, a quarter) say too little to link on; they get linked on the
# other evidence within the publication window only.
MAX_SPAN_DAYS = 31

_CASUALTY_WHAT = {"killed": "fatalities", "dead": "fatalities", "deaths": "fatalities",
                  "injured": "injured", "wounded": "injured"}


@dataclass(frozen=True)
class Figure:
    min: int | None
    max: int | None
    qualifier: str | None = None

    @classmethod
    def of(cls, r: Range | None) -> Figure | None:
        if r is None or (r.min is None and r.max is None):
            return None
        return cls(r.min, r.max, r.qualifier)

    @property
    def low(self) -> int:
        return self.min if self.min is not None else self.max  # type: ignore[return-value]

    @property
    def high(self) -> int | None:
        """The upper bound; None when open ('at least 7')."""
        if self.max is not None:
            return self.max
        return None if self.qualifier else self.min

    def text(self) -> str:
        if self.min is not None and self.max is not None and self.min != self.max:
            core = f"{self.min}–{self.max}"
        else:
            core = str(self.min if self.min is not None else self.max)
        return f"{self.qualifier} {core}" if self.qualifier else core


@dataclass
class Report:
    article_id: str
    event_id: str | None  # None for implicit and mention reports
    kind: str  # event | implicit | mention
    ord: int  # position among the article's reports (its events' order)
    outlet: str | None
    published: str | None
    external_id: str | None
    title: str | None
    type: str | None
    acled_type: str | None
    acled_sub_type: str | None
    status: str
    date_value: str | None
    date_precision: str
    day_start: int | None  # proleptic ordinal of the first day the event may be on
    day_end: int | None
    places: tuple[PlaceRef, ...] = ()
    actors: tuple[str, ...] = ()  # name keys
    actor_names: tuple[str, ...] = ()  # as the article names them (display)
    actor_groups: tuple[str, ...] = ()  # "UKR/MIL"-style country + sector pairs, for actors named differently
    actor_countries: tuple[str, ...] = ()  # ISO3 countries of the actors (a country, or an actor's own)
    recipients: tuple[str, ...] = ()
    recipient_names: tuple[str, ...] = ()
    attributed_to: tuple[str, ...] = ()  # display names of who the report says claims or reports it
    fatalities: Figure | None = None
    injured: Figure | None = None
    words: frozenset[str] = field(default_factory=frozenset)
    evidence: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.article_id, self.event_id or f"{self.kind}:{self.ord}")

    @cached_property
    def tally(self) -> bool:
        """A periodic tally ("N killed in the past 24 hours"): one per period, never the next period's."""
        return is_tally(self.evidence)

    @property
    def published_day(self) -> int | None:
        return _ordinal(self.published)

    @property
    def countries(self) -> set[str]:
        return {p.country for p in self.places if p.country}

    @property
    def exact_day(self) -> int | None:
        """The event's day when the report gives it to the day."""
        if self.date_precision == "day" and self.day_start is not None and self.day_start == self.day_end:
            return self.day_start
        return None

    # -- persistence (link_reports.data) -------------------------------------------------------------
    def data_json(self) -> str:
        return json.dumps({
            "title": self.title, "acled_sub_type": self.acled_sub_type,
            "places": [p.to_list() for p in self.places], "actors": list(self.actors),
            "actor_names": list(self.actor_names), "actor_groups": list(self.actor_groups),
            "actor_countries": list(self.actor_countries),
            "recipients": list(self.recipients), "recipient_names": list(self.recipient_names),
            "attributed_to": list(self.attributed_to),
            "fatalities_qualifier": self.fatalities.qualifier if self.fatalities else None,
            "injured_qualifier": self.injured.qualifier if self.injured else None,
            "words": sorted(self.words), "evidence": self.evidence,
        }, ensure_ascii=False, sort_keys=True)


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else date.fromordinal(ordinal).isoformat()


def day_span(value: str | None, precision: str, published: str | None) -> tuple[int | None, int | None]:
    """The days an event may be on, as ordinals: its date's range when the date is known to some
    precision, else the publication day and the days just before it."""
    start, end = day_range(value) if precision != "unknown" else (None, None)
    if start and end:
        s, e = date.fromisoformat(start).toordinal(), date.fromisoformat(end).toordinal()
        if e - s <= MAX_SPAN_DAYS:
            return s, e
    anchor = _ordinal(value) if precision == "unknown" else None
    anchor = anchor or _ordinal(published)
    if anchor is None:
        return None, None
    # An unknown-precision date after publication is a guess gone wrong; publication bounds it.
    pub = _ordinal(published)
    if pub is not None and anchor > pub:
        anchor = pub
    return anchor - UNDATED_DAYS_BEFORE, anchor


# The stored analysis is read as the JSON the store keeps (``Analysis.to_dict()``, the output schema):
# linking needs a few fields of a few records, and reading them from the dicts is several times faster
# than rebuilding every typed record first.
Json = dict[str, Any]


def _span(v: Any) -> tuple[int, int]:
    return (int(v[0]), int(v[1])) if v else (0, 0)


def _figure(v: Json | None) -> Figure | None:
    if not v or (v.get("min") is None and v.get("max") is None):
        return None
    return Figure(v.get("min"), v.get("max"), v.get("qualifier"))


def _place(p: Json) -> PlaceRef:
    return PlaceRef(p.get("name") or "", p.get("feature") or "other", p.get("country"), p.get("admin1"),
                    p.get("geonameid"), p.get("lat"), p.get("lon"))


def _places_of(event: Json, places: list[Json], by_id: dict[str, Json]) -> tuple[PlaceRef, ...]:
    found = [by_id[p] for p in event.get("places") or () if p in by_id]
    if not found:  # the places named in the event's own sentence
        start, end = _span(event["evidence"]["span"])
        found = [p for p in places if any(start <= m[0] < end for m in p.get("mentions") or ())
                 and p.get("feature") != "country"]
    return tuple(_place(p) for p in found)


@dataclass(frozen=True)
class _Actors:
    keys: tuple[str, ...]
    names: tuple[str, ...]
    groups: tuple[str, ...]
    countries: tuple[str, ...]


def _actor_fields(ids: list[str] | None, actors: dict[str, Json]) -> _Actors:
    found = [actors[i] for i in ids or () if i in actors]
    return _Actors(
        keys=tuple(dict.fromkeys(k for a in found if (k := name_key(a.get("name") or "")))),
        names=tuple(dict.fromkeys(a["name"] for a in found if a.get("name"))),
        groups=tuple(dict.fromkeys(f"{a.get('country') or '?'}/{a['sector']}" for a in found if a.get("sector"))),
        countries=tuple(dict.fromkeys(a["country"] for a in found if a.get("country"))))


def _base(article: Json, kind: str, ord_: int) -> dict[str, Any]:
    return {"article_id": article["id"], "kind": kind, "ord": ord_, "outlet": article.get("outlet"),
            "published": article.get("published"), "external_id": article.get("external_id"),
            "title": article.get("title")}


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reports_from_analysis(analysis: Analysis) -> list[Report]:
    """Every report the article makes (see the module docstring)."""
    return reports_from_json(analysis.to_dict())


def reports_from_json(data: Json) -> list[Report]:
    """``reports_from_analysis`` over the stored JSON of an analysis (what the store keeps)."""
    article = data["article"]
    if not article.get("id") or not isinstance(article.get("text"), str):
        raise ValueError("the analysis has no article id or text")
    text = article["text"]
    actors = {a["id"]: a for a in data.get("actors") or ()}
    places = data.get("places") or []
    by_id = {p["id"]: p for p in places}
    quantities = data.get("quantities") or []
    events = data.get("events") or []
    reports = []
    for i, e in enumerate(events):
        status = e.get("status") or "occurred"
        if status in ("hypothetical", "negated"):
            continue  # "if they strike", "no attack took place": nothing happened to link
        evidence = text[slice(*_span(e["evidence"]["span"]))]
        acled = e.get("acled") or {}
        when = e.get("date") or {}
        value, precision = when.get("value"), when.get("precision") or "unknown"
        who = _actor_fields(e.get("actors"), actors)
        whom = _actor_fields(e.get("recipients"), actors)
        according_to = _actor_fields(e.get("attributed_to"), actors)
        start, end = day_span(value, precision, article.get("published"))
        reports.append(Report(
            **_base(article, EVENT, i), event_id=e["id"], type=e.get("type"), acled_type=acled.get("event_type"),
            acled_sub_type=acled.get("sub_event_type"), status=status, date_value=value,
            date_precision=precision, day_start=start, day_end=end,
            places=_places_of(e, places, by_id), actors=who.keys, actor_names=who.names,
            actor_groups=who.groups, actor_countries=who.countries, recipients=whom.keys,
            recipient_names=whom.names, attributed_to=according_to.names,
            fatalities=_figure(e.get("fatalities")) or _counted(quantities, e, "fatalities"),
            injured=_figure(e.get("injured")) or _counted(quantities, e, "injured"),
            words=content_words(evidence), evidence=_clip(evidence)))
    lead = _article_report(article, places, quantities, bool(events), len(events))
    repeated = next((r for r in reports if lead.words and lead.words <= r.words), None)
    if lead.kind == MENTION and repeated is not None:
        # The title repeats one of the article's events (a headline is its event's sentence): it is about
        # that event's days, not any of the days before publication a mention may reach.
        lead = replace(lead, day_start=repeated.day_start, day_end=repeated.day_end)
    return [*reports, lead]


def _counted(quantities: list[Json], event: Json, which: str) -> Figure | None:
    """A casualty count the event's own sentence gives that no other event claims (the event extractor
    may not have attached it yet)."""
    start, end = _span(event["evidence"]["span"])
    for q in quantities:
        if (_CASUALTY_WHAT.get(q.get("what")) == which and q.get("event") in (None, event["id"])
                and start <= _span(q.get("span"))[0] < end and (figure := _figure(q.get("value")))):
            return figure
    return None


def _article_report(article: Json, places: list[Json], quantities: list[Json], has_events: bool,
                    ord_: int) -> Report:
    """The article-level report: implicit when an article with no coded event counts casualties, else a
    mention (whose figures, if any, belong to the article's events, not to what it mentions)."""
    figures: dict[str, Figure] = {}
    if not has_events:
        for q in quantities:
            which = _CASUALTY_WHAT.get(q.get("what"))
            if which and which not in figures and (figure := _figure(q.get("value"))):
                figures[which] = figure
    # The title, or the lead sentence when there is none, says what the article is about.
    lead = article.get("title") or article["text"].split("\n", 1)[0]
    words = content_words(lead)
    kind = IMPLICIT if figures else MENTION
    specific = [p for p in places if p.get("feature") != "country"]
    chosen = (specific or places)[:3]
    start, end = day_span(None, "unknown", article.get("published"))
    if kind == MENTION and end is not None:
        start = end - MENTION_DAYS_BEFORE
    return Report(
        **_base(article, kind, ord_), event_id=None, type=None, acled_type=None, acled_sub_type=None,
        status="occurred", date_value=None, date_precision="unknown", day_start=start, day_end=end,
        places=tuple(_place(p) for p in chosen), fatalities=figures.get("fatalities"),
        injured=figures.get("injured"), words=words, evidence=_clip(lead))


def report_from_row(row: dict[str, Any]) -> Report:
    """Inverse of the link_reports row (see ``persist.report_row``)."""
    data = json.loads(row["data"])

    def figure(prefix: str) -> Figure | None:
        lo, hi = row[f"{prefix}_min"], row[f"{prefix}_max"]
        if lo is None and hi is None:
            return None
        return Figure(lo, hi, data.get(f"{prefix}_qualifier"))

    return Report(
        article_id=row["article_id"], event_id=row["event_id"], kind=row["kind"], ord=row["ord"],
        outlet=row["outlet"], published=row["published"], external_id=row["external_id"], title=data["title"],
        type=row["type"], acled_type=row["acled_type"], acled_sub_type=data["acled_sub_type"],
        status=row["status"], date_value=row["date_value"], date_precision=row["date_precision"],
        day_start=_ordinal(row["day_start"]), day_end=_ordinal(row["day_end"]),
        places=tuple(PlaceRef.from_list(p) for p in data["places"]), actors=tuple(data["actors"]),
        actor_names=tuple(data["actor_names"]), actor_groups=tuple(data["actor_groups"]),
        actor_countries=tuple(data.get("actor_countries", ())),
        recipients=tuple(data["recipients"]), recipient_names=tuple(data["recipient_names"]),
        attributed_to=tuple(data["attributed_to"]), fatalities=figure("fatalities"), injured=figure("injured"),
        words=frozenset(data["words"]), evidence=data["evidence"])
