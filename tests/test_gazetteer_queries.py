"""Read-only gazetteer queries (``newsevents.gazetteer.queries``) on the built index."""

from __future__ import annotations

import pytest

from newsevents.gazetteer import load_gazetteer
from newsevents.gazetteer.queries import city_names


def test_city_names_are_the_cities_above_the_population():
    gazetteer = load_gazetteer()
    big = set(city_names(gazetteer, 50_000))
    assert {"Kharkiv", "Sumy", "Banda Aceh", "Nairobi"} <= big
    assert "Ukraine" not in big and "Kursk Oblast" not in big  # countries and divisions are not cities
    for name in ("Sumy", "Kurakhivka"):
        cities = [c.entry for c in gazetteer.lookup(name) if c.entry.feature == "city" and c.entry.name == name]
        assert cities, name
        assert (name in big) == any(e.pop >= 50_000 for e in cities)
    assert big < set(city_names(gazetteer, 10_000))


def test_city_names_refuse_a_negative_population():
    with pytest.raises(ValueError, match="min_population"):
        city_names(load_gazetteer(), -1)
