"""Sent-in files move to the private storage, which the web server does not serve."""

from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import stories.models
import stories.private_files


def move_to_private_storage(apps, schema_editor):
    """Files of earlier submissions leave MEDIA_ROOT (or the public bucket) for the private
    storage; files kept for unsent forms (submissions/pending/) are simply deleted."""
    private = storages["private"]
    SubmissionFile = apps.get_model("stories", "SubmissionFile")
    for upload in SubmissionFile.objects.exclude(file=""):
        name = upload.file.name
        if not default_storage.exists(name) or private.exists(name):
            continue
        with default_storage.open(name, "rb") as public:
            private.save(name, public)
        default_storage.delete(name)
    try:
        _folders, names = default_storage.listdir("submissions/pending")
    except (FileNotFoundError, NotImplementedError):
        names = []
    for name in names:
        default_storage.delete(f"submissions/pending/{name}")


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0004_seed_themes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="submissionfile",
            name="file",
            field=models.FileField(
                storage=stories.private_files.private_storage,
                upload_to=stories.models.submission_upload_path,
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop),
    ]
