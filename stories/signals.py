"""Uploaded files leave the storage with their records, so a deleted submission leaves nothing."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import SubmissionFile


@receiver(post_delete, sender=SubmissionFile)
def delete_submitted_file(sender, instance: SubmissionFile, **kwargs) -> None:
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
