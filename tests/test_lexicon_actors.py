"""The actor lexicons: roles, organisations (with canonical names by pattern), group nouns, people."""

from __future__ import annotations

import pytest

from newsevents.lexicon.countries import country_by_iso
from newsevents.lexicon.groups import group_by_text
from newsevents.lexicon.organisations import canonical_org, country_phrase, known_org, org_head
from newsevents.lexicon.people import all_known_people, known_person
from newsevents.lexicon.roles import role_by_text


@pytest.mark.parametrize(("text", "role", "sector"), [
    ("Foreign Minister", "Foreign Minister", "GOV"), ("minister of foreign affairs", "Foreign Minister", "GOV"),
    ("Defense Minister", "Defence Minister", "MIL"), ("Secretary of State", "Secretary of State", "GOV"),
    ("spokeswoman", "Spokesperson", "GOV"), ("Senators", "Lawmaker", "LEG"), ("Gen.", "General", "MIL"),
    ("prosecutor general", "Prosecutor", "JUD"), ("imam", "Cleric", "REL"),
])
def test_roles(text, role, sector):
    found = role_by_text(text)
    assert found is not None and (found.name, found.sector) == (role, sector)


def test_role_that_takes_its_organisations_sector():
    assert role_by_text("spokesman").inherits
    assert not role_by_text("President").inherits
    assert role_by_text("the") is None and role_by_text("banana") is None


@pytest.mark.parametrize(("core", "iso3", "name", "sector"), [
    ("Foreign Ministry", "RUS", "Ministry of Foreign Affairs of Russia", "GOV"),
    ("Defense Ministry", "RUS", "Ministry of Defence of Russia", "MIL"),
    ("Ministry of Defence", "UKR", "Ministry of Defence of Ukraine", "MIL"),
    ("Interior Ministry", "GBR", "Ministry of Internal Affairs of the United Kingdom", "COP"),
    ("Justice Ministry", None, "Ministry of Justice", "JUD"),
    ("Defense Department", "USA", "United States Department of Defense", "MIL"),
    ("State Department", None, "United States Department of State", "GOV"),
    ("Investigative Committee", "RUS", "Investigative Committee of Russia", "GOV"),
    ("Supreme Court", "BRA", "Supreme Court of Brazil", "JUD"),
    ("Congress", "PER", "Congress of Peru", "LEG"),
    ("Florida Department of Transportation", None, "Florida Department of Transportation", "GOV"),
])
def test_canonical_state_bodies(core, iso3, name, sector):
    info = canonical_org(core, country_by_iso(iso3) if iso3 else None)
    assert info is not None and (info.name, info.country, info.sector) == (name, iso3 or info.country, sector)


def test_known_bodies_and_their_countries():
    assert known_org("NATO").sector == "IGO" and known_org("NATO").country is None
    assert known_org("the Kremlin").country == "RUS"
    assert known_org("UN").name == "United Nations"
    assert known_org("un") is None  # short capitals only as written
    # a national body known by name does not take another country's adjective
    assert canonical_org("Congress", country_by_iso("USA")).name == "United States Congress"


def test_generic_heads_need_capitals():
    assert canonical_org("military assembly locations", None) is None
    assert org_head("National Assembly").sector == "LEG"
    assert canonical_org("Assembly", None).sector == "LEG"


def test_country_phrase():
    assert country_phrase(country_by_iso("USA")) == "the United States"
    assert country_phrase(country_by_iso("RUS")) == "Russia"


@pytest.mark.parametrize(("text", "head", "sector"), [
    ("troops", "forces", "MIL"), ("drones", "forces", "MIL"), ("armed forces", "forces", "MIL"),
    ("militants", "rebels", "REB"), ("separatists", "rebels", "REB"), ("police", "police", "COP"),
    ("villagers", "civilians", "CVL"), ("demonstrators", "protesters", "CVL"), ("media", "media", "MED"),
    ("journalists", "journalists", "MED"), ("lawmakers", "lawmakers", "LEG"), ("peacekeepers", "peacekeepers", "MIL"),
])
def test_group_nouns(text, head, sector):
    g = group_by_text(text)
    assert g is not None and (g.head, g.sector) == (head, sector)


def test_weapons_need_a_country():
    assert group_by_text("drones").needs_country
    assert not group_by_text("troops").needs_country


def test_people():
    assert known_person("Trump").name == "Donald Trump"
    assert known_person("sergei lavrov").name == "Sergey Lavrov"
    assert known_person("Zelenskyy").country == "UKR"
    assert known_person("Guterres").country is None and known_person("Guterres").sector == "IGO"
    assert known_person("Smith") is None
    people = all_known_people()
    assert len(people) > 50 and len({p.name for p in people}) == len(people)
