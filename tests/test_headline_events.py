"""Headline- and wire-style English: elliptical tolls, war-report losses, deaths found or told with their cause.

Headlines drop auxiliaries and articles ("Three soldiers killed near X"), tack the source on at the end
("- police", ": ministry") and report a war in its own phrases ("lost 80 servicemen in the X direction",
"the enemy suffered heavy losses"). Sentences here are written for the tests, in those styles, and each
asserts one behaviour of the real pipeline.
"""

from __future__ import annotations

import pytest

from newsevents.model import Analysis, Article, Event


@pytest.fixture(scope="module")
def code(analyzer):
    def run(text: str, published: str = "2022-10-04") -> Analysis:
        return analyzer.analyze(Article(text=text, published=published))
    return run


def _only_violent(a: Analysis) -> Event:
    violent = [e for e in a.events if e.type == "ASSAULT"]
    assert len(violent) == 1, [(e.type, a.article.text[e.evidence.trigger[0]:e.evidence.trigger[1]])
                               for e in a.events]
    return violent[0]


def _place_names(a: Analysis, e: Event) -> set[str]:
    return {p.name for p in a.places if p.id in e.places}


def _acled_type(e: Event) -> str | None:
    return e.acled["event_type"] if e.acled else None


# ------------------------------------------------------------------------------ elliptical tolls


def test_killed_by_hostile_fire_is_an_event_not_a_blaze(code):
    a = code("Four Ukrainian soldiers killed by separatist fire near Popasna: ministry")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 4
    assert not a.incidents  # "separatist fire" is shooting, not an accidental fire


def test_a_house_fire_still_keeps_a_toll_out_of_the_events(code):
    a = code("Three people killed in a house fire in Lviv")
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_toll_of_killed_and_wounded_is_one_event(code):
    a = code("Army says two soldiers killed, five wounded near Marinka over past day")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 2
    assert e.injured is not None and e.injured.min == 5
    assert not e.actors  # the soldiers are who was hit, not who acted


def test_bare_dead_after_a_figure_counts(code):
    a = code("Three dead found after missile strike on apartment block in Zaporizhzhia")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 3
    assert _acled_type(e) == "Explosions/Remote violence"


def test_reduced_passive_victims_are_recipients_not_actors(code):
    a = code("Civilians killed in southern Ukraine amid heavy fighting")
    e = _only_violent(a)
    assert not e.actors
    assert e.fatalities is None  # plural with no figure: an event, fatalities unknown


def test_a_cause_that_is_an_event_can_kill(code):
    a = code("Renewed fighting kills seven in eastern Ukraine")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 7


def test_killed_by_a_device(code):
    a = code("Three Ukrainian soldiers killed by unidentified device near Avdiivka")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 3


# ------------------------------------------------------------------------------ deaths


def test_died_as_a_result_of_shelling_carries_the_toll(code):
    a = code("Marine died near Krasnohorivka as a result of enemy shelling")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 1
    assert _acled_type(e) == "Explosions/Remote violence"


def test_died_of_wounds_is_an_event(code):
    a = code("Wounded soldier died of his wounds in hospital in Dnipro")
    assert _only_violent(a).fatalities is not None


def test_a_death_with_no_violence_is_no_event(code):
    a = code("Retired professor died aged 91 in Kharkiv")
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_death_of_soldiers_reported_by_a_spokesman(code):
    a = code("Army spokesman confirms death of three soldiers in Luhansk region")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 3
    assert not e.actors  # who confirmed it did not kill them


def test_death_sentence_is_no_toll(code):
    a = code("Court sentenced the smuggler to death for murder in Minsk")
    assert not [e for e in a.events if e.type == "ASSAULT" and e.evidence.trigger
                and a.article.text[e.evidence.trigger[0]:e.evidence.trigger[1]] == "death"]


def test_death_toll_rises_is_an_event(code):
    a = code("Death toll in Kramatorsk rises to 5 - governor")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 5


def test_dead_man_found_is_a_death_with_no_actor(code):
    a = code("Dead woman found in a basement in Bucha - police")
    e = _only_violent(a)
    assert not e.actors
    assert _acled_type(e) == "Violence against civilians"


def test_bodies_exhumed_count_as_killed(code):
    a = code("Over 40 bodies exhumed in recaptured Izium")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 40


def test_who_found_the_body_did_not_kill(code):
    a = code("Police found the body of a man in a forest near Odesa")
    e = _only_violent(a)
    assert not e.actors


# ------------------------------------------------------------------------------ war-report losses


def test_lost_servicemen_is_a_battle_with_unknown_deaths(code):
    a = code("Ukrainian forces lost up to 80 servicemen in the Kupiansk direction in a day - ministry")
    e = _only_violent(a)
    assert _acled_type(e) == "Battles"
    assert e.fatalities is None  # "lost" counts the killed and the wounded together
    assert not e.actors  # the side that lost people is hit, not the attacker


