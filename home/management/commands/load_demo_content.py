"""Load MINE's demo content: real names, dates and places from the project's source documents.

Idempotent: pages that exist are left as they are (with any edits); missing ones are created.
"""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from cms.core.locale_sync import synchronise_all_trees
from home.factories import english_home

# Order matters: stories and walks live in the country sections the network creates.
DEMO_MODULES = ["home.demo", "network.demo", "stories.demo", "walks.demo", "publications.demo"]


class Command(BaseCommand):
    help = "Create (or complete) the demo content of Bridges. Existing pages are not changed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--centres",
            type=int,
            default=0,
            help="Also generate this many extra centres (e.g. 1000) for load and scale tests.",
        )

    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            module = importlib.import_module(name)
            with transaction.atomic():
                # The English home page is handed down (fresh, with its tree counters up to date)
                # so that no lower layer has to import the home app to find it.
                summary = module.load(home=english_home(), centres=options["centres"])
            self.stdout.write(f"{name}: {summary or 'done'}")
        # Pages published above were aliased as they were made; this completes a database whose
        # pages predate the locales' synchronisation (and is a no-op otherwise).
        with transaction.atomic():
            aliases = synchronise_all_trees()
        self.stdout.write(f"locale trees: {aliases} aliases made")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
