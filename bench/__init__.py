"""Benchmark harness for codegen (issue 8): see bench/run.py."""
