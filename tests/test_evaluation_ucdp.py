"""The UCDP suite: reading UCDP's mixed file, choosing the place/date/deaths scored, and the figures."""

from __future__ import annotations

import csv

import pytest
from evaluation.core import EvalContext
from evaluation.suites import ucdp
from evaluation.suites.ucdp import (
    Prediction,
    Report,
    UcdpEvent,
    load_events,
    parse_reports,
    parse_ucdp_date,
    predict,
    repair_mojibake,
    score,
)

from newsevents.model import Analysis, Article, Event, Evidence, Place, Quantity, Range, TimeRef, When


@pytest.mark.parametrize("raw,iso", [
    ("2014-01-27", "2014-01-27"),
    ("1/27/2014 12:00:00 AM", "2014-01-27"),
    ("02/12/2023 00:00", "2023-02-12"),  # month first, as the source dates show
    ("25/12/2022 00:00", "2022-12-25"),  # impossible month first: read day first
])
def test_ucdp_dates_in_every_form(raw, iso):
    assert parse_ucdp_date(raw) == iso


def test_unreadable_date_is_a_clear_error():
    with pytest.raises(ValueError, match="unrecognised UCDP date"):
        parse_ucdp_date("sometime in May")


def test_reports_are_split_on_items_not_on_semicolons_inside_headlines():
    field = ('"Agency One,2015-03-02,Region A; shelling ""kills"" two";'
             '"Agency Two,2015-03-01,Second report, with comma"')
    reports = parse_reports(field)
    assert reports == [Report("Agency One", "2015-03-02", 'Region A; shelling "kills" two'),
                       Report("Agency Two", "2015-03-01", "Second report, with comma")]
    assert parse_reports("") == []


def test_mojibake_is_repaired_and_clean_text_left_alone():
    assert repair_mojibake("militaryâ€™s shelling") == "military’s shelling"
    assert repair_mojibake("Kiev’s square") == "Kiev’s square"
    assert repair_mojibake("plain") == "plain"


FIELDS = ["id", "source_article", "where_prec", "adm_1", "latitude", "longitude", "date_prec", "date_start",
          "date_end", "best", "low", "high"]


def write_gold(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="cp1252", newline="") as f:
        w = csv.DictWriter(f, FIELDS)
        w.writeheader()
        w.writerows(rows)


def row(id, articles, where_prec=1, adm_1="Alpha oblast", lat=48.0, lon=37.8, date_prec=1,
        start="6/3/2016 12:00:00 AM", best=2, low=2, high=3):
    return {"id": id, "source_article": ";".join(f'"{a}"' for a in articles), "where_prec": where_prec,
            "adm_1": adm_1, "latitude": lat, "longitude": lon, "date_prec": date_prec, "date_start": start,
            "date_end": start, "best": best, "low": low, "high": high}


def test_load_events_orders_reports_earliest_first_and_skips_bad_rows(tmp_path):
    gold = tmp_path / "g.csv"
    write_gold(gold, [row("1", ["Later,2016-06-05,Second", "Earlier,2016-06-04,First"]),
                      row("2", ["X,2016-06-04,Text"], lat="not a number"),
                      row("3", ["no date here"])])
    [event] = load_events(gold)
    assert event.id == "1" and [r.outlet for r in event.reports] == ["Earlier", "Later"]
    assert event.date_start == "2016-06-03" and (event.low, event.high) == (2, 3)


def test_the_real_dev_file_reads_completely(shared):
    events = load_events(shared / "data" / ucdp.GOLD)
    assert len(events) > 1000
    assert all(e.reports and e.date_start <= e.date_end for e in events)
    assert all(e.deaths_range[0] <= e.best <= e.deaths_range[1] for e in events)
    assert all(r.published[:4].isdigit() for e in events for r in e.reports)


def _analysis(text, places=(), events=(), times=(), quantities=()):
    return Analysis(Article(text=text, published="2016-06-04"), places=list(places), events=list(events),
                    times=list(times), quantities=list(quantities))


def _event(places=(), date=None, precision="unknown", fatalities=None):
    return Event(id="e1", type="ASSAULT", evidence=Evidence((0, 5)), places=list(places),
                 date=When(date, precision), fatalities=fatalities)


UKRAINE = Place("p0", "Ukraine", "country", "UA", 690791, None, 49.0, 32.0, [(0, 7)])
CITY = Place("p1", "Sometown", "city", "UA", 1, "Alpha Oblast", 48.01, 37.81, [(20, 28)])
OTHER = Place("p2", "Othertown", "city", "UA", 2, "Beta Oblast", 50.0, 30.0, [(10, 19)])
UNRESOLVED = Place("p3", "Nowhere", "other", None, None, None, None, None, [(0, 7)])


def test_the_place_of_the_first_event_with_a_place_wins_over_earlier_text_mentions():
    a = _analysis("Ukraine: Othertown, Sometown", places=[UKRAINE, OTHER, CITY],
                  events=[_event(), _event(places=["p0", "p1"])])
    p = predict([a], "2016-06-04")
    assert p.place is CITY and p.place_from == "event" and p.admin1 == "Alpha Oblast"


