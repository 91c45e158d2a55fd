"""Each event filter on a store of hand-made analyses (Kyiv strike, Kharkiv clash, Moscow protest,
threat on Kursk Oblast, an undated meeting with no place)."""

from __future__ import annotations

import pytest

from newsevents.store import EventQuery, Near, QueryError, find_country, haversine_km, open_store
from tests.test_store_sample import samples


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("queries") / "events.db"
    with open_store(path) as s:
        with s.transaction():
            for analysis in samples():
                s.save_analysis(analysis, analyzer_version="test")
        yield s


def events(store, **filters) -> list[str]:
    """Matching events as 'title/event id', in the order returned."""
    return [f"{r.title}/{r.event.id}" for r in store.iter_events(EventQuery(**filters))]


ALL = ["Threat/e1", "Drones hit Kyiv/e1", "Clashes near Kharkiv/e1", "Clashes near Kharkiv/e2", "Meeting/e1"]


def test_no_filter_lists_every_event_newest_first(store):
    assert events(store) == ALL


def test_limit(store):
    assert events(store, limit=2) == ALL[:2]


@pytest.mark.parametrize("wanted, expected", [
    (("ASSAULT",), ["Threat/e1", "Drones hit Kyiv/e1", "Clashes near Kharkiv/e1"]),
    (("protest",), ["Clashes near Kharkiv/e2"]),  # PLOVER type, any case
    (("Battles",), ["Clashes near Kharkiv/e1"]),  # ACLED event type
    (("air/drone strike",), ["Drones hit Kyiv/e1"]),  # ACLED sub-event type
    (("CONSULT", "PROTEST"), ["Clashes near Kharkiv/e2", "Meeting/e1"]),
])
def test_type(store, wanted, expected):
    assert events(store, types=wanted) == expected


@pytest.mark.parametrize("country", ["UA", "ua", "UKR", "Ukraine"])
def test_country_accepts_codes_and_names(store, country):
    assert events(store, country=country) == ["Drones hit Kyiv/e1", "Clashes near Kharkiv/e1"]


def test_country_of_other_places(store):
    assert events(store, country="Russian Federation") == ["Threat/e1", "Clashes near Kharkiv/e2"]


def test_unknown_country_is_an_error(store):
    with pytest.raises(QueryError, match="Atlantis"):
        events(store, country="Atlantis")


def test_actor_matches_any_role_by_part_of_the_name(store):
    assert events(store, actor="russian") == ["Drones hit Kyiv/e1", "Clashes near Kharkiv/e1"]
    assert events(store, actor="civilians") == ["Drones hit Kyiv/e1"]  # a recipient
    assert events(store, actor="witness") == ["Clashes near Kharkiv/e2"]  # attributed_to


def test_place_by_name_or_geonames_id(store):
    assert events(store, place="kharkiv") == ["Clashes near Kharkiv/e1"]
    assert events(store, place="703448") == ["Drones hit Kyiv/e1"]
    assert events(store, place="100%_") == []  # LIKE wildcards are taken literally


def test_admin1_matches_the_division_or_a_place_inside_it(store):
    assert events(store, admin1="Kursk") == ["Threat/e1"]  # the admin1 place itself
    assert events(store, admin1="kharkiv oblast") == ["Clashes near Kharkiv/e1"]  # a city inside it


def test_since_until_use_the_event_date_then_the_publication_date(store):
    assert events(store, since="2025-06-01") == ["Threat/e1", "Drones hit Kyiv/e1"]
    assert events(store, until="2025-05-18") == ["Clashes near Kharkiv/e2", "Meeting/e1"]
    assert events(store, since="2025-05", until="2025-05") == ["Clashes near Kharkiv/e1", "Clashes near Kharkiv/e2"]
    # The threat is dated "2025-08" (the whole month): any overlap with the range counts.
    assert events(store, since="2025-08-31") == ["Threat/e1"]
    # The meeting has no date: its article's publication day (2024-12-01) stands in.
    assert events(store, since="2024-12", until="2024-12") == ["Meeting/e1"]


def test_bad_date_is_an_error(store):
    with pytest.raises(QueryError, match="--since"):
        events(store, since="last week")


def test_status(store):
    assert events(store, status="threatened") == ["Threat/e1"]


def test_near_keeps_events_within_the_radius(store):
    kyiv = (50.45, 30.52)
    assert events(store, near=Near(*kyiv, 25)) == ["Drones hit Kyiv/e1"]
    # Kharkiv is ~411 km from Kyiv, Kursk Oblast's point ~401 km, Moscow ~750 km.
    assert events(store, near=Near(*kyiv, 420)) == ["Threat/e1", "Drones hit Kyiv/e1", "Clashes near Kharkiv/e1"]
    assert events(store, near=Near(*kyiv, 405)) == ["Threat/e1", "Drones hit Kyiv/e1"]
    assert events(store, near=Near(*kyiv, 395)) == ["Drones hit Kyiv/e1"]
    assert events(store, near=Near(*kyiv, 420), limit=1) == ["Threat/e1"]


def test_near_checks_the_true_distance_not_the_bounding_box(store):
    # Kursk Oblast's point (51.5, 36.0) is near a corner of the box around (50.7, 35.1) with 100 km:
    # inside the box, but ~109 km away in fact.
    near = Near(50.7, 35.1, 100)
    lat_min, lat_max, lon_min, lon_max = near.bounding_box()
    assert lat_min <= 51.5 <= lat_max and lon_min <= 36.0 <= lon_max
    assert haversine_km(50.7, 35.1, 51.5, 36.0) > 100
    assert events(store, near=near) == []


def test_near_across_the_antimeridian_and_at_a_pole():
    assert Near(0, 179.9, 100).bounding_box()[2:] == (None, None)
    assert Near(89.9, 0, 50).bounding_box()[2:] == (None, None)
    assert Near(0, 179.9, 100).contains(0, -179.9)


@pytest.mark.parametrize("text", ["50,30", "a,b,c", "95,30,10", "50,30,-1"])
def test_near_rejects_malformed_values(text):
    with pytest.raises(QueryError, match="--near"):
        Near.parse(text)


def test_filters_combine(store):
    assert events(store, country="UA", types=("Battles",), since="2025-05-01", actor="ukrainian") == [
        "Clashes near Kharkiv/e1"]
    assert events(store, country="UA", status="threatened") == []


def test_records_resolve_actors_places_and_evidence(store):
    [record] = store.iter_events(EventQuery(place="Kyiv"))
    assert [a.name for a in record.actors] == ["Russian forces"]
    assert [a.name for a in record.recipients] == ["civilians"]
    assert record.first_place.geonameid == 703448
    assert record.evidence_text.startswith("Russian forces struck Kyiv")
    assert record.trigger_text == "struck"
    assert record.outlet == "Kyiv Independent"


def test_haversine_known_distance():
    # Kyiv to Kharkiv is about 410 km along the great circle.
    assert 400 < haversine_km(50.4547, 30.5238, 49.9808, 36.2527) < 420


def test_country_lookup():
    assert find_country("Türkiye").iso2 == "TR"
    assert find_country("the Gambia").iso3 == "GMB"
    assert find_country("usa").iso2 == "US"
    assert find_country("") is None
