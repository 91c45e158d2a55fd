"""Lexicons the extractors share: countries, organisations, roles and sectors, prominent people.

Each lexicon is a data file we write (TSV beside its loader) plus a small module that loads it once.
"""
