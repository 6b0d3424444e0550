"""Parity: load every generated target as its own language does and compare it with the spec."""
