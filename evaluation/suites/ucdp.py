"""UCDP GED Ukraine: where, when and how many died, read from the news headlines each event was coded from.

Gold: ``events/ucdp_ged_ukraine/ucdp-ukraine.dev.csv`` (UCDP GED, CC BY 4.0). Each UCDP event lists the
reports it was coded from in ``source_article`` as ``"Outlet,YYYY-MM-DD,headline"`` items separated by
``;``. Every headline is analysed as an article of its own, published on its item's date by its outlet.

What is scored, per UCDP event (its headlines taken earliest first, ties in UCDP's order):

- **the place**: the first place, below country level and resolved (coordinates or admin1), of the first
  extracted event that has one; if no event has one, the first such place mentioned in the text. Places at
  admin1 or finer are looked for first in all the headlines, then named regions ("Donbas"), as a
  canonical event shows its finest place.
- **the date**: the first extracted event's date with day precision; else the first time expression
  resolved to a day; else the earliest headline's publication date (what the system stores then).
- **the deaths**: the first extracted event with a fatality count (its lower bound, ACLED-conservative);
  else the first "killed" quantity; a headline with no count predicts nothing (scored wrong).

Measures: admin1 correct where ``where_prec`` ≤ 4 (issue 7's bar 85%), the place within 25 and 100 km
of UCDP's point where ``where_prec`` ≤ 2 (the point is a place, not a region's centroid), the date equal
to ``date_start`` where ``date_prec`` = 1 (the day is known), the deaths within UCDP's ``low``–``high``
(the hull of low, best and high: a few rows have low > high).
Each beside a trivial baseline over the same events: the most frequent admin1, the most frequent point,
the publication date, the most frequent death toll. Linking the headlines across reports is a separate
suite (issue 6); this module's readers (``load_events``) are public for it.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import distance_km, in_range, majority, normalise_admin1, share, within_km
from newsevents.model import Analysis, Article, Place

NAME = "ucdp"
TITLE = "UCDP GED Ukraine (headlines → place, date, deaths)"
GOLD = "events/ucdp_ged_ukraine/ucdp-ukraine.dev.csv"

ADMIN1_TARGET = 0.85  # issue 7: admin1 correct >= 85% where where_prec <= 4
MAX_ERROR_SAMPLES = 25


# --- reading the gold file ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Report:
    """One headline an event was coded from."""
    outlet: str
    published: str  # YYYY-MM-DD
    headline: str


@dataclass(frozen=True)
class UcdpEvent:
    id: str
    reports: tuple[Report, ...]  # earliest first
    where_prec: int
    adm_1: str
    lat: float
    lon: float
    date_prec: int
    date_start: str  # YYYY-MM-DD
    date_end: str
    best: int
    low: int
    high: int

    @property
    def deaths_range(self) -> tuple[int, int]:
        """low–high as a range: a few rows have low > high or best outside them, so take their hull."""
        figures = (self.low, self.best, self.high)
        return min(figures), max(figures)


_ITEM = re.compile(r"^(?P<outlet>.*?),(?P<date>\d{4}-\d{2}-\d{2}),(?P<headline>.*)$", re.S)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("militaryâ€™s" → "military’s"), which rows from one export carry.

    A string that is not such mojibake fails the round trip and comes back unchanged.
    """
    if text.isascii():
        return text
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return fixed


def parse_reports(source_article: str) -> list[Report]:
    """``"Outlet,date,headline";"Outlet,date,headline"`` → reports (the field is itself ';'-separated CSV)."""
    reports = []
    for item in next(csv.reader([source_article], delimiter=";", quotechar='"'), []):
        m = _ITEM.match(item.strip())
        if m is None:
            continue
        headline = repair_mojibake(m["headline"].strip())
        if headline:
            reports.append(Report(repair_mojibake(m["outlet"].strip()), m["date"], headline))
    return reports


def parse_ucdp_date(value: str) -> str:
    """UCDP's mixed date columns → ISO date.

    Forms seen: ISO ``2014-01-27``; ``1/27/2014 12:00:00 AM``; ``02/12/2023 00:00``. Both slashed forms
    are month first (SOURCE.txt calls the second day first, but against the source dates month first
    fits all rows where the two readings differ and day first fits almost none); a slashed date that
    is impossible month first is read day first.
    """
    value = value.strip()
    head = value.split(" ")[0].split("T")[0]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", head):
        return date.fromisoformat(head).isoformat()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", head)
    if m is None:
        raise ValueError(f"unrecognised UCDP date {value!r}")
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    try:
        return date(year, a, b).isoformat()
    except ValueError:
        return date(year, b, a).isoformat()


