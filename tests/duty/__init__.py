"""Tests of the duty app."""
