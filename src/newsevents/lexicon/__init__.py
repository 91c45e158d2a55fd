"""Lexicons the extractors share: countries, organisations, roles and sectors, prominent people.

Each lexicon is a data file we write (TSV beside its loader) plus a small module that loads it once.
"""

# Wire-service slugs that number a story's versions ("UPDATE 2-Thirteen killed", "WRAPUP 1-..."): the
# number after one is the version, never a count. Lower case; compare the token lower-cased.
WIRE_SLUGS = frozenset({"update", "wrapup", "refile", "corrected", "rpt"})
