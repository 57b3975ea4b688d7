"""Background tasks of the stories app (django-tasks): the hourly clean-up of kept uploads."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import kept_uploads

CLEANUP_INTERVAL = timedelta(hours=1)


@task()
def clear_kept_uploads(reschedule: bool = True) -> int:
    """Delete the files kept for forms that were never sent again (older than a day), then,
    where the task backend can run tasks later (the database backend and its worker), queue the
    next run an hour from now. Start the cycle once with `manage.py clear_kept_uploads --schedule`.
    """
    removed = kept_uploads.clear_abandoned()
    backend = clear_kept_uploads.get_backend()
    # The immediate backend (tests, a site without a worker) cannot wait: it would run the next
    # round at once, for ever. There `manage.py clear_kept_uploads` runs from cron instead.
    if reschedule and backend.supports_defer:
        clear_kept_uploads.using(run_after=timezone.now() + CLEANUP_INTERVAL).enqueue()
    return removed
