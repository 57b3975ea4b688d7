"""The first story themes, named in every language of the network (editors add and rename them)."""

import uuid

from django.db import migrations

THEMES = {
    "care": {
        "en": "Care", "de": "Sorgearbeit", "hu": "Gondoskodás", "sk": "Starostlivosť",
        "cs": "Péče", "sl": "Skrb", "nl": "Zorg", "it": "Cura", "bg": "Грижа", "sr": "Briga",
        "uk": "Турбота",
    },
    "resilience": {
        "en": "Resilience", "de": "Resilienz", "hu": "Reziliencia", "sk": "Odolnosť",
        "cs": "Odolnost", "sl": "Odpornost", "nl": "Veerkracht", "it": "Resilienza",
        "bg": "Устойчивост", "sr": "Otpornost", "uk": "Стійкість",
    },
    "childhood": {
        "en": "Childhood", "de": "Kindheit", "hu": "Gyermekkor", "sk": "Detstvo",
        "cs": "Dětství", "sl": "Otroštvo", "nl": "Kindertijd", "it": "Infanzia",
        "bg": "Детство", "sr": "Detinjstvo", "uk": "Дитинство",
    },
    "migration": {
        "en": "Migration", "de": "Migration", "hu": "Migráció", "sk": "Migrácia",
        "cs": "Migrace", "sl": "Migracije", "nl": "Migratie", "it": "Migrazione",
        "bg": "Миграция", "sr": "Migracije", "uk": "Міграція",
    },
    "work-and-family": {
        "en": "Work and family", "de": "Beruf und Familie", "hu": "Munka és család",
        "sk": "Práca a rodina", "cs": "Práce a rodina", "sl": "Delo in družina",
        "nl": "Werk en gezin", "it": "Lavoro e famiglia", "bg": "Работа и семейство",
        "sr": "Posao i porodica", "uk": "Робота і сім'я",
    },
    "community": {
        "en": "Community", "de": "Gemeinschaft", "hu": "Közösség", "sk": "Komunita",
        "cs": "Komunita", "sl": "Skupnost", "nl": "Gemeenschap", "it": "Comunità",
        "bg": "Общност", "sr": "Zajednica", "uk": "Громада",
    },
}


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("stories", "Theme")
    Locale = apps.get_model("wagtailcore", "Locale")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for slug, names in THEMES.items():
        existing = Theme.objects.filter(slug=slug).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, name in names.items():
            locale = locales.get(code)
            if locale is not None and not Theme.objects.filter(slug=slug, locale=locale).exists():
                Theme.objects.create(name=name, slug=slug, locale=locale, translation_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_story_fields_themes_submissions"),
        ("core", "0002_locales"),
    ]

    operations = [migrations.RunPython(seed_themes, migrations.RunPython.noop)]
