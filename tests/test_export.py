"""Export formats over a store of hand-made analyses: jsonl, acled-csv, geojson, parquet, csv; the registry."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pyarrow.parquet as pq
import pytest

from newsevents.export import get_exporter, register_exporter, registered_exporters
from newsevents.export.acled import ACLED_COLUMNS, inter_code, interaction
from newsevents.model import Actor
from newsevents.store import EventQuery, open_store
from newsevents.store.queries import FLAT_COLUMNS
from tests.test_store_sample import SCHEMA, samples, strike_on_kyiv

# ACLED's own column names, as in its exports and codebook.
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                "notes,fatalities,tags,timestamp")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("export") / "events.db") as s:
        with s.transaction():
            for analysis in samples():
                s.save_analysis(analysis, analyzer_version="test", analyzed_at="2025-06-03T12:00:00+00:00")
        yield s


def export(store, fmt: str, query: EventQuery | None = None) -> tuple[bytes, int]:
    out = io.BytesIO()
    count = get_exporter(fmt).write(store, out, query or EventQuery())
    return out.getvalue(), count


def test_builtin_formats_are_registered():
    assert {"jsonl", "acled-csv", "geojson", "parquet", "csv"} <= set(registered_exporters())
    assert get_exporter("parquet").binary and not get_exporter("geojson").binary
    with pytest.raises(KeyError, match="known: "):
        get_exporter("xlsx")


def test_a_registered_exporter_is_found_by_name(store):
    @register_exporter("count-test", suffix=".txt", description="test only")
    def write_count(store, out, query):
        out.write(str(len(list(store.iter_events(query)))).encode())
        return 1

    assert "count-test" in registered_exporters()
    assert export(store, "count-test") == (b"5", 1)


def test_jsonl_is_one_schema_valid_analysis_per_line(store):
    data, count = export(store, "jsonl")
    lines = data.decode("utf-8").splitlines()
    assert count == len(lines) == len(samples())
    for line in lines:
        jsonschema.validate(json.loads(line), SCHEMA)
    assert sorted(json.loads(line)["article"]["id"] for line in lines) == sorted(a.article.id for a in samples())
    by_id = {json.loads(line)["article"]["id"]: json.loads(line) for line in lines}
    kyiv = strike_on_kyiv()
    assert by_id[kyiv.article.id] == kyiv.to_dict()


def test_jsonl_with_a_filter_keeps_the_articles_with_a_matching_event(store):
    data, count = export(store, "jsonl", EventQuery(country="RU"))
    titles = sorted(json.loads(line)["article"]["title"] for line in data.decode().splitlines())
    assert count == 2 and titles == ["Clashes near Kharkiv", "Threat"]


def test_acled_csv_has_acleds_columns_and_only_acled_typed_events(store):
    data, count = export(store, "acled-csv")
    text = data.decode("utf-8")
    assert text.splitlines()[0] == ACLED_HEADER
    assert tuple(ACLED_HEADER.split(",")) == ACLED_COLUMNS
    rows = {r["sub_event_type"]: r for r in csv.DictReader(io.StringIO(text))}
    assert count == 3 and set(rows) == {"Air/drone strike", "Armed clash", "Peaceful protest"}

    strike = rows["Air/drone strike"]
    assert strike["event_date"] == "2025-06-01" and strike["year"] == "2025" and strike["time_precision"] == "1"
    assert strike["disorder_type"] == "Political violence"
    assert strike["event_type"] == "Explosions/Remote violence"
    assert (strike["actor1"], strike["actor2"]) == ("Russian forces", "civilians")
    # Russian state forces acting in Ukraine are "external forces" (8); civilians are 7.
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["country"], strike["admin1"], strike["location"]) == (
        "804", "Ukraine", "Kyiv City", "Kyiv")
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == ("50.4547", "30.5238", "1")
    assert strike["source"] == "Kyiv Independent"
    assert strike["notes"] == "Russian forces struck Kyiv with drones on June 1, killing three civilians."
    assert strike["fatalities"] == "3"
    assert strike["timestamp"] == "1748952000"

    clash = rows["Armed clash"]
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("1", "8", "18")
    assert clash["geo_precision"] == "2" and clash["fatalities"] == "0" and clash["civilian_targeting"] == ""

    protest = rows["Peaceful protest"]
    assert (protest["disorder_type"], protest["inter1"], protest["interaction"]) == ("Demonstrations", "6", "60")
    assert protest["country"] == "Russia" and protest["iso"] == "643"


def test_inter_codes():
    state = Actor("a", "Police", "organization", "UKR", "COP")
    assert inter_code(state, "Battles", "UKR", first=True) == 1
    assert inter_code(state, "Battles", "POL", first=True) == 8
    assert inter_code(Actor("b", "rebels", "group", None, "REB"), "Battles", "UKR", first=False) == 2
    assert inter_code(Actor("c", "someone", "person"), "Battles", "UKR", first=True) is None
    assert inter_code(None, "Battles", "UKR", first=False) == 0
    assert inter_code(None, "Battles", "UKR", first=True) is None  # unknown, not "no actor"
    assert interaction(1, 0) == "10" and interaction(8, 1) == "18" and interaction(None, 1) == ""


def test_geojson_points_with_precision_and_geonames_id(store):
    data, count = export(store, "geojson")
    collection = json.loads(data)
    assert collection["type"] == "FeatureCollection" and count == len(collection["features"]) == 5
    by_id = {f"{f['properties']['title']}/{f['properties']['event_id']}": f for f in collection["features"]}
    kyiv = by_id["Drones hit Kyiv/e1"]
    assert kyiv["type"] == "Feature"
    assert kyiv["geometry"] == {"type": "Point", "coordinates": [30.5238, 50.4547]}  # lon, lat
    props = kyiv["properties"]
    assert (props["place_precision"], props["geonameid"], props["place"]) == ("city", 703448, "Kyiv")
    assert props["actors"] == ["Russian forces"] and props["mode"] == ["aerial"]
    assert by_id["Threat/e1"]["properties"]["place_precision"] == "admin1"
    # No place, no coordinates: kept, with a null geometry.
    meeting = by_id["Meeting/e1"]
    assert meeting["geometry"] is None and meeting["properties"]["place_precision"] == "unknown"


def test_geojson_honours_filters(store):
    data, count = export(store, "geojson", EventQuery(country="UA"))
    assert count == 2
    assert {f["properties"]["country"] for f in json.loads(data)["features"]} == {"UA"}


def test_parquet_reads_back_one_row_per_event(store, tmp_path):
    path = tmp_path / "events.parquet"
    with open(path, "wb") as out:
        count = get_exporter("parquet").write(store, out, EventQuery())
    table = pq.read_table(path)
    assert count == table.num_rows == 5
    assert table.column_names == [*FLAT_COLUMNS, "geonameids"]
    rows = {(r["title"], r["event_id"]): r for r in table.to_pylist()}
    kyiv = rows[("Drones hit Kyiv", "e1")]
    assert kyiv["actors"] == ["Russian forces"] and kyiv["geonameids"] == [703448]
    assert kyiv["latitude"] == pytest.approx(50.4547) and kyiv["fatalities_min"] == 3
    assert rows[("Meeting", "e1")]["latitude"] is None


def test_empty_parquet_export_still_has_its_columns(store, tmp_path):
    path = tmp_path / "none.parquet"
    with open(path, "wb") as out:
        assert get_exporter("parquet").write(store, out, EventQuery(country="FR")) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and "geonameid" in table.column_names


def test_events_csv_rows(store):
    data, count = export(store, "csv", EventQuery(types=("PROTEST",)))
    [row] = list(csv.DictReader(io.StringIO(data.decode())))
    assert count == 1
    assert tuple(row) == FLAT_COLUMNS
    assert (row["place"], row["country"], row["actors"], row["attributed_to"]) == (
        "Moscow", "RU", "protesters", "witnesses")


def test_flat_columns_match_the_records(store):
    for record in store.iter_events():
        assert tuple(record.flat()) == FLAT_COLUMNS
