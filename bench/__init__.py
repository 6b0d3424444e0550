"""Benchmark harness for codegen: see bench/run.py."""
