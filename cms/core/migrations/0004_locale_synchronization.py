"""Every locale's page tree is synchronised from the default language's (wagtail-localize's
LocaleSynchronization): an untranslated page is an alias of its original, so no address is a 404
in one language and not in another. Aliases for pages that exist already are made by
`manage.py sync_locale_trees` (and by `load_demo_content`), not here: a migration must not run the
page models' current code."""

from django.conf import settings
from django.db import migrations


def synchronise_from_default(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return
    for locale in Locale.objects.exclude(pk=default.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outgoing_mail"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(synchronise_from_default, migrations.RunPython.noop)]
