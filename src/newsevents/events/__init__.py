"""Event coding: PLOVER and ACLED taxonomies, trigger lexicons, frames, status rules and the coder."""
