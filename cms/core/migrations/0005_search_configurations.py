"""PostgreSQL: the accent-insensitive text search configuration for the languages PostgreSQL has no
stemmer for (Slovak, Czech, Slovenian, Bulgarian, Ukrainian): words lower-cased and their accents
folded with the `unaccent` extension (cms/search_backend.py). Nothing on other databases.

Creating an extension needs a superuser (or a trusted-extension grant); where the database user
may not, create it once by hand: `CREATE EXTENSION unaccent;`."""

from django.db import migrations

CONFIG = "bridges_unaccent"

FORWARD = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END $$;
"""
BACKWARD = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_locale_synchronization")]

    operations = [migrations.RunPython(forward, backward)]
