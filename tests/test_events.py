"""Events: PLOVER and ACLED coding, status, participants, casualties, places and evidence.

Sentences here are written for the tests (not taken from any gold set); each asserts one behaviour of
the real pipeline (real spaCy model, real extractors before events).
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from newsevents.events.taxonomy import ACLED_EVENT_TYPE_OF, ACLED_TAXONOMY, PLOVER_TYPES, acled
from newsevents.model import Analysis, Article, Event
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def code(analyzer):
    def run(text: str, published: str = "2024-05-03") -> Analysis:
        return analyzer.analyze(Article(text=text, published=published))
    return run


def _trigger(a: Analysis, e: Event) -> str:
    s, t = e.evidence.trigger
    return a.article.text[s:t]


def _actor(a: Analysis, actor_id: str):
    return next(x for x in a.actors if x.id == actor_id)


def _acled_sub(e: Event) -> str | None:
    return e.acled["sub_event_type"] if e.acled else None


# ------------------------------------------------------------------------------------------ taxonomy


def test_taxonomies_are_complete_and_spelt_as_published():
    assert len(PLOVER_TYPES) == 16
    assert len(ACLED_TAXONOMY) == 6
    assert sum(len(v) for v in ACLED_TAXONOMY.values()) == 25
    assert ACLED_EVENT_TYPE_OF["Shelling/artillery/missile attack"] == "Explosions/Remote violence"
    assert acled("Air/drone strike") == {"event_type": "Explosions/Remote violence",
                                         "sub_event_type": "Air/drone strike"}
    with pytest.raises(KeyError):
        acled("Air strike")


# ------------------------------------------------------------------------------------------ typing


def test_shelling_is_coded_with_weapon_actor_and_acled_type(code):
    a = code("On 2 May 2024, Russian forces shelled Kupiansk with artillery and mortars.")
    [e] = a.events
    assert e.type == "ASSAULT" and "heavy-weapons" in e.mode
    assert _acled_sub(e) == "Shelling/artillery/missile attack"
    assert e.acled["event_type"] == "Explosions/Remote violence"
    assert _actor(a, e.actors[0]).country == "RUS"
    assert e.status == "occurred"


def test_drone_strike_and_shelling_in_one_sentence_are_two_events(code):
    a = code("Ukrainian forces carried out drone strikes and shelled positions near Horlivka.")
    subs = [_acled_sub(e) for e in a.events]
    assert subs[:2] == ["Air/drone strike", "Shelling/artillery/missile attack"]


def test_clash_has_both_sides_as_actors(code):
    a = code("Government troops clashed with rebels near the border town on Tuesday.")
    e = next(e for e in a.events if e.type == "ASSAULT")
    assert _acled_sub(e) == "Armed clash"
    assert len(e.actors) == 2


@pytest.mark.parametrize("text, plover, mode", [
    ("The two foreign ministers held a phone call on Friday.", "CONSULT", "phone"),
    ("Police arrested twelve opposition activists in the capital.", "COERCE", "arrest"),
    ("Thousands of teachers protested outside parliament over unpaid wages.", "PROTEST", "demo"),
    ("The government imposed a curfew on the northern province.", "COERCE", "curfew"),
    ("The European Union imposed new sanctions on the regime.", "SANCTION", "sever"),
    ("The minister resigned after the scandal.", "RETREAT", "resign"),
    ("Gunmen kidnapped three aid workers on the highway.", "ASSAULT", "abduct"),
])
def test_plover_type_and_mode(code, text, plover, mode):
    a = code(text)
    assert any(e.type == plover and mode in e.mode for e in a.events), [(e.type, e.mode) for e in a.events]


def test_acled_strategic_developments_and_protests(code):
    arrests = code("Police arrested twelve opposition activists in the capital.")
    assert _acled_sub(arrests.events[0]) == "Arrests"
    protest = code("Hundreds of workers protested in the city centre. Police fired tear gas to disperse them.")
    assert _acled_sub(protest.events[0]) == "Protest with intervention"
    peaceful = code("Hundreds of students marched peacefully through the city centre.")
    assert _acled_sub(peaceful.events[0]) == "Peaceful protest"


def test_interception_is_disrupted_weapons_use(code):
    a = code("Air defence forces shot down four drones over the region overnight.")
    assert _acled_sub(a.events[0]) == "Disrupted weapons use"


# ------------------------------------------------------------------------------------------ status


@pytest.mark.parametrize("text, status", [
    ("Talks between the two governments are scheduled for Monday in Geneva.", "planned"),
    ("The president will visit Berlin next week.", "planned"),
    ("Russian forces did not attack the village.", "negated"),
    ("If the army attacks the city, thousands could die.", "hypothetical"),
])
def test_status(code, text, status):
    a = code(text)
    assert a.events, text
    assert a.events[0].status == status


def test_reported_event_is_claimed_and_attributed(code):
    a = code("The Russian Defence Ministry said Ukrainian forces attacked a village near the border.")
    e = next(e for e in a.events if e.type == "ASSAULT")
    assert e.status == "claimed"
    assert e.attributed_to
    assert any(_actor(a, x).country == "RUS" for x in e.attributed_to)


def test_planned_and_negated_events_get_no_acled_type(code):
    a = code("The rebels did not attack the town. The army will launch an offensive next week.")
    assert [e.status for e in a.events] == ["negated", "planned"]
    assert all(e.acled is None for e in a.events)


def test_demand_takes_its_content_as_mode_not_as_a_second_event(code):
    a = code("The United Nations called for immediate talks between the warring parties.")
    assert [e.type for e in a.events] == ["REQUEST"]
    assert "meet" in a.events[0].mode


def test_threat_codes_the_threatened_action_as_mode(code):
    a = code("The militia threatened to attack the capital if its demands were not met.")
    threats = [e for e in a.events if e.type == "THREATEN"]
    assert threats and "violence" in threats[0].mode
    assert not any(e.type == "ASSAULT" and e.status == "occurred" for e in a.events)


# ------------------------------------------------------------------------------------------ casualties


def test_toll_in_the_next_sentence_belongs_to_the_event_and_is_linked(code):
    a = code("On 2 May 2024, Russian forces shelled Kupiansk with artillery. Two civilians were killed "
             "and five were injured.")
    [e] = a.events
    assert e.fatalities is not None and e.fatalities.min == 2
    assert e.injured is not None and e.injured.min == 5
    assert any(q.event == e.id for q in a.quantities if q.what == "killed")


def test_each_event_keeps_its_own_toll(code):
    a = code("Militants attacked a police post in the north, killing three officers. "
             "In a separate incident, a roadside bomb killed two soldiers in the south.")
    tolls = [e.fatalities.min for e in a.events if e.fatalities]
    assert sorted(tolls) == [2, 3]


def test_no_toll_is_not_zero_invented(code):
    a = code("Russian forces shelled Kupiansk with artillery. Casualties unknown.")
    assert a.events[0].fatalities is None


# ------------------------------------------------------------------------------------------ places, dates, evidence


def test_event_has_place_date_and_evidence(code):
    text = "On 2 May 2024, Russian forces shelled Kharkiv with artillery."
    a = code(text)
    [e] = a.events
    places = {p.id: p for p in a.places}
    assert e.places and places[e.places[0]].name.startswith("Kharkiv")
    assert e.date.value == "2024-05-02" and e.date.precision == "day"
    assert e.evidence.span == (0, len(text))
    assert _trigger(a, e) == "shelled"
    assert 0 < e.confidence <= 1


def test_attack_on_several_places_lists_them(code):
    a = code("Drone strikes hit airbases in Murmansk, Ryazan and Irkutsk on Sunday.")
    e = next(e for e in a.events if e.type == "ASSAULT")
    names = {p.name for p in a.places if p.id in e.places}
    assert len(names) >= 3


def test_output_is_schema_valid_and_robust_to_empty_text(code):
    import json

    schema = json.loads((SHARED / "schema" / "analysis.schema.json").read_text())
    a = code("Protesters blocked the main road. Police arrested ten people. Talks will resume on Monday.")
    jsonschema.validate(a.to_dict(), schema)
    assert code(".").events == []


# ------------------------------------------------------------------------------------------ PLOVER conventions


def test_future_cooperation_is_an_agreement(code):
    a = code("Japan will provide emergency food aid to the flood victims.")
    assert a.events[0].type == "AGREE"
    assert "future" in a.events[0].context


def test_announced_force_is_a_threat(code):
    a = code("The farmers said they would blockade the capital unless the reform is withdrawn.")
    assert a.events[0].type == "THREATEN"


def test_obligation_stated_by_a_speaker_is_a_request(code):
    a = code("The minister said the rebels must release all hostages before talks can begin.")
    assert a.events[0].type == "REQUEST"
    assert not any(e.type == "RETREAT" for e in a.events)


def test_weapons_seizure_is_disrupted_weapons_use(code):
    a = code("Police seized four rifles and two hand grenades from a house in the village.")
    assert _acled_sub(a.events[0]) == "Disrupted weapons use"


def test_riot_by_a_crowd_is_not_an_armed_clash(code):
    a = code("Rioters burned houses and looted shops in the market town.")
    assert a.events[0].acled["event_type"] == "Riots"


def test_gunmen_killing_a_shopkeeper_is_violence_against_civilians(code):
    a = code("Two gunmen shot and killed a shopkeeper inside his shop on Monday evening.")
    assert a.events[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_event_dated_after_publication_is_planned(code):
    a = code("The two presidents meet in Geneva on 10 May 2024.", published="2024-05-03")
    assert a.events[0].type == "CONSULT"
    assert a.events[0].status == "planned"


def test_getting_ready_to_attack_is_mobilization(code):
    a = code("The army prepared to resume shelling the rebel-held hills.")
    assert a.events[0].type == "MOBILIZE"


def test_withdrawal_unless_conditions_are_met_is_a_threat(code):
    a = code("The government announced that it will withdraw its ambassador unless the attacks stop.")
    assert a.events[0].type == "THREATEN"


def test_figurative_clash_and_interview_questions_are_not_events(code):
    assert not code("His moderate politics have clashed with the stances of the party's leaders.").events
    assert not code("Do you think the army will attack the city?").events


# ------------------------------------------------------------------------------------------ incidents


@pytest.mark.parametrize("text, category", [
    ("A strong earthquake struck the northern province on Tuesday, flattening dozens of homes.", "natural_disaster"),
    ("Torrential rain caused flooding across three districts, officials said.", "natural_disaster"),
    ("Nine passengers died when a bus collided with a truck on the coastal highway.", "man_made_disaster"),
    ("A gas cylinder exploded in a restaurant kitchen, injuring four workers.", "man_made_disaster"),
    ("A fire broke out at a textile factory on Friday night.", "man_made_disaster"),
    ("Customs officers seized two tonnes of cocaine hidden in a banana shipment.", "crime"),
    ("Police dismantled a gang that smuggled migrants across the river.", "crime"),
])
def test_disasters_and_crime_are_incidents(code, text, category):
    a = code(text)
    assert [i.category for i in a.incidents] == [category]
    s, t = a.incidents[0].evidence.trigger
    assert t > s


def test_accidental_explosion_is_no_assault_but_a_bombing_is(code):
    accident = code("A gas cylinder exploded in a restaurant kitchen, injuring four workers.")
    assert not [e for e in accident.events if e.type == "ASSAULT"]
    assert accident.incidents[0].injured is not None and accident.incidents[0].injured.min == 4
    bombing = code("Militants detonated a bomb at a crowded market, killing six people.")
    assert any(e.type == "ASSAULT" and e.acled for e in bombing.events)
    assert not bombing.incidents


def test_gunfire_ceasefire_and_protest_fires_are_no_accidents(code):
    for text in ("Soldiers opened fire on the convoy near the border.",
                 "The two sides agreed to a cease-fire on Sunday.",
                 "Protesters lit fires and threw stones at police outside parliament."):
        assert not [i for i in code(text).incidents if i.category == "man_made_disaster"], text


def test_ordinary_crime_gets_no_acled_type(code):
    a = code("Robbers attacked a shopkeeper and stole his phone in the market on Monday.")
    assert not [e for e in a.events if e.acled]
    assert [i.category for i in a.incidents] == ["crime"]


def test_incidents_round_trip_through_the_schema_dict(code):
    a = code("Nine passengers died when a bus collided with a truck on the coastal highway.")
    back = Analysis.from_dict(a.to_dict())
    assert [i.category for i in back.incidents] == ["man_made_disaster"]
    assert back.incidents[0].evidence == a.incidents[0].evidence
    jsonschema.validate(a.to_dict(), json.loads((SHARED / "schema" / "analysis.schema.json").read_text()))


def test_group_without_nationality_is_of_the_country_where_it_acts(code):
    a = code("Protesters marched in Lusaka on Friday.")
    ev = next(e for e in a.events if e.type == "PROTEST")
    assert _actor(a, ev.actors[0]).country == "ZMB"
    two = code("Protesters marched in Lusaka and Harare on Friday.")
    ev = next(e for e in two.events if e.type == "PROTEST")
    assert _actor(two, ev.actors[0]).country is None  # two countries: no guess


@pytest.mark.parametrize("text, sub", [
    ("The army drove back the militants from a key village.", "Government regains territory"),
    ("Government troops took control of the town after the rebels withdrew from it.",
     "Non-violent transfer of territory"),
    ("Rebels captured the town without resistance after government troops withdrew.",
     "Non-violent transfer of territory"),
    ("The president welcomed the cease-fire agreed by the two sides.", "Agreement"),
])
def test_territory_changing_hands_and_ceasefires(code, text, sub):
    assert sub in [_acled_sub(e) for e in code(text).events]


@pytest.mark.parametrize("text, sub", [
    ("Soldiers violently dispersed a peaceful march in the capital on Sunday.", "Excessive force against protesters"),
    ("Police fired tear gas and water cannon to disperse the protesters outside parliament.",
     "Protest with intervention"),
    ("Protesters threw stones at police and set tyres ablaze in the city centre.", "Violent demonstration"),
])
def test_protests_are_typed_by_how_they_were_met(code, text, sub):
    assert sub in [_acled_sub(e) for e in code(text).events]


def test_water_cannon_and_rubber_bullets_are_no_artillery_or_firearms(code):
    a = code("Police fired rubber bullets and water cannon at the demonstrators on Friday.")
    assert all(not {"heavy-weapons", "firearms"} & set(e.mode) for e in a.events)


@pytest.mark.parametrize("text, sub", [
    ("Government forces used sulfur mustard in an attack on the town.", "Chemical weapon"),
    ("Two militants detonated explosives, killing themselves near the station.", "Suicide bomb"),
    ("Army choppers pounded rebel positions in the hills on Monday.", "Air/drone strike"),
    ("Rioters clashed with police in the old town on Wednesday night.", "Violent demonstration"),
])
def test_weapon_cues_and_riots(code, text, sub):
    assert sub in [_acled_sub(e) for e in code(text).events]


def test_new_military_post_is_a_base_established(code):
    a = code("Turkish forces have established twelve military observation points in northern Syria.")
    assert "Headquarters or base established" in [_acled_sub(e) for e in a.events]


@pytest.mark.parametrize("text, sub", [
    ("Unidentified gunmen shot and killed the principal of a secondary school in the town.", "Attack"),
    ("An unidentified attacker opened fire on a crowd near a cafe in the town centre.", "Attack"),
    ("Residents clashed with police over the disappearance of a community member.", "Mob violence"),
])
def test_one_sided_violence_and_crowds_clashing_with_police(code, text, sub):
    assert [_acled_sub(e) for e in code(text).events if e.acled][:1] == [sub]


def test_a_strike_of_some_days_is_a_labour_strike(code):
    a = code("A two-day strike was launched in the main hospital of the capital by the nurses' union.")
    assert [(e.type, e.mode) for e in a.events][:1] == [("PROTEST", ["strike-lim"])]


@pytest.mark.parametrize("text, sub", [
    ("Protesters clashed with police in the capital and two demonstrators were killed.", "Violent demonstration"),
    ("A bomb exploded while soldiers were trying to defuse it, killing three.", "Remote explosive/landmine/IED"),
    ("Soldiers defused a bomb planted near the market.", "Disrupted weapons use"),
])
def test_rioting_protesters_and_failed_defusals(code, text, sub):
    assert sub in [_acled_sub(e) for e in code(text).events]


def test_fragments_recovered_at_a_scene_are_no_seizure(code):
    a = code("Fragments of a grenade were recovered from the scene.")
    assert "Disrupted weapons use" not in [_acled_sub(e) for e in a.events]


@pytest.mark.parametrize("text, sub", [
    # armed men carrying people off: the codebook's abduction, with no "kidnap" word
    ("Soldiers have taken at least five people from villages in the province.", "Abduction/forced disappearance"),
    # a charge on a camp is an assault, not an indictment
    ("Rebel fighters charged an army camp outside the town on Monday night.", "Armed clash"),
    # jailing by security forces is an arrest, also of people suspected of planning attacks
    ("Security forces have jailed 40 militants they suspect were plotting attacks in the province.", "Arrests"),
    # the codebook: road-blocking with barricades or burning tires is a violent demonstration
    ("Protesters blocked roads with barricades and burning tires in the capital.", "Violent demonstration"),
    # demonstrators clashing with police riot, though others beside them marched peacefully
    ("While some demonstrators rallied peacefully in the capital, others clashed with police and looted stores.",
     "Violent demonstration"),
    # a disruption counts only when the weapon was not used: a find beside a blast that killed
    ("Troops found two landmines near the village, and a child died in an explosion there last week.",
     "Remote explosive/landmine/IED"),
])
def test_codebook_definitions_of_sub_event_types(code, text, sub):
    assert sub in [_acled_sub(e) for e in code(text).events]


def test_a_camp_hosting_troops_is_no_consultation(code):
    a = code("Gunmen attacked a camp hosting government troops near the border.")
    assert "CONSULT" not in [e.type for e in a.events]


def test_plotting_makes_an_attack_planned(code):
    a = code("Police arrested three men who were plotting to bomb the station.")
    assert all(e.status != "occurred" for e in a.events if e.type == "ASSAULT")


def test_soldiers_taking_positions_is_no_abduction(code):
    a = code("Soldiers have taken positions on the hills above the town.")
    assert "Abduction/forced disappearance" not in [_acled_sub(e) for e in a.events]


def test_diplomacy_needs_a_state_actor(code):
    from evaluation.suites.case2021 import label_of
    assert label_of(code("Russia vowed retaliation against Britain after the expulsion of its diplomats.")) == "DIPLO"
    assert label_of(code("Protesters vowed to continue their sit-in until the minister resigns.")) != "DIPLO"


@pytest.mark.parametrize("text, sub", [
    # anti-aircraft guns are ground weapons: no air strike
    ("Militants attacked army positions south of the city using anti-aircraft guns and mortars.",
     "Shelling/artillery/missile attack"),
    # a crowd that pelts police with stones riots, however it was met
    ("Protesters threw stones at police, who shot dead two demonstrators in the square.", "Violent demonstration"),
    # a massacre is one-sided violence whoever commits it
    ("Militants massacred dozens of soldiers near the town.", "Attack"),
])
def test_weapons_crowd_acts_and_one_sided_killing(code, text, sub):
    assert [_acled_sub(e) for e in code(text).events if e.acled][:1] == [sub]


def test_engaging_in_a_crime_is_no_armed_clash(code):
    a = code("The group said it had punished two men for engaging in smuggling.")
    assert "Armed clash" not in [_acled_sub(e) for e in a.events]


def test_warplanes_destroying_a_depot_strike_from_the_air(code):
    air = code("Government warplanes destroyed a weapons depot of the rebels in the province.")
    ground = code("Soldiers destroyed a weapons depot of the rebels in the province.")
    assert "Air/drone strike" in [_acled_sub(e) for e in air.events]
    assert "Disrupted weapons use" in [_acled_sub(e) for e in ground.events]


@pytest.mark.parametrize(("value", "precision", "published", "after"), [
    ("2025-06-03", "day", "2025-06-02", True),
    ("2025-06-01", "day", "2025-06-02", False),
    ("2075", "year", "2005-01-04", True),
    ("2005", "year", "2005-01-04", False),
    ("2025-06", "month", "2025-06-02", False),
    ("2025-07", "month", "2025-06-02", True),
    ("2025-06-03/2025-06-05", "day", "2025-06-02", True),
    ("2025-W23", "week", "2025-06-02", False),
    (None, "unknown", "2025-06-02", False),
])
def test_dates_after_publication_make_events_planned(value, precision, published, after):
    from newsevents.analyze.events import _after_publication
    from newsevents.model import When

    assert _after_publication(When(value, precision), published) is after
