"""Create or update centres from a spreadsheet (CSV); see docs/network.md for the columns."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.centres_csv import import_centres
from network.centres_table import CsvFormatError


class Command(BaseCommand):
    help = (
        "Create or update centres from a CSV file, matched on the “key” column. Bad rows are "
        "refused with their row number and reason; the good rows are imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file (UTF-8; comma or semicolon separated).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would happen, without changing anything.",
        )
        parser.add_argument(
            "--quiet-rows",
            action="store_true",
            help="Report only refused rows and the summary, not every row.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = import_centres(path.read_bytes(), dry_run=options["dry_run"])
        except CsvFormatError as error:
            raise CommandError(str(error)) from error
        for result in report.results:
            if result.action == "refused":
                self.stdout.write(self.style.ERROR(str(result)))
            elif not options["quiet_rows"]:
                self.stdout.write(str(result))
        style = self.style.WARNING if report.refused else self.style.SUCCESS
        self.stdout.write(style(report.summary()))
