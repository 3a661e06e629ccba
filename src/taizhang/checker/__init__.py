"""Document checker (文稿校对): pure Python rules over text, no Django."""
