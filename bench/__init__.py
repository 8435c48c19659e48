"""Benchmarks: each prints its figures beside a same-run baseline. See bench/README.md."""
