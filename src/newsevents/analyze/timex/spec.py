"""What a time expression says, before it is anchored: the grammar's output, the resolver's input.

A ``Spec`` is a partial calendar description. Fields that the text fixes are set ("June 2": month 6,
day 2); fields it leaves to the reader are not (the year of "June 2" comes from the publication date
and the tense). Relative expressions carry a unit and an offset ("last week": week, -1) and say what
they are counted from: the publication date, or the time the text last mentioned (``anaphoric``: "the
next day", "a year earlier").
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


@dataclass
class Spec:
    kind: str = "date"  # date | time | duration | set
    # A value the text fixes by itself: durations (P18M), sets (P1W), PRESENT_REF, decades (199)...
    value: str | None = None
    # Calendar fields; None = not said.
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO 1-7
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP SU FA WI
    holiday: str | None = None
    week_of: bool = False  # "the week of March 6": the ISO week containing the date
    weekend: bool = False
    pod: str | None = None  # part of day: MO AF EV NI MI
    hour: int | None = None
    minute: int | None = None
    # Relative: ``offset`` units of ``unit`` from the anchor ("two years ago": year, -2).
    unit: str | None = None
    offset: int | None = None
    anaphoric: bool = False  # counted from the last mentioned time, not the publication date
    # For calendar fields without a year/week: -1 the last one before the anchor, +1 the next one,
    # 0 the one of the current period ("this Friday"), None: decided by the tense of the clause.
    direction: int | None = None
    strict: bool = False  # "last Friday" on a Friday means a week ago, not today
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, EQUAL_OR_MORE, ...
    end: Spec | None = None  # the end of an interval ("between 3 and 5 May")
    # Part of a larger expression only (a bare "morning"); dropped if it combines with nothing.
    standalone: bool = True
    # An interval written in one breath ("April 24 and 25", "1985-87"): where its two ends are written.
    part_spans: tuple[tuple[int, int], tuple[int, int]] | None = None
    rule: str = ""  # the grammar rule that produced it (for debugging and tests)
    notes: list[str] = field(default_factory=list)

    @property
    def has_calendar(self) -> bool:
        return any(getattr(self, f) is not None for f in ("year", "month", "day", "weekday", "quarter", "half",
                                                         "season", "holiday"))

    @property
    def has_clock(self) -> bool:
        return self.hour is not None or self.pod is not None

    @property
    def is_day(self) -> bool:
        """Names a single day (or a time in one): can carry a part of day or a clock time."""
        if self.kind not in ("date", "time") or self.end is not None or self.value is not None:
            return False
        if self.unit == "day" or self.weekday is not None or self.holiday is not None:
            return True
        return self.day is not None and self.month is not None

    def merged(self, other: Spec, **changes: object) -> Spec:
        """This spec with the fields ``other`` sets filled in (this one wins where both set a field)."""
        values = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name in ("notes",):
                values[f.name] = mine + theirs
            elif f.name in ("kind", "standalone", "rule", "part_spans"):
                continue
            elif mine is None or mine is False:
                values[f.name] = theirs
            else:
                values[f.name] = mine
        merged = replace(self, **values)
        merged.standalone = True
        merged.kind = "time" if merged.has_clock else merged.kind
        return replace(merged, **changes) if changes else merged
