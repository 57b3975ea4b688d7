"""Create or complete the editors', moderators', translators' and per-country editors' groups."""

from django.core.management.base import BaseCommand
from django.db import transaction

from network.groups import setup_groups


class Command(BaseCommand):
    help = (
        "Create or update the Editors, Moderators and Translators groups, and one editors' "
        "group per country with rights on that country's section only. Never removes rights."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            report = setup_groups()
        for line in report.lines:
            self.stdout.write(f"- {line}")
        self.stdout.write(self.style.SUCCESS(f"Groups are ready ({report.added} rights added)."))
