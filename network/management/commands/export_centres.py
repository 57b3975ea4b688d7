"""Write every centre as CSV, in the format import_centres reads."""

from django.core.management.base import BaseCommand

from network.centres_export import export_centres


class Command(BaseCommand):
    help = "Write all centres as CSV (the format import_centres reads) to a file or stdout."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", default="-", help="Where to write; “-” or nothing for stdout."
        )

    def handle(self, *args, **options):
        if options["file"] == "-":
            self.stdout.ending = ""  # rows end in a newline already
            count = export_centres(self.stdout)
        else:
            with open(options["file"], "w", encoding="utf-8", newline="") as out:
                count = export_centres(out)
            self.stderr.write(f"Wrote {count} centres to {options['file']}.")
