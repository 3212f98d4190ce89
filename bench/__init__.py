"""Benchmarks for docgen (run the scripts in this folder; see bench/bench_engine.py)."""
