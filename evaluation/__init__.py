"""Evaluation harness: scores newsevents on the gold dev shares in ../shared/data (read in place)."""
