"""Places: toponyms recognised and resolved to GeoNames. (First version: NER only, unresolved.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.model import Place


@register_extractor("places")
def make_place_extractor(config: dict[str, Any]) -> PlaceExtractor:
    return PlaceExtractor()


class PlaceExtractor:
    def __call__(self, ex: Extraction) -> None:
        by_name: dict[str, Place] = {}
        for ent in ex.doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            place = by_name.get(ent.text)
            if place is None:
                place = by_name[ent.text] = Place(id=ex.new_id("p"), name=ent.text, feature="other")
                ex.places.append(place)
            place.mentions.append((ent.start_char, ent.end_char))
