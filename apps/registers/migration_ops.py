"""Migration operations that only touch PostgreSQL, so SQLite still migrates.

The model state keeps the indexes on every database (makemigrations stays
clean); only PostgreSQL gets the GIN indexes and the pg_trgm extension.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db.migrations import AddIndex


class PostgresOnlyTrigramExtension(TrigramExtension):
    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresOnlyAddIndex(AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
