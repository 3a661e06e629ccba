"""PostgreSQL only: trigram GIN indexes for the list's text search (title and code).

The list searches with ``icontains``, which PostgreSQL runs as ``UPPER(col::text) LIKE
UPPER(%s)``; the indexes are on that expression. Other databases, or a PostgreSQL role
that may not create the pg_trgm extension, skip this step (the search still works, it
only scans the user's scope).
"""

from __future__ import annotations

from django.db import migrations, transaction

INDEXES = {
    "case_title_trgm": "title",
    "case_code_trgm": "code",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 — no privilege: keep the plain scan
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON cases_case "
            f"USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_list_and_figure_indexes")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
