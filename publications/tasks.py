"""Background builds of a publication's files, through the task queue (django-tasks)."""

from django_tasks import task

from .builds import build_edition
from .models import EditionFile, PublicationPage


class BuildFailed(Exception):
    """One or more files of an edition could not be built (the reasons are on EditionFile)."""


# Last in the queue: a build takes minutes, and mails and purges must not wait behind it.
@task(priority=-10)
def build_publication(page_id: int) -> dict:
    """Build the PDF and EPUB of one language edition. Drafts and vanished pages are skipped."""
    page = PublicationPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return {"built": [], "skipped": "not live"}
    built, failed = [], []
    for fmt, _label in EditionFile.FORMATS:
        try:
            build_edition(page, fmt)
            built.append(fmt)
        except (
            Exception
        ):  # recorded on the EditionFile for the editors; the other format still runs
            failed.append(fmt)
    if failed:
        raise BuildFailed(f"publication {page_id}: {', '.join(failed)} failed")
    return {"built": built}
