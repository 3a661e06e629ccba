"""Excel workbook import and export (LEDGER_FORMAT v1)."""