def test_without_events_the_first_resolved_subnational_place_in_any_headline_is_used():
    first = _analysis("Nowhere Ukraine", places=[UNRESOLVED, UKRAINE])
    second = _analysis("Othertown and Sometown", places=[CITY, OTHER])
    p = predict([first, None, second], "2016-06-04")
    assert p.place is OTHER and p.place_from == "text"  # Othertown is mentioned first
    assert predict([first], "2016-06-04").place is None


def test_an_admin1_place_is_its_own_admin1():
    oblast = Place("p4", "Alpha Oblast", "admin1", "UA", 3, None, 48.0, 37.8, [(0, 12)])
    assert predict([_analysis("Alpha Oblast", places=[oblast])], None).admin1 == "Alpha Oblast"


def test_date_comes_from_event_then_time_expression_then_publication():
    ev = _analysis("x", events=[_event(date="2016-06-01", precision="week"), _event(date="2016-06-02",
                                                                                     precision="day")])
    assert (predict([ev], "2016-06-04").date, predict([ev], "2016-06-04").date_from) == ("2016-06-02", "event")
    tx = _analysis("x", times=[TimeRef("June", (0, 4), "date", "2016-06", "month"),
                               TimeRef("Friday", (5, 11), "date", "2016-06-03", "day")])
    assert (predict([tx], "2016-06-04").date, predict([tx], "2016-06-04").date_from) == ("2016-06-03", "time")
    assert predict([_analysis("x")], "2016-06-04").date == "2016-06-04"


def test_deaths_come_from_the_event_lower_bound_then_a_killed_quantity():
    ev = _analysis("x", events=[_event(), _event(fatalities=Range(7, None, "at least"))])
    assert predict([ev], None).deaths == 7
    q = _analysis("x", quantities=[Quantity((0, 1), "injured", Range(4, 4)), Quantity((2, 3), "killed",
                                                                                     Range(None, 12, "up to"))])
    assert (predict([q], None).deaths, predict([q], None).deaths_from) == (12, "quantity")
    assert predict([_analysis("x")], None).deaths is None


def _gold(id, adm_1="Alpha oblast", where_prec=1, lat=48.0, lon=37.8, low=1, high=1, start="2016-06-03",
          published="2016-06-04", outlet="Agency"):
    return UcdpEvent(id, (Report(outlet, published, "h"),), where_prec, adm_1, lat, lon, 1, start, start,
                     low, low, high)


def test_score_figures_and_baselines():
    events = [_gold("1"), _gold("2"), _gold("3", adm_1="Beta oblast", lat=50.0, lon=30.0, low=5, high=9),
              _gold("4", where_prec=6, adm_1="", low=0, high=2, start="2016-06-04")]
    predictions = [
        Prediction(CITY, "event", "2016-06-03", "event", 1, "event"),     # right admin1, ~1.4 km, right day
        Prediction(OTHER, "text", "2016-06-04", "published", None, "none"),  # wrong everything
        Prediction(OTHER, "event", "2016-06-03", "event", 6, "event"),    # right admin1 (Beta), 0 km
        Prediction(None, "none", "2016-06-04", "published", 3, "event"),  # deaths outside 0–2
    ]
    figs = {f.name: f for f in score(events, predictions).figures}
    admin1 = figs["admin1 correct (where_prec ≤ 4)"]
    assert (admin1.value, admin1.n, admin1.baseline) == (pytest.approx(2 / 3), 3, pytest.approx(2 / 3))
    assert admin1.baseline_name == "always Alpha oblast" and admin1.meets_target is False
    precision = figs["admin1 correct where one was given (precision)"]
    assert (precision.value, precision.n) == (pytest.approx(2 / 3), 3)
    near = figs["place within 25 km (where_prec ≤ 2)"]
    assert (near.value, near.n) == (pytest.approx(2 / 3), 3)
    date = figs["date exact (date_prec 1)"]
    assert (date.value, date.baseline) == (0.75, 0.25)  # publication date matches only event 4
    deaths = figs["deaths within low–high"]
    assert (deaths.value, deaths.n, deaths.baseline_name) == (0.5, 4, "always 1")


def test_run_end_to_end_on_a_tiny_file_with_the_real_analyzer(tmp_path, analyzer):
    write_gold(tmp_path / "data" / ucdp.GOLD, [
        row("10", ["Agency,2016-06-04,Shelling kills two civilians in Donetsk"]),
        row("11", ["Agency,2016-06-05,Three soldiers killed near Luhansk on Saturday",
                   "MemoryBook,2021-01-01,Sometown"], adm_1="Beta oblast", where_prec=4, best=3, low=3, high=3),
    ])
    ctx = EvalContext(shared=tmp_path, _analyzer=analyzer)
    result = ucdp.run(ctx)
    figs = {f.name: f for f in result.figures}
    assert figs["admin1 correct (where_prec ≤ 4)"].n == 2
    assert figs["place within 25 km (where_prec ≤ 2)"].n == 1
    assert figs["deaths within low–high"].n == 2
    assert result.details["headlines"] == 3
    assert all(f.value is None or 0 <= f.value <= 1 for f in result.figures)
    assert "Sometown" not in str(result.to_dict())  # no gold text in the results


def test_missing_gold_file_skips_the_suite(tmp_path):
    from evaluation.core import SuiteSkipped

    with pytest.raises(SuiteSkipped):
        ucdp.run(EvalContext(shared=tmp_path))