def load_events(path: Path) -> list[UcdpEvent]:
    """Every event of the CSV with at least one report; rows that cannot be read are skipped, not fatal."""
    events = []
    with path.open(encoding="cp1252", newline="") as f:
        for row in csv.DictReader(f):
            try:
                reports = parse_reports(row["source_article"])
                if not reports:
                    continue
                order = sorted(range(len(reports)), key=lambda i: (reports[i].published, i))
                events.append(UcdpEvent(
                    id=row["id"], reports=tuple(reports[i] for i in order),
                    where_prec=int(row["where_prec"]), adm_1=row["adm_1"].strip(),
                    lat=float(row["latitude"]), lon=float(row["longitude"]),
                    date_prec=int(row["date_prec"]), date_start=parse_ucdp_date(row["date_start"]),
                    date_end=parse_ucdp_date(row["date_end"]),
                    best=int(row["best"]), low=int(row["low"]), high=int(row["high"])))
            except (KeyError, ValueError):
                continue
    return events


def articles_for(event: UcdpEvent) -> list[Article]:
    return [Article(text=r.headline, published=r.published, outlet=r.outlet,
                    external_id=f"ucdp-{event.id}-{k}", source=f"{GOLD}#{event.id}")
            for k, r in enumerate(event.reports)]


# --- what the system says about one UCDP event ------------------------------------------------------------

@dataclass
class Prediction:
    place: Place | None
    place_from: str  # "event" | "text" | "none"
    date: str | None
    date_from: str  # "event" | "time" | "published"
    deaths: int | None
    deaths_from: str  # "event" | "quantity" | "none"

    @property
    def admin1(self) -> str | None:
        p = self.place
        if p is None:
            return None
        return p.admin1 or (p.name if p.feature == "admin1" else None)

    @property
    def point(self) -> tuple[float | None, float | None] | None:
        return None if self.place is None else (self.place.lat, self.place.lon)


def _usable(place: Place | None) -> bool:
    """A place that can be scored: below country level and resolved to a point or an admin1."""
    if place is None or place.feature == "country":
        return False
    return (place.lat is not None and place.lon is not None) or bool(place.admin1) or place.feature == "admin1"


def _fine(place: Place | None) -> bool:
    """Usable and at admin1 or finer: not a named region or a sea, which no admin1 holds."""
    return _usable(place) and place.feature not in ("region", "water")  # type: ignore[union-attr]


def _first_mention(place: Place) -> int:
    return min((s for s, _ in place.mentions), default=1 << 30)


def _day(value: str | None) -> str | None:
    """The day of an ISO date or datetime; None for a month, a week, an interval or nothing."""
    if value and re.match(r"\d{4}-\d{2}-\d{2}(T|$)", value):
        return value[:10]
    return None


def predict(analyses: Iterable[Analysis | None], published: str | None) -> Prediction:
    """The system's answer for one UCDP event from the analyses of its headlines, earliest first."""
    analyses = [a for a in analyses if a is not None]
    place, place_from = None, "none"
    # The finest place first, as a canonical event shows it (link.canonical.agreed_place): a later report's
    # town over an earlier one's "Donbas".
    for usable in (_fine, _usable):
        for a in analyses:
            by_id = {p.id: p for p in a.places}
            place = next((by_id.get(pid) for ev in a.events for pid in ev.places if usable(by_id.get(pid))), None)
            if place is not None:
                place_from = "event"
                break
        if place is None:
            for a in analyses:
                place = next((p for p in sorted(a.places, key=_first_mention) if usable(p)), None)
                if place is not None:
                    place_from = "text"
                    break
        if place is not None:
            break

    day, date_from = None, "published"
    for a in analyses:
        day = next((_day(ev.date.value) for ev in a.events if ev.date.precision == "day" and _day(ev.date.value)),
                   None)
        if day:
            date_from = "event"
            break
    if day is None:
        for a in analyses:
            day = next((_day(t.value) for t in a.times
                        if t.kind == "date" and t.precision == "day" and _day(t.value)), None)
            if day:
                date_from = "time"
                break
    if day is None:
        day = published

    deaths, deaths_from = None, "none"
    for a in analyses:
        f = next((ev.fatalities for ev in a.events if ev.fatalities and
                  (ev.fatalities.min is not None or ev.fatalities.max is not None)), None)
        if f is not None:
            deaths, deaths_from = (f.min if f.min is not None else f.max), "event"
            break
    if deaths is None:
        for a in analyses:
            q = next((q.value for q in a.quantities if q.what == "killed" and q.value and
                      (q.value.min is not None or q.value.max is not None)), None)
            if q is not None:
                deaths, deaths_from = (q.min if q.min is not None else q.max), "quantity"
                break
    return Prediction(place, place_from, day, date_from, deaths, deaths_from)


