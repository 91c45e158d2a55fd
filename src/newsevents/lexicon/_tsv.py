"""Reading the lexicon TSVs: a header line, '#' comments, '|'-separated lists, clear errors."""

from __future__ import annotations

import re
from importlib import resources

SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "POL", "REB", "MED", "CVL", "BUS", "EDU", "REL", "HLH",
                     "IGO", "NGO", "OTH"})


def read_rows(filename: str) -> list[dict[str, str]]:
    """Rows of a TSV in this package as dicts keyed by the header; blank cells are ''."""
    text = resources.files("newsevents.lexicon").joinpath(filename).read_text(encoding="utf-8")
    header: list[str] | None = None
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ValueError(f"{filename} line {lineno}: {len(cells)} columns, the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        sector = row.get("sector")
        if sector and sector not in SECTORS:
            raise ValueError(f"{filename} line {lineno}: unknown sector {sector!r}")
        rows.append(row)
    return rows


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


class FormIndex:
    """Surface forms to records: folded (case/diacritic-insensitive) keys, except short capital
    abbreviations ("UN", "ICC"), which only match as written because lower-case they are words."""

    def __init__(self) -> None:
        from newsevents.lexicon.countries import fold

        self._fold = fold
        self.exact: dict[str, object] = {}
        self.folded: dict[str, object] = {}
        self.max_words = 1
        self.first_words: set[str] = set()  # folded first words of all forms, to skip hopeless starts
        self.last_words: set[str] = set()  # folded last words of all forms, to skip hopeless ends
        self.prefixes: set[str] = set()  # every leading substring of every folded form

    def add(self, form: str, record: object) -> None:
        from newsevents.lexicon.countries import is_case_sensitive_form

        form = re.sub(r"^[Tt]he\s+", "", form.strip())
        if not form:
            return
        from newsevents.lexicon.countries import edge_words

        folded = self._fold(form)
        firsts, lasts = edge_words(folded)
        self.first_words |= firsts
        self.last_words |= lasts
        self.prefixes.update(folded[:k] for k in range(1, len(folded) + 1))
        if is_case_sensitive_form(form):
            self.exact.setdefault(form, record)
        else:
            key = self._fold(form)
            self.folded.setdefault(key, record)
            self.max_words = max(self.max_words, len(key.split()))

    def may_start(self, word: str) -> bool:
        """False when no form begins with this word (a cheap test before trying longer spans)."""
        from newsevents.lexicon.countries import may_be_edge

        return may_be_edge(word, self.first_words, True)

    def may_end(self, word: str) -> bool:
        """False when no form ends with this word (or with the last part of a hyphenated word)."""
        from newsevents.lexicon.countries import may_be_edge

        return may_be_edge(word, self.last_words, False)

    def may_continue(self, text: str) -> bool:
        """False when no form begins with this text, so no longer text starting with it is a form either."""
        return self._fold(text) in self.prefixes

    def get(self, text: str) -> object | None:
        text = text.strip()
        hit = self.exact.get(text)
        if hit is None and text.lower().startswith("the "):
            hit = self.exact.get(text[4:].strip())
        return hit if hit is not None else self.folded.get(self._fold(text))
