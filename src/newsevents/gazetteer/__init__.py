"""Offline GeoNames gazetteer: built at set-up time (``build``), looked up in-process (``index``)."""

from newsevents.gazetteer.index import (
    Candidate,
    Gazetteer,
    GazetteerMissing,
    GeoEntry,
    default_path,
    load_gazetteer,
)
from newsevents.gazetteer.normalize import name_key

__all__ = ["Candidate", "Gazetteer", "GazetteerMissing", "GeoEntry", "default_path", "load_gazetteer", "name_key"]
