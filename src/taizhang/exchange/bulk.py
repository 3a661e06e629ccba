"""Fast inserts for the import (the ORM's bulk_create costs ~10 µs a value).

SQLite: multi-row INSERT … RETURNING. PostgreSQL: ids drawn from the table's sequence, then
COPY in text format (psycopg's array dumping for INSERT … UNNEST costs more than the copy).
Values are already validated by the sheet specifications; this only adapts them for the
database the way each field's ``get_db_prep_save`` would and fills model defaults.
"""

from __future__ import annotations

import json

from django.db import connections, router

COPY_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
TEXT_TYPES = {"CharField", "TextField", "SlugField", "EmailField", "URLField"}
INT_TYPES = {"AutoField", "BigAutoField", "BigIntegerField", "IntegerField", "SmallIntegerField",
             "PositiveBigIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField"}  # fmt: skip

# Field types whose Python values go to the database unchanged on SQLite and PostgreSQL.
PLAIN = {
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "ForeignKey",
    "IntegerField", "PositiveBigIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SmallIntegerField", "TextField", "OneToOneField",
}  # fmt: skip


def _max_params(connection) -> int:
    if connection.vendor == "sqlite":
        raw = connection.connection
        try:
            import sqlite3

            return raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        except (AttributeError, TypeError):
            return 999
    return 60000


def _copy_text(field):
    """Return value -> COPY text for ``field``, or None when the type is not handled here."""
    kind = (field.target_field if field.is_relation else field).get_internal_type()
    if kind in TEXT_TYPES:
        return lambda v: v.translate(COPY_ESCAPE)
    if kind in INT_TYPES or kind == "DecimalField":
        return str
    if kind == "BooleanField":
        return lambda v: "t" if v else "f"
    if kind in ("DateField", "DateTimeField"):
        return lambda v: v.isoformat()
    if kind == "JSONField":
        return lambda v: json.dumps(v, ensure_ascii=False).translate(COPY_ESCAPE)
    return None


def _copy_rows(connection, model, fields, rows) -> list[int] | None:
    """PostgreSQL: take ids from the sequence and COPY the rows; None if a type is unknown."""
    texts = [_copy_text(f) for f in fields]
    if any(t is None for t in texts):
        return None
    meta = model._meta
    defaults = [f.get_default() for f in fields]
    names = [f.attname for f in fields]
    table = connection.ops.quote_name(meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(c) for c in [meta.pk.column, *(f.column for f in fields)]
    )
    plan = list(zip(names, defaults, texts, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, meta.pk.column, len(rows)],
        )
        pks = [r[0] for r in cursor.fetchall()]
        lines = []
        for pk, row in zip(pks, rows, strict=True):
            cells = [str(pk)]
            for name, default, text in plan:
                value = row.get(name, default)
                cells.append("\\N" if value is None else text(value))
            lines.append("\t".join(cells))
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for start in range(0, len(lines), 5000):
                copy.write("\n".join(lines[start : start + 5000]) + "\n")
    return pks


def insert_rows(model, rows: list[dict]) -> list[int]:
    """Insert ``rows`` (attname -> value) and return their new primary keys, in order."""
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    connection.ensure_connection()
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    if connection.vendor == "postgresql":
        pks = _copy_rows(connection, model, fields, rows)
        if pks is not None:
            return pks
    defaults, adapters = [], []
    for f in fields:
        defaults.append(f.get_default())  # callables (timezone.now) run once per call
        if f.get_internal_type() in PLAIN:
            adapters.append(None)
        else:
            adapters.append(lambda v, f=f: f.get_db_prep_save(v, connection))
    names = [f.attname for f in fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(meta.db_table)
    pk = connection.ops.quote_name(meta.pk.column)
    plan = list(zip(names, defaults, adapters, strict=True))
    unnest = connection.vendor == "postgresql" and not any(
        hasattr(f, "get_placeholder")
        or (f.target_field if f.is_relation else f).get_internal_type() not in connection.data_types
        for f in fields
    )
    if unnest:
        # As Django 5.2's bulk_create: one array per column keeps planning cheap.
        types = [f.db_type(connection).split("(")[0] for f in fields]
        source = "SELECT * FROM UNNEST(" + ", ".join(f"(%s)::{t}[]" for t in types) + ")"
        batch = 5000
    else:
        per_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        batch = max(1, min(2000, _max_params(connection) // len(fields)))
    pks: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            params = []
            for row in chunk:
                for name, default, adapt in plan:
                    value = row.get(name, default)
                    params.append(value if adapt is None or value is None else adapt(value))
            if unnest:
                width = len(plan)
                params = [params[i::width] for i in range(width)]
                values = source
            else:
                values = "VALUES " + ", ".join([per_row] * len(chunk))
            cursor.execute(f"INSERT INTO {table} ({columns}) {values} RETURNING {pk}", params)
            pks.extend(r[0] for r in cursor.fetchall())
    return pks
