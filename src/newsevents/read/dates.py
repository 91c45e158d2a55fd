"""Publication dates as inputs write them, to ISO 8601 ("2025-06-02" or "2025-06-02T09:30:00+00:00")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

# Written-out forms seen in article metadata; numeric forms other than year-first are ambiguous
# (is 02/06 the 2nd of June or February 6th?) and are refused rather than guessed.
_WRITTEN = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b. %d, %Y", "%Y/%m/%d",
            "%Y.%m.%d", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S")
# Unix times this side of 1990 and 2100 in seconds; milliseconds are recognised by their size.
_EPOCH_MIN, _EPOCH_MAX = 631_152_000, 4_102_444_800


def normalise_published(value: object) -> str | None:
    """ISO 8601 text for a date, a date-time or a Unix time; None for nothing; ValueError otherwise.

    Only whole dates are accepted: a bare month or year ("2025-06") is refused, since everything
    downstream reads ``published`` as a day.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date")
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date")
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{8}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(f"{value!r} is not a valid date") from None
    try:
        return _iso(datetime.fromisoformat(text.replace(" UTC", "Z")))
    except ValueError:
        pass
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return _from_epoch(float(text))
    try:
        return _iso(parsedate_to_datetime(text))  # RFC 2822, the RSS form
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in _WRITTEN:
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        return _iso(parsed) if "%H" in pattern else parsed.date().isoformat()
    raise ValueError(f"{value!r} is not a date")


def _from_epoch(seconds: float) -> str:
    if seconds > _EPOCH_MAX * 100:  # milliseconds
        seconds /= 1000
    if not _EPOCH_MIN <= seconds <= _EPOCH_MAX:
        raise ValueError(f"{seconds!r} is not a plausible Unix time")
    return _iso(datetime.fromtimestamp(seconds, tz=UTC))


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
