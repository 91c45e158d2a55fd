"""Benchmarks: `make bench` writes benchmarks/results.json."""
