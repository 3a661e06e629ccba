"""Renderers of the document model: DOCX, HTML, Markdown and JSON."""
