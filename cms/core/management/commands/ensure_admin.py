"""Make sure an administrator exists, so a fresh `make run` can be logged in to at once."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the admin user from ADMIN_USERNAME/ADMIN_PASSWORD (default admin/admin) if missing."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD", "admin")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user “{username}” exists (its password is unchanged).")
            return
        User.objects.create_superuser(username, os.environ.get("ADMIN_EMAIL", ""), password)
        self.stdout.write(f"Created the admin user “{username}” with password “{password}”.")
