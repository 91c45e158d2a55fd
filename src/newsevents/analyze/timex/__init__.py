"""Time expressions: a rule grammar over the text, TIMEX3 values anchored to the publication date.

``TimexTagger().tag(text, published, doc)`` -> ``Timex`` records. The stages, one module each:
``grammar`` (atoms), ``compose`` (joins and modifiers), ``tense`` (the clause's tense from the parse),
``resolve`` (anchoring), ``calendar`` (date arithmetic and TIMEX3 values).
"""

from newsevents.analyze.timex.calendar import Point, parse_iso_date, point_from_value, precision_of
from newsevents.analyze.timex.tagger import Timex, TimexTagger

__all__ = ["Point", "Timex", "TimexTagger", "parse_iso_date", "point_from_value", "precision_of"]
