"""Year-end documents: Django side of the writer (facts from registers, editor)."""
