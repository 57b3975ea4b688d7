"""Delete files kept for story forms that were never sent again; --schedule starts the hourly task."""

from django.core.management.base import BaseCommand

from stories.tasks import clear_kept_uploads


class Command(BaseCommand):
    help = (
        "Delete the photos and recordings kept for “Tell your story” forms that came back with an "
        "error and were never sent again (older than a day). With --schedule, queue the task that "
        "does this and then queues itself every hour (needs a task worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the self-repeating hourly task instead of cleaning once now.",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            result = clear_kept_uploads.enqueue(reschedule=True)
            self.stdout.write(f"Queued the hourly clean-up of kept uploads ({result.id}).")
            return
        removed = clear_kept_uploads.call(reschedule=False)
        self.stdout.write(f"Removed {removed} kept upload(s) older than a day.")
