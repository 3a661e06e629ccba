"""Tests of the documents app."""
