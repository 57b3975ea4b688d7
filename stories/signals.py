"""Uploaded files leave the storage with their records, so a deleted submission leaves nothing;
a sent notice marks its submission as notified; a published story's sent-in files become public."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from cms.mail import mail_sent

from .models import StoryPage, SubmissionFile
from .submissions import note_editors_notified, publish_reviewed_files

mail_sent.connect(note_editors_notified, dispatch_uid="stories-editors-notified")
page_published.connect(
    publish_reviewed_files, sender=StoryPage, dispatch_uid="stories-publish-reviewed-files"
)


@receiver(post_delete, sender=SubmissionFile)
def delete_submitted_file(sender, instance: SubmissionFile, **kwargs) -> None:
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
