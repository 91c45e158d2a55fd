"""Typed records that flow through the pipeline: Article in, Analysis out.

The field names follow the output contract (``schema/analysis.schema.json``): ``Analysis.to_dict()``
is what ``newsevents analyze`` writes and what the store keeps. Spans are ``(start, end)`` character
offsets into ``Article.text``, end exclusive. Records may carry extra fields that the schema allows
(it permits additional properties); nothing listed in the schema is renamed here.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1"

Span = tuple[int, int]


def normalise_text(text: str) -> str:
    """The canonical form every stored text is in: NFC, Unix newlines, no BOM, no trailing blanks.

    Offsets everywhere refer to the text *after* this normalisation.
    """
    text = text.replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    # Trailing spaces on lines carry no meaning and make ids unstable across editors.
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip()


def article_id(text: str) -> str:
    """Stable id from the normalised text: the same body always gets the same id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "en"
    external_id: str | None = None
    # Where the article came from (path, "path:line", URL); for error messages and provenance only.
    source: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        self.text = normalise_text(self.text)
        if self.title is not None:
            self.title = normalise_text(self.title) or None
        if not self.id:
            self.id = article_id(self.text)

    @property
    def content_hash(self) -> str:
        """Hash of everything that affects the analysis (text and the metadata extractors read)."""
        key = "\x1f".join([self.text, self.published or "", self.title or "", self.language])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "text": self.text,
            "language": self.language,
        }


@dataclass
class Range:
    """A count as reported: ``at least seven`` -> min 7, max None, qualifier 'at least'."""

    min: int | None
    max: int | None
    qualifier: str | None = None


@dataclass
class When:
    value: str | None
    precision: str = "unknown"  # day | week | month | quarter | year | unknown


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER sector code
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place:
    id: str
    name: str
    feature: str  # country | admin1 | admin2 | city | region | site | water | other
    country: str | None = None  # ISO 3166-1 alpha-2
    geonameid: int | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)
    confidence: float | None = None


@dataclass
class TimeRef:
    text: str
    span: Span
    kind: str  # date | time | duration | set
    value: str | None
    precision: str | None = None
    id: str | None = None


@dataclass
class Quote:
    text: str
    span: Span
    kind: str  # direct | indirect | mixed
    speaker: str | None  # actor id
    cue: str | None = None
    reported_by: list[str] = field(default_factory=list)
    cue_span: Span | None = None
    speaker_span: Span | None = None
    id: str | None = None


@dataclass
class Quantity:
    span: Span
    what: str
    value: Range | None
    event: str | None = None  # id of the event the count belongs to, once events are coded
    id: str | None = None


@dataclass
class Evidence:
    span: Span
    trigger: Span | None = None


@dataclass
class Event:
    id: str
    type: str  # one of the 16 PLOVER types
    evidence: Evidence
    status: str = "occurred"
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    acled: dict[str, str] | None = None  # {"event_type": ..., "sub_event_type": ...}
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    recipient_sector: str | None = None
    places: list[str] = field(default_factory=list)
    place_precision: str = "unknown"
    date: When = field(default_factory=lambda: When(None, "unknown"))
    fatalities: Range | None = None
    injured: Range | None = None
    attributed_to: list[str] = field(default_factory=list)
    confidence: float | None = None


@dataclass
class Incident:
    """A newsworthy happening that is no political event: a natural or man-made disaster, organised crime.

    PLOVER treats these as contexts and ACLED does not code them; risk desks and CASE 2021 do.
    """

    id: str
    category: str  # natural_disaster | man_made_disaster | crime
    evidence: Evidence
    places: list[str] = field(default_factory=list)
    date: When = field(default_factory=lambda: When(None, "unknown"))
    fatalities: Range | None = None
    injured: Range | None = None
    confidence: float | None = None


