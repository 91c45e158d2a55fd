import json
from importlib import resources


def test_vendored_schema_equals_shared(shared):
    vendored = json.loads(resources.files("newsevents").joinpath("schema/analysis.schema.json").read_text())
    original = json.loads((shared / "schema" / "analysis.schema.json").read_text())
    assert vendored == original
