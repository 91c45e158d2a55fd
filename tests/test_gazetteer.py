"""The offline gazetteer: the built index (real SQLite file from `make`), name keys, lookups, errors."""

from __future__ import annotations

import pytest

from newsevents.gazetteer import Gazetteer, GazetteerMissing, load_gazetteer, name_key
from newsevents.gazetteer.build import NameKind
from newsevents.gazetteer.cues import span_cues
from newsevents.gazetteer.normalize import variant_key
from newsevents.gazetteer.resolve import Resolver, lookup_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize("a, b", [
    ("Kyiv", "KYIV"), ("Türkiye", "Turkiye"), ("Tver’ Oblast", "Tver' Oblast"), ("St.-Petersburg", "Saint Petersburg"),
    ("U.S.", "US"), ("Ivano-Frankivsk", "Ivano Frankivsk"), ("Łódź", "Lodz"),
])
def test_name_key_folds_spelling_variants(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Schastya", "Shchastya"), ("Lysichansk", "Lysychansk"), ("Pervomayskoye", "Pervomaiske"),
    ("Stanitsa Luganskaya", "Stanytsya-Luhanska"),
])
def test_variant_key_folds_transliterations(a, b):
    assert variant_key(name_key(a)) == variant_key(name_key(b))


def test_transliteration_variants_are_a_fallback(gaz):
    found = gaz.lookup_keys([name_key("Schastya")], variants=True)[name_key("Schastya")]
    assert [c.entry.gid for c in found] == [694725] and found[0].kind == NameKind.VARIANT
    assert gaz.lookup_keys([name_key("Schastya")]) == {}  # exact lookups stay exact
    kyiv = gaz.lookup_keys([name_key("Kyiv")], variants=True)[name_key("Kyiv")]
    assert all(c.kind != NameKind.VARIANT for c in kyiv)  # a known name never falls back


def test_name_key_keeps_different_names_apart():
    assert name_key("Kursk") != name_key("Kirsk")
    assert name_key("") == ""
    assert name_key("!!!") == ""


def _ids(gaz: Gazetteer, name: str) -> set[int]:
    return {c.entry.gid for c in lookup_name(gaz, name)[0]}


@pytest.mark.parametrize("name, gid", [
    ("Kiev", 703448), ("Kyiv", 703448),  # the capital, both spellings
    ("Kharkov", 706483), ("Kharkiv", 706483),
    ("Zaporozhye", 687700), ("Zaporizhzhia", 687700), ("Zaporizhia", 687699),
    ("Türkiye", 298795), ("Turkey", 298795),
    ("Kursk Oblast", 538555), ("Kursk", 538555), ("Kursk", 538560),  # the oblast and the city
    ("Ryazan", 500059), ("Amur", 2027748), ("Istanbul", 745044),
    ("Gaza Strip", 281132), ("Crimea", 703883), ("Walker County", 4739690),
])
def test_lookup_finds_variants(gaz, name, gid):
    assert gid in _ids(gaz, name)


def test_regions_we_add_are_there(gaz):
    for name in ("Siberia", "Far East", "Russian Far East", "Donbas", "Donbass", "Sahel", "Balkans", "Caucasus",
                 "Kurdistan"):
        regions = [c.entry for c in gaz.lookup(name) if c.entry.feature == "region"]
        assert regions, name
        assert all(r.lat is not None and r.lon is not None for r in regions)
    siberia = next(c.entry for c in gaz.lookup("Siberia") if c.entry.feature == "region")
    assert siberia.cc == "RU" and siberia.geonameid is None  # no verified GeoNames id: None, not made up


def test_demonyms_point_at_countries(gaz):
    hits = [c for c in gaz.lookup("Russian") if c.kind == NameKind.DEMONYM]
    assert [c.entry.gid for c in hits] == [2017370]
    assert any(c.entry.gid == 690791 for c in gaz.lookup("Ukrainians") if c.kind == NameKind.DEMONYM)


