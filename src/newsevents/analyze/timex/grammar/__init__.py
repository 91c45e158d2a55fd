"""The grammar's atoms: regular patterns over the text, each with a builder that says what it means.

An atom is the smallest expression the grammar recognises on its own ("June 2", "Sunday", "last week",
"18 months", "3 p.m."). ``compose.py`` then joins neighbouring atoms ("Sunday" + "morning", "9 a.m." +
"Tuesday", "June" + "last year", "between 3" + "5 May") and adds modifiers ("early", "the end of").

Extents follow TimeML/TIMEX3: no leading preposition ("on Sunday" -> "Sunday"); determiners and
modifiers that change the meaning stay in ("the past two months", "last week", "over 18 months").
A pattern may match context it does not keep: the group ``x``, when present, is the extent.
"""

# The rule families register in this order; among atoms of equal length the earlier rule wins.
from newsevents.analyze.timex.grammar import dates, clock, lengths  # noqa: F401, I001
from newsevents.analyze.timex.grammar.anchors import RULES_BY_PRIORITY, build_atom, find_atoms
from newsevents.analyze.timex.grammar.base import RULES, Rule

__all__ = ["RULES", "RULES_BY_PRIORITY", "Rule", "build_atom", "find_atoms"]
