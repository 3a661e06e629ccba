"""Tests of the pure-Python document writer."""
