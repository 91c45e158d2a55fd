"""Quotation marks: find the quoted stretches of a text in every style news uses.

Styles: “ ” (English), „ “ and „ ” (German, Polish), « » (French, Russian), ‘ ’ (single curly),
`` '' (PTB-tokenised corpora), and straight " ". A quotation may run over several paragraphs the way
newspapers write them: the paragraph ends without a closing mark and the next one opens again.
An opening mark with no closing mark in its paragraph (and no continuation) is dropped, so one stray
mark never flips the pairing of the rest of the text. Linear in the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

# opening mark -> closing marks it accepts
_PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", "„"), "„": ("“", "”"), "«": ("»",), "‹": ("›",), "‘": ("’",), "‚": ("‘", "’"), "``": ("''",),
    '"': ('"',),
}
_OPENERS = ("``", "“", "„", "«", "‹", "‘", "‚", '"')
# Characters that may stand right before an opening mark (a mark after a letter closes, or is an apostrophe).
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | {""}
QUOTE_CHARS = frozenset("“”„«»‹›‘’‚\"'`")


@dataclass(frozen=True)
class Quotation:
    """One quoted stretch. ``start``/``end`` enclose the words (marks excluded); end exclusive."""

    start: int
    end: int
    open_mark: int  # index of the opening mark
    close_mark: int  # index of the closing mark (the last one, for a quotation over paragraphs)
    style: str  # the opening mark
    paragraphs: int = 1

    @property
    def outer(self) -> tuple[int, int]:
        """The span with its marks."""
        close_len = 2 if self.style == "``" else 1
        return self.open_mark, self.close_mark + close_len


def _opener_at(text: str, i: int) -> str | None:
    ch = text[i]
    if text.startswith("``", i):
        return "``"
    if ch not in _PAIRS:
        return None
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in ("‘", '"'):
        # an opener sits at a word's start and is followed by the word, not by a space
        if prev not in _BEFORE_OPEN and prev not in QUOTE_CHARS or not nxt or nxt.isspace():
            return None
        if ch == "‘" and nxt.isdigit():  # ‘90s
            return None
    if ch in ("“", "„", "«", "‹", "‚") and (not nxt or nxt.isspace() and ch != "«"):
        return None
    return ch


def _closer_at(text: str, i: int, style: str) -> int:
    """Length of a closing mark for ``style`` at i (0 if none)."""
    if style == "``":
        return 2 if text.startswith("''", i) else 0
    ch = text[i]
    if ch not in _PAIRS[style]:
        return 0
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if style == "‘" and nxt.isalpha():  # an apostrophe inside a single-quoted stretch: don’t
        return 0
    if style == '"' and nxt.isalnum() and i > 0 and text[i - 1].isspace():
        return 0  # looks like the next opening mark, not a close
    return 1


def find_quotations(text: str) -> list[Quotation]:
    """Every top-level quotation, in text order. Nested quotations stay inside their outer one."""
    out: list[Quotation] = []
    n = len(text)
    i = 0
    while i < n:
        style = _opener_at(text, i)
        if style is None:
            i += 1
            continue
        open_mark = i
        j = i + len(style)
        start = j
        paragraphs = 1
        close = -1
        while j < n:
            if text[j] == "\n":
                # a quotation over paragraphs: the next paragraph opens with the same mark again
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text.startswith(style, k) and _continues(text, k, style):
                    paragraphs += 1
                    j = k + len(style)
                    continue
                break
            width = _closer_at(text, j, style)
            if width:
                close = j
                break
            j += 1
        if close < 0:
            i = open_mark + len(style)  # unbalanced: drop this mark, keep scanning after it
            continue
        if close > start:
            out.append(Quotation(start, close, open_mark, close, style, paragraphs))
        i = close + (2 if style == "``" else 1)
    return out


def _continues(text: str, k: int, style: str) -> bool:
    """Is the mark at k, at a paragraph's start, the reopening of a quotation rather than a new one?

    Newspapers reopen without closing; a new quotation would have closed the previous paragraph's.
    Either way the paragraph starts with the mark, so a reopening is accepted when that paragraph
    closes the mark somewhere (otherwise the stretch would run on without end).
    """
    end = text.find("\n", k)
    end = len(text) if end < 0 else end
    j = k + len(style)
    while j < end:
        if _closer_at(text, j, style):
            return True
        j += 1
    return False


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, quotation marks and sentence punctuation from both ends of [start, end)."""
    trim = set(" \t\n.,;:!?") | QUOTE_CHARS | {"—", "–"}
    # A span reaching past the text (a parse of other text than the stored one) is cut to the text.
    start, end = max(0, start), min(end, len(text))
    while start < end and text[start] in trim:
        start += 1
    while end > start and text[end - 1] in trim:
        end -= 1
    return start, end
