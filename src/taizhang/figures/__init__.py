"""Figures registry: every figure with its provenance (数据口径)."""