def _drop_none_extras(record: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    # Optional extras that are None are left out to keep lines short; schema fields always stay.
    return {k: v for k, v in record.items() if v is not None or k in keep}


def _span_list(spans: list[Span]) -> list[list[int]]:
    return [list(s) for s in spans]


@dataclass
class Analysis:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)  # optional, additive
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        actors = []
        for a in self.actors:
            d = asdict(a)
            d["mentions"] = _span_list(a.mentions)
            actors.append(d)
        places = []
        for p in self.places:
            d = asdict(p)
            d["mentions"] = _span_list(p.mentions)
            places.append(_drop_none_extras(d, {f.name for f in fields(Place)} - {"confidence"}))
        times = [
            _drop_none_extras({**asdict(t), "span": list(t.span)}, {"text", "span", "kind", "value", "precision"})
            for t in self.times
        ]
        quotes = []
        for q in self.quotes:
            d = asdict(q)
            d["span"] = list(q.span)
            d["cue_span"] = list(q.cue_span) if q.cue_span else None
            d["speaker_span"] = list(q.speaker_span) if q.speaker_span else None
            quotes.append(_drop_none_extras(d, {"text", "span", "kind", "speaker", "cue", "reported_by"}))
        quantities = [
            _drop_none_extras({**asdict(q), "span": list(q.span)}, {"span", "what", "value"})
            for q in self.quantities
        ]
        events = []
        for e in self.events:
            d = asdict(e)
            d["evidence"] = {"span": list(e.evidence.span)}
            if e.evidence.trigger:
                d["evidence"]["trigger"] = list(e.evidence.trigger)
            events.append(_drop_none_extras(d, {f.name for f in fields(Event)} - {"confidence"}))
        return {
            "schema_version": self.schema_version,
            "article": self.article.to_dict(),
            "actors": actors,
            "places": places,
            "times": times,
            "quotes": quotes,
            "quantities": quantities,
            "events": events,
            "incidents": [_incident_dict(i) for i in self.incidents],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Inverse of ``to_dict``: rebuilds typed records from stored or written JSON."""
        a = data["article"]
        article = Article(
            text=a["text"],
            published=a.get("published"),
            title=a.get("title"),
            url=a.get("url"),
            outlet=a.get("outlet"),
            language=a.get("language") or "en",
            external_id=a.get("external_id"),
            id=a.get("id") or "",
        )

        def span(v: Any) -> Span | None:
            return (int(v[0]), int(v[1])) if v else None

        def rng(v: Any) -> Range | None:
            return Range(v.get("min"), v.get("max"), v.get("qualifier")) if v else None

        def pick(klass: type, d: dict[str, Any]) -> dict[str, Any]:
            names = {f.name for f in fields(klass)}
            return {k: v for k, v in d.items() if k in names}

        actors = [Actor(**{**pick(Actor, d), "mentions": [span(m) for m in d.get("mentions", [])]})
                  for d in data.get("actors", [])]
        places = [Place(**{**pick(Place, d), "mentions": [span(m) for m in d.get("mentions", [])]})
                  for d in data.get("places", [])]
        times = [TimeRef(**{**pick(TimeRef, d), "span": span(d["span"])}) for d in data.get("times", [])]
        quotes = [
            Quote(**{**pick(Quote, d), "span": span(d["span"]), "cue_span": span(d.get("cue_span")),
                     "speaker_span": span(d.get("speaker_span"))})
            for d in data.get("quotes", [])
        ]
        quantities = [Quantity(**{**pick(Quantity, d), "span": span(d["span"]), "value": rng(d.get("value"))})
                      for d in data.get("quantities", [])]
        events = []
        for d in data.get("events", []):
            ev = d["evidence"]
            date = d.get("date") or {}
            events.append(Event(**{
                **pick(Event, d),
                "evidence": Evidence(span(ev["span"]), span(ev.get("trigger"))),
                "date": When(date.get("value"), date.get("precision", "unknown")),
                "fatalities": rng(d.get("fatalities")),
                "injured": rng(d.get("injured")),
            }))
        incidents = []
        for d in data.get("incidents", []):
            ev = d["evidence"]
            date = d.get("date") or {}
            incidents.append(Incident(**{
                **pick(Incident, d),
                "evidence": Evidence(span(ev["span"]), span(ev.get("trigger"))),
                "date": When(date.get("value"), date.get("precision", "unknown")),
                "fatalities": rng(d.get("fatalities")),
                "injured": rng(d.get("injured")),
            }))
        return cls(article, actors, places, times, quotes, quantities, events, incidents=incidents,
                   schema_version=data.get("schema_version", SCHEMA_VERSION))


def _incident_dict(incident: Incident) -> dict[str, Any]:
    d = asdict(incident)
    d["evidence"] = {"span": list(incident.evidence.span)}
    if incident.evidence.trigger:
        d["evidence"]["trigger"] = list(incident.evidence.trigger)
    return _drop_none_extras(d, {"id", "category", "evidence", "places", "date"})
