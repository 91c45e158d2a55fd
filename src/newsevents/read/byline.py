"""The outlet named by a wire byline at the very start of a body.

News bodies often open with a dateline and the wire in parentheses or slashes:
"(MENAFN) Russian ...", "KYIV, June 2 (Reuters) - ...", "BEIRUT, Lebanon (AP) — ...",
"NEW DELHI, June 2 (Xinhua) -- ...", "LONDON, June 2, 2025 /PRNewswire/ -- ...", "(CNN)The ...".
The text itself is never changed (every offset refers to it); only ``Article.outlet`` is filled, and only
when the input did not name an outlet.
"""

from __future__ import annotations

import re

# An outlet: a short name starting with a letter, no digits at its start (not "(2)"), at most five words.
_OUTLET = r"[A-Za-z][A-Za-z0-9&.'’\-]*(?: [A-Za-z0-9&.'’\-]+){0,4}"
# A dateline before it: a place in capitals or title case, then up to two comma-separated parts
# ("Lebanon", "June 2", "2025").
_PLACE = r"[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,3}"
_DATELINE = rf"{_PLACE}(?:, [A-Za-z0-9.'’ ]{{1,30}}?){{0,2}} ?"
_BYLINE = re.compile(
    rf"^(?:{_DATELINE})?(?:\( ?(?P<paren>{_OUTLET}) ?\)|/(?P<slash>{_OUTLET})/)"
    # After it: a dash (older AP copy uses "_"), or the first sentence starting straight away.
    r" *(?:-{1,2}|[–—:_]|(?=[A-Z\"“‘']))"
)
# Parenthesised openers that are editorial notes, not outlets.
_NOT_OUTLETS = {"update", "updated", "updates", "recasts", "corrected", "correction", "refile", "repeats",
                "adds", "photos", "photo", "video", "watch", "listen", "audio", "lead", "file", "breaking",
                "exclusive", "analysis", "opinion", "live", "editorial", "sponsored", "advertisement", "undated"}


def outlet_from_byline(text: str) -> str | None:
    """``"MENAFN"`` for ``"(MENAFN) Russian ..."``; None when the body does not open with a byline."""
    match = _BYLINE.match(text[:200])
    if not match:
        return None
    outlet = (match.group("paren") or match.group("slash")).strip()
    if outlet.split()[0].lower().strip(".") in _NOT_OUTLETS:
        return None
    return outlet
