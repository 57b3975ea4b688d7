"""The one public address: WAGTAILADMIN_BASE_URL is where the site and its API live.

Wagtail builds a page's absolute URL (`full_url`: canonical links, `og:url`, the sitemap, feeds,
mails, the API's `meta.html_url`) from the default Site record's hostname and port, and everything
else (the API's `detail_url`, image and file URLs in the API, mails that name the site) from the
setting. The record is kept in step with the setting after every `migrate` (a post_migrate handler),
so the two never disagree: `make run`, a deploy and the test database all run `migrate`, and a
changed address needs nothing more than the changed variable and the deploy's `migrate`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register
from wagtail.models import Site

# Wagtail's Site.root_url knows http on any port and https on 443 only.
DEFAULT_PORTS = {"http": 80, "https": 443}


def public_address() -> tuple[str, int]:
    """The (hostname, port) of WAGTAILADMIN_BASE_URL."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname or "localhost", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def base_url() -> str:
    """WAGTAILADMIN_BASE_URL without a trailing slash: prefix of every absolute URL."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def sync_default_site(using: str = "default") -> bool:
    """Give the default Site record the public address; True when it changed."""
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = public_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    # save(), not update(): Wagtail clears its cached site root paths on the Site's post_save.
    site.save(using=using, update_fields=["hostname", "port"])
    return True


def sync_after_migrate(sender, using="default", **kwargs) -> None:
    # post_migrate is sent once per app; the Site table exists once wagtailcore has migrated.
    if sender.label == "core":
        sync_default_site(using)


@register()
def check_public_address(app_configs, **kwargs):
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    errors = []
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        errors.append(
            Error(
                "WAGTAILADMIN_BASE_URL must be an absolute http(s) address, "
                f"not {settings.WAGTAILADMIN_BASE_URL!r}",
                id="bridges.E001",
            )
        )
    elif parts.scheme == "https" and (parts.port or 443) != 443:
        errors.append(
            Error(
                "WAGTAILADMIN_BASE_URL: https works on port 443 only (Wagtail's Site record "
                "cannot say https on another port)",
                id="bridges.E002",
            )
        )
    if parts.path.strip("/"):
        errors.append(
            Error(
                "WAGTAILADMIN_BASE_URL must not have a path: the site is served at its root",
                id="bridges.E003",
            )
        )
    return errors
