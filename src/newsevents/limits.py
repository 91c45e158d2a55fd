"""Limits every stage agrees on, kept free of heavy imports so readers can check them cheaply."""

# spaCy's default ceiling on one text; longer articles are rejected by the readers with a clear error.
MAX_CHARS = 1_000_000
