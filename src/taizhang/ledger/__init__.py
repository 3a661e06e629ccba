"""Cadre portfolio ledgers: projects, indicators, work entries (分管工作台账)."""
