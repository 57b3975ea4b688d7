"""Rebuild a publication's files when it, or one of its chapters, is published or unpublished."""

from django.db import transaction
from django.dispatch import receiver
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from wagtail.signals import page_published, page_unpublished

from .chapters import publications_containing
from .models import PublicationPage
from .tasks import build_publication

CHAPTER_PAGE_TYPES = {"stories.StoryPage", "walks.WalkPage"}


def build_waiting(page_id: int) -> bool:
    """Whether a build of this edition is queued and not started: it will read what was just
    published, so another is not needed (one English chapter published also publishes its
    aliases in ten languages: 24 builds were queued for one edit)."""
    if not isinstance(build_publication.get_backend(), DatabaseBackend):
        return False
    return (
        DBTaskResult.objects.filter(
            task_path=build_publication.module_path, status=TaskResultStatus.READY
        )
        .filter(args_kwargs__args=[page_id])
        .exists()
    )


def enqueue_build(page_id: int) -> None:
    if not build_waiting(page_id):
        build_publication.enqueue(page_id)


def enqueue_builds(page_ids) -> None:
    # After the commit, so the worker reads what was just published (and never a rolled-back page).
    for page_id in page_ids:
        transaction.on_commit(lambda page_id=page_id: enqueue_build(page_id))


@receiver(page_published)
@receiver(page_unpublished)
def rebuild_publications(sender, instance, **kwargs) -> None:
    if isinstance(instance, PublicationPage):
        if instance.live:
            enqueue_builds([instance.pk])
        return
    page_class = instance.specific_class
    if page_class is None or page_class._meta.label not in CHAPTER_PAGE_TYPES:
        return
    live = PublicationPage.objects.live().filter(pk__in=publications_containing(instance))
    enqueue_builds(live.values_list("pk", flat=True))