# --- scoring ----------------------------------------------------------------------------------------------

def _is_place_name_only(event: UcdpEvent) -> bool:
    """UCDP's MemoryBook entries give one name (a locality's or a victim's) as the 'headline'."""
    return all(r.outlet == "MemoryBook" for r in event.reports)


def score(events: list[UcdpEvent], predictions: list[Prediction]) -> SuiteResult:
    result = SuiteResult(NAME, TITLE)
    pairs = list(zip(events, predictions))
    figs = result.figures

    # admin1, where UCDP codes the place at admin1 or finer
    scored = [(e, p) for e, p in pairs if e.where_prec <= 4 and e.adm_1]
    gold_keys = [normalise_admin1(e.adm_1) for e, _ in scored]
    correct = [normalise_admin1(p.admin1) == g for (_, p), g in zip(scored, gold_keys)]
    label, count = majority(gold_keys)
    figs.append(Figure("admin1 correct (where_prec ≤ 4)", share(correct), n=len(scored),
                       baseline=count / len(scored) if scored else None,
                       baseline_name=_spelling(label, scored), target=ADMIN1_TARGET))
    answered = [c for (_, p), c in zip(scored, correct) if p.admin1]
    figs.append(Figure("admin1 correct where one was given (precision)", share(answered), n=len(answered)))
    news = [(c, g, e) for (e, _), c, g in zip(scored, correct, gold_keys) if not _is_place_name_only(e)]
    news_label, news_count = majority(g for _, g, _ in news)
    figs.append(Figure("admin1 correct, news headlines only", share(c for c, _, _ in news), n=len(news),
                       baseline=news_count / len(news) if news else None,
                       baseline_name=_spelling(news_label, [(e, None) for _, _, e in news])))

    # the point, where UCDP's point is a place (exact or within 25 km)
    located = [(e, p) for e, p in pairs if e.where_prec <= 2]
    distances = [distance_km(p.point, (e.lat, e.lon)) for e, p in located]
    common_point, _ = majority((round(e.lat, 2), round(e.lon, 2)) for e, _ in located)
    base_distances = [distance_km(common_point, (e.lat, e.lon)) for e, _ in located] if common_point else []
    point_name = f"always {common_point[0]:.2f},{common_point[1]:.2f}" if common_point else None
    for km in (25, 100):
        figs.append(Figure(f"place within {km} km (where_prec ≤ 2)", within_km(distances, km), n=len(located),
                           baseline=within_km(base_distances, km), baseline_name=point_name))

    # the day, where UCDP knows it
    dated = [(e, p) for e, p in pairs if e.date_prec == 1]
    figs.append(Figure("date exact (date_prec 1)", share(p.date == e.date_start for e, p in dated), n=len(dated),
                       baseline=share(e.reports[0].published == e.date_start for e, _ in dated),
                       baseline_name="publication date"))

    # deaths within UCDP's low–high
    common_best, _ = majority(e.best for e in events)
    figs.append(Figure("deaths within low–high", share(in_range(p.deaths, *e.deaths_range) for e, p in pairs),
                       n=len(pairs), baseline=share(in_range(common_best, *e.deaths_range) for e in events),
                       baseline_name=f"always {common_best}"))
    counted = [(e, p) for e, p in pairs if p.deaths is not None]
    figs.append(Figure("deaths within low–high where a headline gave a count (precision)",
                       share(in_range(p.deaths, *e.deaths_range) for e, p in counted), n=len(counted),
                       baseline=share(in_range(common_best, *e.deaths_range) for e, _ in counted),
                       baseline_name=f"always {common_best}"))

    result.details.update(_diagnostics(pairs, dated))
    result.notes += [
        "Each UCDP event's headlines are analysed as separate articles (outlet and date from the "
        "`source_article` item); the place, date and deaths scored are chosen as the module docstring of "
        "`evaluation/suites/ucdp.py` defines (first event with a place, else first place in the text; ...).",
        f"{sum(_is_place_name_only(e) for e in events)} of {len(events)} events come only from MemoryBook "
        "entries, whose 'headline' is one name, a locality's or a victim's: they measure the gazetteer, "
        "not reading.",
        "Many news headlines name no place below the country ('fighting in eastern Ukraine'): such an "
        "event gets no admin1 and counts as wrong; the precision figure shows how often a given admin1 is right.",
        "Date baseline: the earliest headline's publication date; the day before it scores "
        f"{100 * (result.details['date_baseline_day_before'] or 0):.1f}.",
        "Linking the headlines of one event across reports is scored by the linking suite (issue 6), not here.",
        "Deaths: most headlines give no count ('Ukrainian soldier killed in Donbas' is read as at least one "
        "only when the text says a person died), and an event with no count read scores wrong; UCDP's "
        "most frequent toll (1) is therefore a strong baseline. The precision figure scores only the "
        "events where a count was read.",
    ]
    return result


