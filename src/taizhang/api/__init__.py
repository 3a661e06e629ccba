"""Versioned JSON API (/api/v1/): tokens, rate limits, audit, intake and read endpoints."""
