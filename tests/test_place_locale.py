"""Article locale and the resolution of ambiguous names it informs (real gazetteer, no parse needed).

The stories below are written for these tests: local news that never names its own country, where only
its institutions, abbreviations and divisions say where it is from.
"""

from __future__ import annotations

import pytest

from newsevents.analyze.places import resolve_places
from newsevents.gazetteer import load_gazetteer
from newsevents.gazetteer.locale import read_locale
from newsevents.model import Article

ALEXANDRIA_VA, ALEXANDRIA_EG = 4744091, 361058
LONDON_ON, LONDON_GB = 6058560, 2643743
DUBLIN_OH, DUBLIN_IE = 5152333, 2964574
FLORIDA, CALIFORNIA, OHIO, ENGLAND = 4155751, 5332921, 5165418, 6269131
MEXICO = 3996063


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def resolve_all(gaz, text: str, *names: str) -> list[int | None]:
    """Resolve the first occurrence of each name as a given span, all together (as the evaluation does)."""
    spans, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        spans.append((start, start + len(name)))
        pos = start + len(name)
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    places = resolve_places(text, [spans[i] for i in order], min_confidence=0.0, gazetteer=gaz)
    out: list[int | None] = [None] * len(spans)
    for k, i in enumerate(order):
        out[i] = places[k].geonameid if places[k] else None
    return out


# ---------------------------------------------------------------- the locale itself


def test_a_virginia_story_is_american_and_names_virginia(gaz):
    loc = read_locale("A man from Fairfax, Va., was charged on Friday. The Commonwealth's Attorney said the "
                      "sheriff's deputies had found the car.", gaz)
    assert loc.home == "US"
    assert loc.strength > 0.5
    assert loc.admin1_share(("US", "VA")) == 1.0


def test_an_ontario_story_is_canadian(gaz):
    loc = read_locale("Const. Jane Roe said the woman, of Brampton, Ont., was released. The RCMP assisted.", gaz)
    assert loc.home == "CA"
    assert loc.admin1_share(("CA", "08")) == 1.0


def test_an_international_story_has_no_home(gaz):
    loc = read_locale("Ministers met in London and Paris on Monday to discuss trade and the war.", gaz)
    assert loc.home is None
    assert loc.strength == 0.0


def test_party_designations_point_at_their_state(gaz):
    loc = read_locale("The bill's sponsor, Rep. John Doe (R-Tenn.), said the vote would come next week.", gaz)
    assert loc.home == "US"
    assert loc.admin1_share(("US", "TN")) == 1.0


def test_a_postal_code_needs_the_address_shape(gaz):
    # "OR" after a comma is a word here, not Oregon.
    loc = read_locale("They could go to Salem, OR they could stay home.", gaz)
    assert ("US", "OR") not in loc.admin1s
    loc = read_locale("Send letters to 12 Main St., Salem, OR 97301.", gaz)
    assert loc.admin1s[("US", "OR")] == 1.0


def test_a_city_named_after_its_state_is_not_the_state(gaz):
    loc = read_locale("The team flew to Kansas City on Sunday.", gaz)
    assert ("US", "KS") not in loc.admin1s


def test_ambiguous_division_names_do_not_count(gaz):
    # Georgia is a country and a state; Alexandria a city and a governorate.
    loc = read_locale("Georgia and Alexandria were mentioned.", gaz)
    assert not loc.admin1s


# ---------------------------------------------------------------- resolution with the locale as a prior


def test_local_police_story_resolves_to_the_home_countrys_namesake(gaz):
    text = ("Alexandria police arrested a man on Tuesday after a chase through Old Town. The Commonwealth's "
            "Attorney said charges would be filed, and sheriff's deputies searched the house.")
    assert resolve_all(gaz, text, "Alexandria") == [ALEXANDRIA_VA]


def test_without_local_cues_the_famous_namesake_stays(gaz):
    text = "Alexandria is Egypt's second city, on the Mediterranean coast."
    assert resolve_all(gaz, text, "Alexandria") == [ALEXANDRIA_EG]


def test_ontario_cues_make_london_the_ontario_city(gaz):
    text = ("London police said a man was stabbed downtown early Sunday. Const. Jane Roe said the suspect, "
            "of St. Thomas, Ont., was arrested. The RCMP and provincial police were not involved.")
    assert resolve_all(gaz, text, "London") == [LONDON_ON]


def test_an_international_story_keeps_london_in_england(gaz):
    text = "Leaders met in London on Monday before flying to Berlin and Paris for talks on trade."
    assert resolve_all(gaz, text, "London", "Berlin", "Paris")[0] == LONDON_GB


def test_a_named_state_picks_its_town_among_namesakes(gaz):
    text = ("Dublin City Council approved the budget on Monday. The suburb is one of the fastest growing in "
            "Ohio, and the county sheriff's office will add deputies.")
    assert resolve_all(gaz, text, "Dublin") == [DUBLIN_OH]


def test_a_town_named_like_a_country_does_not_take_the_home_prior(gaz):
    text = ("The county sheriff's deputies and the district attorney said the shipment came from Mexico, "
            "according to state troopers.")
    assert resolve_all(gaz, text, "Mexico") == [MEXICO]


# ---------------------------------------------------------------- given spans: forms of a place name


def test_a_state_abbreviation_span_is_the_state(gaz):
    text = "She moved to Tampa, Fla., last year."
    assert resolve_all(gaz, text, "Tampa", "Fla.")[1] == FLORIDA


def test_a_state_beats_its_small_namesake_towns(gaz):
    text = "The storm system reached as far as California by Thursday."
    assert resolve_all(gaz, text, "California") == [CALIFORNIA]


@pytest.mark.parametrize("text, surface, expected", [
    ("Many Ohioans voted early this year.", "Ohioans", OHIO),
    ("The English countryside was flooded.", "English", ENGLAND),
])
def test_words_for_inhabitants_given_as_spans_are_their_place(gaz, text, surface, expected):
    assert resolve_all(gaz, text, surface) == [expected]


def test_end_to_end_a_demonym_is_still_no_toponym(analyzer):
    analysis = analyzer.analyze(Article(text="Many Ohioans voted early in Columbus this year."))
    names = {p.name for p in analysis.places}
    assert "Ohio" not in names


def test_a_governor_makes_the_name_the_state(gaz):
    text = "The New York Gov. signed the budget on Friday."
    assert resolve_all(gaz, text, "New York") == [5128638]  # the state, not the city


def test_a_north_american_phone_number_counts_for_both_countries(gaz):
    loc = read_locale("Call the tip line at 555-234-5678.", gaz)
    assert loc.countries["US"] == loc.countries["CA"] > 0


def test_a_park_named_after_a_state_is_no_evidence(gaz):
    assert not read_locale("The rally was held in Victoria Park on Saturday.", gaz).admin1s


def test_a_deputy_mayor_is_no_sheriffs_deputy(gaz):
    assert read_locale("Deputy Mayor Jane Roe said the plan would pass.", gaz).countries["US"] == 0


def test_a_division_name_said_twice_counts_once_for_its_country(gaz):
    # "Brittany" here is a person; repeated, it must not make the story French.
    loc = read_locale("Her daughter, Brittany, was ill. Brittany had been taken to hospital twice.", gaz)
    assert loc.home is None
