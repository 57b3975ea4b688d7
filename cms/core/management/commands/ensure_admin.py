"""Make sure an administrator exists, so a fresh `make run` can be logged in to at once.

In development (DEBUG on) the documented admin/admin login is made when no password is given. With
DEBUG off (production) a default or weak password is refused by Django's password validators, and
with no password given a random one is generated and printed once.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

DEVELOPMENT_PASSWORD = "admin"


class Command(BaseCommand):
    help = (
        "Create the admin user from ADMIN_USERNAME/ADMIN_PASSWORD if missing. In development the "
        "default is admin/admin; in production (DEBUG off) a weak password is refused and, without "
        "ADMIN_PASSWORD, a random one is generated and printed once."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        email = os.environ.get("ADMIN_EMAIL", "")
        password = os.environ.get("ADMIN_PASSWORD", "")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user “{username}” exists (its password is unchanged).")
            return
        if settings.DEBUG:
            password = password or DEVELOPMENT_PASSWORD
            told = f"with password “{password}”"
        elif not password:
            password = secrets.token_urlsafe(18)
            told = f"with this password, shown only this once: {password}"
        else:
            try:
                validate_password(password, User(username=username, email=email))
            except ValidationError as error:
                raise CommandError(
                    "ADMIN_PASSWORD is refused in production: " + " ".join(error.messages)
                ) from error
            told = "with the password from ADMIN_PASSWORD"
        User.objects.create_superuser(username, email, password)
        self.stdout.write(f"Created the admin user “{username}” {told}.")
