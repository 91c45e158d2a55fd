"""The country lexicon: names, short forms, adjectives, demonyms and codes resolve to one country."""

from __future__ import annotations

import pytest

from newsevents.lexicon.countries import (
    all_countries,
    all_forms,
    country_by_adjective,
    country_by_any,
    country_by_iso,
    country_by_name,
    fold,
)


@pytest.mark.parametrize(("text", "iso3"), [
    ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("United States", "USA"), ("America", "USA"),
    ("the United States of America", "USA"),
    ("UK", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"), ("United Kingdom", "GBR"),
    ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("Turkey", "TUR"), ("TÜRKIYE", "TUR"),
    ("Russian Federation", "RUS"), ("russia", "RUS"), ("Russia's", "RUS"), ("Russia’s", "RUS"),
    ("Côte d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    ("DR Congo", "COD"), ("DRC", "COD"), ("Democratic Republic of the Congo", "COD"),
    ("Republic of the Congo", "COG"), ("Congo-Brazzaville", "COG"),
    ("Burma", "MMR"), ("Myanmar", "MMR"), ("Palestine", "PSE"), ("Kosovo", "XKX"),
    ("Guinea Bissau", "GNB"), ("North Korea", "PRK"), ("South Korea", "KOR"), ("Czechia", "CZE"),
    ("Eswatini", "SWZ"), ("Swaziland", "SWZ"), ("the Netherlands", "NLD"), ("Holland", "NLD"),
    ("UAE", "ARE"), ("Vatican City", "VAT"), ("East Timor", "TLS"),
])
def test_country_by_name(text, iso3):
    country = country_by_name(text)
    assert country is not None, text
    assert country.iso3 == iso3


@pytest.mark.parametrize(("text", "iso3"), [
    ("Russian", "RUS"), ("Russians", "RUS"), ("Ukrainian", "UKR"), ("Ukrainians", "UKR"),
    ("Turkish", "TUR"), ("Turks", "TUR"), ("American", "USA"), ("Americans", "USA"),
    ("British", "GBR"), ("Briton", "GBR"), ("Britons", "GBR"), ("Congolese", "COD"),
    ("Emirati", "ARE"), ("Emiratis", "ARE"), ("Israeli", "ISR"), ("Palestinians", "PSE"),
    ("North Korean", "PRK"), ("South African", "ZAF"), ("Ivorian", "CIV"), ("Burmese", "MMR"),
    ("Filipino", "PHL"), ("Dutch", "NLD"), ("Swiss", "CHE"), ("Polish", "POL"), ("Poles", "POL"),
    ("Saudi", "SAU"), ("Kosovar", "XKX"), ("Ecuadorean", "ECU"), ("RUSSIAN", "RUS"),
])
def test_country_by_adjective(text, iso3):
    country = country_by_adjective(text)
    assert country is not None, text
    assert country.iso3 == iso3


def test_short_capital_abbreviations_only_match_in_capitals():
    # "us" and "car" are words, not the United States or the Central African Republic.
    assert country_by_name("us") is None
    assert country_by_name("car") is None
    assert country_by_name("CAR").iso3 == "CAF"
    assert country_by_name("Us") is None


def test_names_and_adjectives_do_not_cross():
    assert country_by_name("Russian") is None
    assert country_by_adjective("Russia") is None
    assert country_by_name("") is None and country_by_adjective("  ") is None
    assert country_by_name("Atlantis") is None


@pytest.mark.parametrize(("code", "iso3"), [("RU", "RUS"), ("rus", "RUS"), ("us", "USA"), ("GB", "GBR"),
                                            ("UK", "GBR"), ("XK", "XKX"), ("PS", "PSE")])
def test_country_by_iso(code, iso3):
    assert country_by_iso(code).iso3 == iso3


def test_country_by_iso_unknown():
    assert country_by_iso("ZZ") is None
    assert country_by_iso("") is None


def test_record_fields_come_from_geonames():
    us = country_by_iso("USA")
    assert (us.iso2, us.iso3, us.name, us.geonameid) == ("US", "USA", "United States", 6252001)
    assert "America" in us.names and "Americans" in us.demonyms
    civ = country_by_iso("CI")
    assert civ.name == "Côte d'Ivoire"
    assert "Ivory Coast" in civ.names


def test_every_geonames_country_is_listed_once():
    countries = all_countries()
    assert len(countries) >= 250
    assert len({c.iso3 for c in countries}) == len(countries)
    assert {"PSE", "XKX", "TWN", "SSD"} <= {c.iso3 for c in countries}
    # every sovereign state we wrote a row for has at least one adjective
    assert all(c.adjectives for c in countries if c.iso3 in {"RUS", "UKR", "CHN", "IND", "BRA", "NGA"})


def test_country_by_any_and_forms():
    assert country_by_any("Ukrainian").iso3 == "UKR"
    assert country_by_any("UKR").iso3 == "UKR"
    assert country_by_any("Kyiv") is None
    forms = all_forms()
    assert ("Türkiye", country_by_iso("TUR"), "name") in forms


def test_fold():
    assert fold("  The  Côte-d’Ivoire ") == "cote d'ivoire"


def test_a_capital_name_shared_by_several_entries_means_todays_most_populous_country():
    from newsevents.lexicon.countries import capitals

    by_name = dict(capitals())
    assert by_name["Kingston"].iso3 == "JAM"  # not Norfolk Island
    assert by_name["Belgrade"].iso3 == "SRB"  # not the dissolved Serbia and Montenegro
    assert by_name["Kyiv"].iso3 == "UKR"
