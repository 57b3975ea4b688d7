"""A standard page's introduction becomes rich text, like every other page type's (IntroMixin):
the plain text already written is kept, each paragraph wrapped as rich text."""

import wagtail.fields
from django.db import migrations
from django.utils.html import escape, linebreaks


def plain_to_rich(apps, schema_editor):
    StandardPage = apps.get_model("home", "StandardPage")
    for page in StandardPage.objects.exclude(intro="").only("id", "intro"):
        if not page.intro.lstrip().startswith("<"):
            StandardPage.objects.filter(pk=page.pk).update(intro=linebreaks(escape(page.intro)))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
    ]

    operations = [
        migrations.AlterField(
            model_name="standardpage",
            name="intro",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="A short opening paragraph, shown larger than the rest of the text.",
                verbose_name="introduction",
            ),
        ),
        migrations.RunPython(plain_to_rich, migrations.RunPython.noop),
    ]
