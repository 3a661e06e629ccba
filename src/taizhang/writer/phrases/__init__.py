"""Phrase banks: original sentences in the official register, several per slot."""
