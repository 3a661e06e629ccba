"""Composers: one pure function per document kind, Facts -> Document."""
