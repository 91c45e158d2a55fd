"""The pieces linking decides with: words, places, figures, types, blocking (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.link.canonical import Canonical, agreed_place, disputes, figure_range
from newsevents.link.index import DayIndex, report_days
from newsevents.link.places import PlaceRef, Relation, best_relation, relate
from newsevents.link.reports import Figure, Report, day_span
from newsevents.link.scoring import (
    LinkConfig,
    Vocabulary,
    canonical_score,
    figure_affinity,
    score,
    type_affinity,
)
from newsevents.link.text import content_words

ODESA = PlaceRef("Odesa", "city", "UA", "Odessa", 698740, 46.47747, 30.73262)
ODESA_PORT = PlaceRef("Port of Odesa", "site", "UA", "Odessa", None, 46.49, 30.75)
ODESA_OBLAST = PlaceRef("Odessa Oblast", "admin1", "UA", "Odessa", 698738, 46.799, 29.8782)
KHARKIV = PlaceRef("Kharkiv", "city", "UA", "Kharkiv", 706483, 49.98081, 36.25272)
DONBAS = PlaceRef("Donbas", "region", "UA", None, None, 48.0, 38.5)
DONETSK = PlaceRef("Donetsk", "city", "UA", "Donetsk", 709717, 48.023, 37.80224)
UKRAINE = PlaceRef("Ukraine", "country", "UA", None, 690791, 48.1, 30.6)
RUSSIA = PlaceRef("Russia", "country", "RU", None, 2017370, 52.1, 70.5)
BLACK_SEA = PlaceRef("Black Sea", "water", None, None, 630673, 43.0, 35.0)
CFG = LinkConfig()


def rep(article: str = "a", *, type_: str | None = "ASSAULT", kind: str = "event", day: int = 738959,
        places: tuple[PlaceRef, ...] = (ODESA,), killed: Figure | None = None, words: str = "",
        outlet: str = "Reuters", status: str = "occurred", actors: tuple[str, ...] = ()) -> Report:
    return Report(article_id=article, event_id="e1" if kind == "event" else None, kind=kind, ord=0, outlet=outlet,
                  published="2024-03-14", external_id=None, title=None, type=type_, acled_type=None,
                  acled_sub_type=None, status=status, date_value=None, date_precision="day", day_start=day,
                  day_end=day, places=places, actors=actors, fatalities=killed, words=content_words(words))


def test_content_words_fold_inflections_numbers_and_news_synonyms():
    a = content_words("UPDATE 2-Six Ukrainian servicemen slain in shelling of eastern Kyiv, officials said")
    b = content_words("6 Ukrainian soldiers killed as troops shelled east Kiev")
    assert {"6", "soldier", "kill", "shell", "east", "kyiv", "ukrainian"} <= a & b
    assert "2" not in a and "said" not in a and "officials" not in a  # slug numbers, reporting words


@pytest.mark.parametrize(("a", "b", "relation"), [
    (ODESA, ODESA_PORT, Relation.SAME),  # a site in the city, within a few km
    (ODESA, ODESA_OBLAST, Relation.CONTAINS),  # a city in its admin1
    (DONETSK, DONBAS, Relation.CONTAINS),  # a city in a named region
    (ODESA, KHARKIV, Relation.CONFLICT),
    (ODESA, BLACK_SEA, Relation.CONTAINS),  # a sea reaches its coast
])
def test_place_relations(a, b, relation):
    assert relate(a, b) is relation and relate(b, a) is relation


def test_an_unplaced_locality_conflicts_with_a_differently_named_one_unless_a_spelling_variant():
    unplaced = PlaceRef("Krasnolimansk", "city", None, None, None, None, None)
    variant = PlaceRef("Avdeevka", "city", None, None, None, None, None)
    avdiivka = PlaceRef("Avdiivka", "city", "UA", None, None, None, None)
    assert relate(unplaced, DONETSK) is Relation.CONFLICT
    assert relate(variant, avdiivka) is Relation.UNKNOWN


def test_place_sets_fall_back_to_countries_and_say_how_fine_the_match_is():
    assert best_relation((UKRAINE,), (ODESA,)) == (Relation.COUNTRY, 1)
    assert best_relation((RUSSIA,), (ODESA,))[0] is Relation.CONFLICT
    assert best_relation((UKRAINE, ODESA), (ODESA_OBLAST,)) == (Relation.CONTAINS, 3)
    assert best_relation((), (ODESA,))[0] is Relation.UNKNOWN


def test_figures_close_apart_and_ranges_that_meet():
    assert figure_affinity(Figure(14, 14), Figure(14, 14), CFG) == CFG.figures_equal
    assert figure_affinity(Figure(14, 14), Figure(19, 19), CFG) == CFG.figures_close
    assert figure_affinity(Figure(21, None, "at least"), Figure(25, 25), CFG) == CFG.figures_close
    assert figure_affinity(Figure(2, 2), Figure(30, 30), CFG) == CFG.figures_apart
    assert figure_affinity(None, Figure(3, 3), CFG) == 0.0


def test_types_of_one_family_are_compatible_others_never():
    assert type_affinity(rep(type_="ASSAULT"), rep(type_="COERCE"), CFG) == CFG.related_type
    assert type_affinity(rep(type_="ASSAULT"), rep(type_="CONSULT"), CFG) is None
    assert type_affinity(rep(type_=None, kind="implicit"), rep(type_="ASSAULT"), CFG) == 0.0
    assert type_affinity(rep(type_=None, kind="implicit"), rep(type_="AGREE"), CFG) is None
    assert type_affinity(rep(type_=None, kind="mention"), rep(type_="AGREE"), CFG) == 0.0


def test_vetoes_and_evidence():
    strike = rep("a", killed=Figure(14, 14), words="Missile strike on Odesa port kills 14")
    same = rep("b", places=(ODESA_PORT,), killed=Figure(19, 19), words="Odesa port missile strike toll rises to 19")
    assert score(strike, same, CFG) > CFG.threshold
    assert score(strike, rep("c", places=(KHARKIV,), words="Missile strike on Kharkiv"), CFG) is None
    assert score(strike, rep("d", day=738962, words="Missile strike on Odesa port"), CFG) is None
    # an event never creeps from day to day: the dates must meet every member's
    members = [strike, rep("e", day=738960, words="Missile strike on Odesa port")]
    assert canonical_score(rep("f", day=738960, words="Missile strike on Odesa port"), members, CFG) is None


def test_rare_shared_words_weigh_more_than_common_ones():
    vocabulary = Vocabulary()
    for _ in range(50):
        vocabulary.add(content_words("Russian forces destroyed Ukrainian units"))
    vocabulary.add(content_words("Shelling of the Yelenovka colony"))
    vocabulary.freeze()
    common = vocabulary.overlap(content_words("forces destroyed units"), content_words("forces destroyed tanks"))
    rare = vocabulary.overlap(content_words("Yelenovka colony shelled"), content_words("Yelenovka colony hit"))
    assert rare > 2 * common


def test_undated_reports_cover_the_publication_day_and_the_day_before():
    def days(*isos: str) -> tuple[int, ...]:
        return tuple(date.fromisoformat(d).toordinal() for d in isos)

    assert day_span(None, "unknown", "2024-03-14T10:00") == days("2024-03-13", "2024-03-14")
    assert day_span("2024-03-10", "day", "2024-03-14") == days("2024-03-10", "2024-03-10")
    assert day_span("2024-03", "month", "2024-03-20") == days("2024-03-01", "2024-03-31")
    assert day_span("2024", "year", "2024-03-20") == days("2024-03-19", "2024-03-20")  # too vague: as if undated
    assert day_span(None, "unknown", None) == (None, None)


def test_index_finds_events_by_day_country_and_type_family_only():
    index = DayIndex()
    strike = Canonical("ce-1", "st-1", [rep("a")])
    talks = Canonical("ce-2", "st-2", [rep("b", type_="CONSULT")])
    kharkiv = Canonical("ce-3", "st-3", [rep("c", day=738900, places=(KHARKIV,))])
    for c in (strike, talks, kharkiv):
        index.file(c)
    report = rep("d")
    days = report_days(report, CFG.window_days)
    assert list(index.candidates(report, days)) == ["ce-1"]
    assert sorted(index.candidates(report, days, any_type=True)) == ["ce-1", "ce-2"]
    assert sorted(index.candidates(rep("e", kind="mention", type_=None), days)) == ["ce-1", "ce-2"]
    assert list(index.candidates(rep("f", places=(RUSSIA,)), days)) == []
    index.remove("ce-1")
    assert list(index.candidates(report, days)) == []
    assert index.ended_before(738950) == ["ce-3"]


def test_canonical_summary_is_a_range_and_names_what_sources_disagree_on():
    members = [rep("a", killed=Figure(14, 14), actors=("russia",), status="claimed"),
               rep("b", killed=Figure(21, None, "at least"), actors=("ukraine",), status="denied"),
               rep("c", places=(ODESA_OBLAST,))]
    assert figure_range([m.fatalities for m in members if m.fatalities]) == (14, 21)
    assert set(disputes(members)) == {"fatalities", "responsibility", "status"}
    # the place most sources name; a finer one named by at least half as many wins over a coarser one
    assert agreed_place(members) == ODESA
    assert agreed_place([rep("a"), rep("b", places=(ODESA_PORT,))]) == ODESA_PORT
    assert agreed_place([rep("a"), rep("b"), rep("c"), rep("d", places=(ODESA_PORT,))]) == ODESA


def test_periodic_tallies_of_different_days_are_never_one_event():
    from dataclasses import replace

    day1 = rep("a", words="Russian forces destroyed up to 70 soldiers in the Kupyansk direction in a day",
               killed=Figure(70, 70, "up to"))
    day1 = replace(day1, evidence="Russian forces destroyed up to 70 soldiers in the Kupyansk direction in a day")
    day2 = replace(day1, article_id="b", published="2024-03-15",
                   evidence="Russian forces destroyed up to 40 soldiers in the Kupyansk direction in a day",
                   fatalities=Figure(40, 40, "up to"))
    assert day1.tally and day2.tally
    assert score(day1, day2, CFG) is None
    # The same tally reported twice on one day is one event; a single incident is no tally.
    assert score(day1, replace(day2, published=day1.published), CFG) is not None
    assert not replace(day1, evidence="A missile strike on Odesa killed 14 people").tally


def test_reports_published_the_same_day_agree_more_than_days_apart():
    from dataclasses import replace

    a = rep("a", words="missile strike port")
    same_day = rep("b", words="missile strike port")
    days_later = replace(same_day, published="2024-03-17")
    assert score(a, same_day, CFG) > score(a, days_later, CFG)


def test_a_periodic_tally_and_one_incident_need_more_evidence_than_two_incidents():
    from dataclasses import replace

    incident = replace(rep("a", words="soldier killed shelling Donetsk", killed=Figure(1, 1)),
                       evidence="One soldier killed in shelling near Donetsk")
    other = replace(rep("b", words="soldier killed shelling Donetsk", killed=Figure(1, 1)),
                    evidence="A soldier was killed by shelling near Donetsk")
    tally = replace(other, evidence="One soldier killed in shelling near Donetsk in the past 24 hours")
    assert tally.tally and not incident.tally
    assert score(incident, tally, CFG) == pytest.approx(score(incident, other, CFG) + CFG.tally_and_incident)
    assert CFG.tally_and_incident < 0