def test_bare_lost_servicemen(code):
    a = code("More than 90 servicemen lost in the Lyman direction per day - ministry")
    assert _acled_type(_only_violent(a)) == "Battles"


def test_losses_amounted_to(code):
    a = code("Losses of the enemy in the Bakhmut direction amounted to 70 soldiers per day")
    assert _acled_type(_only_violent(a)) == "Battles"


def test_suffered_heavy_losses(code):
    a = code("The enemy suffered heavy losses near Kreminna")
    e = _only_violent(a)
    assert not e.actors
    assert "Kreminna" in _place_names(a, e)


def test_money_losses_are_no_battle(code):
    assert not code("Airlines suffered heavy losses on the stock market last year").events
    assert not code("Farmers report losses of 2 billion hryvnias").events


def test_lost_their_lives_needs_a_violent_cause(code):
    a = code("Two civilians lost their lives in shelling of Nikopol")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 2
    assert not [e for e in code("Two climbers lost their lives in an avalanche").events if e.type == "ASSAULT"]


def test_defeated_units(code):
    a = code("Russian forces defeated two brigades near Vuhledar - ministry")
    assert _acled_type(_only_violent(a)) == "Battles"


# ------------------------------------------------------------------------------ shorthand


def test_kia_wia_are_counted(code):
    a = code("Two KIA, three WIA in Donbas on Monday - army HQ")
    kinds = {(q.what, q.value.min) for q in a.quantities if q.value is not None}
    assert ("killed", 2) in kinds and ("injured", 3) in kinds


def test_participle_after_its_victims_is_a_toll(code):
    a = code("Rebels fire at army positions in Donbas, four Ukrainian soldiers wounded - task force")
    e = next(e for e in a.events if e.injured is not None)
    assert e.injured.min == 4


def test_reported_casualties_in_a_truce_zone(code):
    a = code("Kyiv reports casualties, truce violations in Luhansk region")
    assert _only_violent(a)
    assert not [e for e in code("No casualties were reported in the truce zone").events if e.type == "ASSAULT"]


def test_a_commanders_slaying_is_an_event(code):
    a = code("Rebels deny rift after commander's slaying in Luhansk")
    assert _only_violent(a)


def test_losses_as_a_reason_are_no_event(code):
    a = code("Enemy battalion near Bakhmut abandoned its positions due to losses")
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_a_source_tail_is_who_reports_it(code):
    a = code("Over 70 servicemen lost in the Lyman direction in a day - Russian Defense Ministry")
    e = _only_violent(a)
    sources = [x for x in a.actors if x.id in e.attributed_to]
    assert sources and all("Defen" in x.name for x in sources)


def test_a_district_after_a_dash_is_no_source(code):
    a = code("Missile strike hits apartment block in Kyiv - Shevchenkivskyi")
    assert not _only_violent(a).attributed_to


def test_a_sides_losses_are_a_battle_whoever_it_lost(code):
    a = code("Two battalions of the enemy lost up to 90 people near Kupiansk - ministry")
    assert _acled_type(_only_violent(a)) == "Battles"


def test_each_figure_keeps_its_own_participle(code):
    a = code("About 15 killed, 40 wounded as a result of artillery fire - separatist spokesman")
    e = _only_violent(a)
    assert e.fatalities is not None and e.fatalities.min == 15
    assert e.injured is not None and e.injured.min == 40


@pytest.mark.parametrize("text, dead", [
    ("At least 12 dead in heavy fighting near Horlivka", 12),
    ("Nine soldiers dead in clash with rebels near Shchastia", 9),
])
def test_a_verbless_toll_belongs_to_the_event_it_governs(code, text, dead):
    e = _only_violent(code(text))
    assert e.fatalities is not None and e.fatalities.min == dead


def test_headline_present_verb_read_as_a_noun(code):
    a = code("Russian army shells Kharkiv overnight, two civilians wounded")
    e = _only_violent(a)
    assert e.acled == {"event_type": "Explosions/Remote violence",
                       "sub_event_type": "Shelling/artillery/missile attack"}
    assert e.injured is not None and e.injured.min == 2
    names = {x.name for x in a.actors if x.id in e.recipients}
    assert any("civilian" in n for n in names)
    assert not [x for x in a.actors if x.id in e.actors and "civilian" in x.name]


def test_plural_shells_as_a_noun_stay_a_noun(code):
    assert not code("The army shells landed near a school in Kramatorsk").events


def test_source_tail_is_no_object_of_a_bare_loss(code):
    a = code("More than 90 servicemen lost in the Kupiansk direction per day - Russian Defense Ministry")
    assert _acled_type(_only_violent(a)) == "Battles"


def test_event_noun_tagged_as_adjective_after_a_light_verb(code):
    assert _only_violent(code("Northern group of troops continues offensive near Lyman - ministry"))


def test_forces_fire_on_positions(code):
    a = code("Occupation forces fire on army positions 9 times over past day - army HQ")
    assert _acled_type(_only_violent(a)) == "Battles"
