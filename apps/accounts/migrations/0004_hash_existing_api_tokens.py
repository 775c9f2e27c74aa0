"""API keys of rest_framework.authtoken (stored in clear) become digests.

Each existing key keeps working: its SHA-256 goes to accounts.ApiToken and the
clear key is deleted from the old authtoken_token table (left empty; the app is
no longer installed), with the old app's content types and permissions. Going
back leaves the digests: a clear key cannot be recovered from one (make new
keys with `manage.py drf_create_token --reset USERNAME`).
"""

import datetime as dt
import hashlib

from django.db import migrations
from django.utils.dateparse import parse_datetime

OLD_TABLE = "authtoken_token"


def _aware(value):
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def hash_existing_tokens(apps, schema_editor):
    connection = schema_editor.connection
    ApiToken = apps.get_model("accounts", "ApiToken")
    if OLD_TABLE in connection.introspection.table_names():
        quoted = schema_editor.quote_name(OLD_TABLE)
        columns = ", ".join(
            schema_editor.quote_name(name) for name in ["key", "user_id", "created"]
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns} FROM {quoted}")  # noqa: S608
            rows = cursor.fetchall()
        for key, user_id, created in rows:
            ApiToken.objects.update_or_create(
                user_id=user_id,
                defaults={
                    "digest": hashlib.sha256(key.encode()).hexdigest(),
                    "prefix": key[:8],
                    "created_at": _aware(created),
                },
            )
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {quoted}")  # noqa: S608
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="authtoken").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_api_token"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(hash_existing_tokens, migrations.RunPython.noop),
    ]