def _spelling(key: object, scored: list) -> str | None:
    """'always Donetsk oblast': the baseline's admin1 as UCDP spells it most often."""
    if key is None:
        return None
    name, _ = majority(e.adm_1 for e, _ in scored if normalise_admin1(e.adm_1) == key)
    return f"always {name}"


def _diagnostics(pairs: list[tuple[UcdpEvent, Prediction]], dated: list[tuple[UcdpEvent, Prediction]]) -> dict:
    """Where answers came from and a sample of misses, by UCDP id and admin1 names only (no gold text)."""
    day_before = share(
        (date.fromisoformat(e.reports[0].published).toordinal() - 1) == date.fromisoformat(e.date_start).toordinal()
        for e, _ in dated)
    misses = [{"id": e.id, "gold_admin1": e.adm_1, "predicted_admin1": p.admin1,
               "place_from": p.place_from}
              for e, p in pairs if e.where_prec <= 4 and e.adm_1
              and normalise_admin1(p.admin1) != normalise_admin1(e.adm_1)]
    return {
        "events": len(pairs),
        "headlines": sum(len(e.reports) for e, _ in pairs),
        "place_from": dict(Counter(p.place_from for _, p in pairs)),
        "date_from": dict(Counter(p.date_from for _, p in pairs)),
        "deaths_from": dict(Counter(p.deaths_from for _, p in pairs)),
        "date_baseline_day_before": day_before,
        "admin1_confusions": dict(Counter(f"{normalise_admin1(m['gold_admin1'])} → "
                                          f"{normalise_admin1(m['predicted_admin1']) or 'none'}"
                                          for m in misses).most_common(15)),
        "admin1_miss_samples": misses[:MAX_ERROR_SAMPLES],
    }


# Words whole ("Ilovays’k", "Stanytsia-Luhanska") and split at apostrophes and hyphens ("Kharkiv's", "Kyiv-based")
_WORDINGS = (re.compile(r"[\w'’-]+"), re.compile(r"\w+"))


def _capitalised_ngrams(words: list[str], longest: int = 3) -> list[str]:
    return [" ".join(words[i:i + k]) for i in range(len(words)) for k in range(1, longest + 1)
            if words[i][:1].isupper() and i + k <= len(words)]


def names_gold_admin1(gaz, event: UcdpEvent) -> bool:
    """Whether some headline of the event holds a capitalised name (one to three words) that the gazetteer
    knows as a place in UCDP's admin1, whichever namesake it is: a coverage oracle (it reads the gold admin1)
    bounding what any reader with this gazetteer could answer from these headlines."""
    from newsevents.gazetteer.resolve import lookup_name

    gold = normalise_admin1(event.adm_1)
    names = {name for report in event.reports for wording in _WORDINGS
             for name in _capitalised_ngrams(wording.findall(report.headline))}
    for name in names:
        for c in lookup_name(gaz, name)[0]:
            admin1 = c.entry.name if c.entry.feature == "admin1" else c.entry.admin1_name
            if admin1 and normalise_admin1(admin1) == gold:
                return True
    return False


def run(ctx: EvalContext) -> SuiteResult:
    from newsevents.gazetteer import load_gazetteer

    events = list(ctx.limited(load_events(ctx.gold_file(GOLD))))
    articles = [a for e in events for a in articles_for(e)]
    analyses = ctx.analyze_all(articles)
    predictions, k = [], 0
    for e in events:
        n = len(e.reports)
        predictions.append(predict(analyses[k:k + n], e.reports[0].published))
        k += n
    result = score(events, predictions)
    gaz = load_gazetteer()
    covered = [names_gold_admin1(gaz, e) for e in events if e.where_prec <= 4 and e.adm_1]
    result.figures.insert(2, Figure("coverage: a headline names a known place of the gold admin1 (reads gold)",
                                    share(covered), n=len(covered)))
    result.notes.append("Coverage asks whether any of an event's headlines holds a capitalised name that the "
                        "gazetteer knows as a place in UCDP's admin1 (any namesake, the admin1 itself included): "
                        "an upper bound for reading admin1 from these headlines with this gazetteer. The rest "
                        "name no such place ('eastern Ukraine', 'Donbas', 'JFO area', a victim's name) or a "
                        "village the gazetteer lacks.")
    failed = sum(a is None for a in analyses)
    if failed:
        result.notes.append(f"{failed} of {len(analyses)} headlines failed to analyse (scored as no answer).")
    return result
