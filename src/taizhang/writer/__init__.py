"""Document writer: facts -> document model -> DOCX/HTML/Markdown/JSON, no Django."""
