"""Trigram (``pg_trgm``) indexes for search, created by migrations on
PostgreSQL only: they serve ``ILIKE '%…%'`` (``core.base.lookups``); SQLite
keeps the plain scan (no such index there)."""

from __future__ import annotations

from django.db import migrations


def trigram_indexes(table: str, indexes: tuple[tuple[str, str], ...]):
    """A migration operation creating (and, reversed, dropping) a GIN trigram
    index ``name`` on ``column`` of ``table`` for each ``(name, column)``."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, column in indexes:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                f"USING gin ({column} gin_trgm_ops)"
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, _column in indexes:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop)