def test_entries_carry_admin_hierarchy(gaz):
    kursk_city = gaz.get(538560)
    assert kursk_city.feature == "city" and kursk_city.cc == "RU" and kursk_city.admin1_name == "Kursk"
    assert gaz.admin1("RU", kursk_city.admin1).gid == 538555
    assert gaz.country("UA").gid == 690791
    alexandria_la = gaz.get(4314550)
    assert alexandria_la.admin2 == 4338356  # Rapides Parish
    assert gaz.get(999999999) is None


def test_missing_index_names_make(tmp_path):
    with pytest.raises(GazetteerMissing, match="make"):
        Gazetteer(tmp_path / "nope.sqlite")


def test_cues_from_surrounding_words():
    text = "Bridges in Russia's Bryansk and Kursk border regions collapsed; the city of Kharkiv; Horlivka, Donetsk."
    names = ["Russia", "Bryansk", "Kursk", "Kharkiv", "Horlivka", "Donetsk"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    cues = span_cues(text, spans)
    kinds = dict(zip(names, (c.kind for c in cues)))
    assert kinds["Bryansk"] == kinds["Kursk"] == "admin1"
    assert kinds["Kharkiv"] == "city"
    assert kinds["Russia"] is None
    assert cues[names.index("Horlivka")].qualifier == names.index("Donetsk")


def test_colon_list_cue_skips_locators():
    text = "Drones hit several regions: Murmansk in the north, Irkutsk in Siberia. Later, Omsk."
    names = ["Murmansk", "Irkutsk", "Siberia", "Omsk"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    kinds = [c.kind for c in span_cues(text, spans)]
    assert kinds == ["admin1", "admin1", None, None]


def _resolve(gaz, text, names):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return Resolver(gaz).resolve(text, spans)


def test_form_and_qualifier_decide(gaz):
    r = _resolve(gaz, "Shelling hit the Kursk region. Kursk Oblast officials said.", ["Kursk", "Kursk Oblast"])
    assert [x.entry.gid for x in r] == [538555, 538555]
    r = _resolve(gaz, "Fighting near Kalynivka, Donetsk, and in the city of Kursk.", ["Kalynivka", "Donetsk", "Kursk"])
    assert r[0].entry.admin1_name == "Donetsk" and r[0].entry.cc == "UA"
    assert r[2].entry.gid == 538560
    r = _resolve(gaz, "Police in Alexandria, La. arrested a man.", ["Alexandria", "La."])
    assert r[0].entry.gid == 4314550


def test_article_context_decides(gaz):
    # Paris alone is the French capital; with Texas around it, the Texan town.
    assert _resolve(gaz, "He flew to Paris.", ["Paris"])[0].entry.gid == 2988507
    r = _resolve(gaz, "In Texas, the Paris city council met; Lamar County officials attended.",
                 ["Texas", "Paris", "Lamar County"])
    assert r[1].entry.cc == "US" and r[1].entry.admin1 == "TX"


def test_low_confidence_keeps_name_without_id(gaz):
    # A tiny village name shared by several countries, with no context: no confident answer.
    r = Resolver(gaz, min_confidence=0.99).resolve("They met in Ivanovka.", [(12, 21)])[0]
    assert r.entry is None and r.best is not None and 0 < r.confidence < 0.99


def test_unresolved_name_keeps_the_oblast_its_readings_share(gaz):
    # Three villages called Kharkivtsi, all in Poltava Oblast: which one is unknown, the oblast is not.
    r = Resolver(gaz, min_confidence=0.9).resolve("A fire broke out in Kharkivtsi.", [(20, 30)])[0]
    assert r.entry is None
    assert r.within is not None and r.within.feature == "admin1" and r.within.admin1_key == ("UA", "18")


@pytest.mark.parametrize(("capital", "cc"), [("Bogota", "CO"), ("Brasilia", "BR"), ("Lome", "TG"), ("Astana", "KZ")])
def test_capitals_spelled_otherwise_in_the_country_table_are_tagged(gaz, capital, cc):
    # the country table writes "Bogota" and "Nur-Sultan"; the city list "Bogotá" and "Astana"
    cands, _ = lookup_name(gaz, capital)
    assert any(c.entry.cc == cc and c.entry.fcode == "PPLC" for c in cands)
