"""PostgreSQL only: an index that serves text searches of one and two characters.

Trigram indexes (0003) serve terms of three characters and more; a shorter term left the
list scanning the scope. ``taizhang_grams(text)`` lists every character and every pair of
adjacent characters of a text; GIN indexes on it over the upper-cased title and code let
a search of one or two characters read exactly the matching cases (cases/selectors.py).
Its high COST tells the planner that evaluating it row by row (a scan with a filter) is
dearer than reading the index.
Other databases skip this step and scan.
"""

from __future__ import annotations

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION taizhang_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i
) AS grams $$
"""
INDEXES = {
    "case_title_grams": "title",
    "case_code_grams": "code",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON cases_case "
            f"USING gin (taizhang_grams(UPPER({column}::text)))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute("DROP FUNCTION IF EXISTS taizhang_grams(text)")


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_notices")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
