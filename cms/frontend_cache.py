"""Purge the shared HTTP cache (Varnish, a CDN) of exactly the URLs that show a page that changed.

When a page is published, unpublished, moved or deleted, these addresses are purged through the
backends of `wagtail.contrib.frontend_cache` (settings.WAGTAILFRONTENDCACHE):

- the page in every language: its translations and the aliases of the synchronised trees;
- the pages that list or show it: its ancestors in each language (home, the section's index, the
  country page), the section indexes below each home page, the pages it links to and the pages that
  link to it (a story's centre, a walk's stops' centres), each with its routes without arguments
  (the events feed, the map's GeoJSON, the stories feed);
- /sitemap.xml and the API (by prefix where the backend can ban, else the page's API URLs).

The purge runs through the task queue after the transaction commits (so the cache never fetches
the old page again); a purge that fails (Varnish down) is logged and tried again later, and the
publish itself never fails because of it.
"""

import logging
import re
from datetime import timedelta
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.site_address import base_url

logger = logging.getLogger("bridges.frontend_cache")

API_PREFIX = "/api/"
SITE_WIDE_PATHS = ("/sitemap.xml",)


class PurgeFailed(Exception):
    pass


class _BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend for Varnish (deploy/varnish/default.vcl), with two changes:

    - a page is banned with every query string it was cached with (`/en/stories/?page=2` goes
      with `/en/stories/`), by an `X-Ban-Url` regular expression the VCL applies;
    - a failure raises, so the task can try again (Wagtail's backend only logs it).
    """

    supports_ban = True

    def _send(self, path_regex: str, host: str) -> None:
        request = _BanRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, "/", "", ""]),
            headers={"Host": host, "X-Ban-Url": path_regex},
        )
        try:
            with urlopen(request, timeout=5) as response:  # noqa: S310 - LOCATION is configured
                response.read()
        except (HTTPError, URLError, OSError) as error:
            raise PurgeFailed(f"{self.cache_netloc}: {error}") from error

    def purge(self, url):
        parts = urlsplit(url)
        self._send(f"^{re.escape(parts.path)}(\\?.*)?$", parts.netloc or "localhost")

    def ban_prefix(self, prefix: str) -> None:
        self._send(f"^{re.escape(prefix)}", "localhost")


# --- which URLs show a page ----------------------------------------------------------------------


def _routes_without_arguments(page) -> list[str]:
    """A routable page's own extra addresses that take no argument (feeds, GeoJSON)."""
    specific = page.specific_deferred
    if not hasattr(specific, "get_subpage_urls"):
        return []
    paths = []
    for pattern in specific.get_subpage_urls():
        name = getattr(pattern, "name", None)
        if not name or pattern.pattern.regex.groups:
            continue
        try:
            subpath = specific.reverse_subpage(name)
        except NoReverseMatch:
            continue
        if subpath:
            paths.append(subpath)
            if "." in subpath.rstrip("/").rsplit("/", 1)[-1]:
                paths.append(subpath.rstrip("/"))  # file-like routes are linked without "/"
    return paths


def _page_urls(pages) -> set[str]:
    urls = set()
    root = base_url()
    for page in pages:
        url = page.get_url(None)
        if not url:
            continue
        if url.startswith("http"):
            url = urlsplit(url).path
        urls.add(root + url)
        for path in page.specific_deferred.get_cached_paths():
            urls.add(root + url + path.lstrip("/"))
        for subpath in _routes_without_arguments(page):
            urls.add(root + url + subpath)
    return urls


def urls_showing(page: Page) -> set[str]:
    """Every address whose content changes when `page` does (see the module's docstring)."""
    variants = list(Page.objects.filter(translation_key=page.translation_key))
    if page.pk and all(v.pk != page.pk for v in variants):
        variants.append(page)
    shown = set(variants)
    # Ancestors of every variant: home, the section's index, the country page.
    ancestor_paths = {
        v.path[:i] for v in variants for i in range(Page.steplen * 2, len(v.path), Page.steplen)
    }
    ancestors = list(Page.objects.filter(path__in=ancestor_paths))
    shown.update(ancestors)
    # Every language's home page and its sections (the stories, walks, events and network lists).
    roots = [site.root_page for site in Site.objects.select_related("root_page")]
    home_keys = {root.translation_key for root in roots}
    homes = list(Page.objects.filter(translation_key__in=home_keys))
    shown.update(homes)
    for home in homes:
        shown.update(home.get_children())
    # The pages it names (a story's centre) and the pages that name it, in every language.
    page_type = ContentType.objects.get_for_model(Page)
    related_ids = set(
        ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=page_type)
        .values_list("to_object_id", flat=True)
    ) | set(
        ReferenceIndex.get_references_to(page)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    related_keys = Page.objects.filter(
        pk__in=[int(pk) for pk in related_ids if str(pk).isdigit()]
    ).values_list("translation_key", flat=True)
    shown.update(Page.objects.filter(translation_key__in=list(related_keys)).exclude(depth=1))
    urls = _page_urls(shown)
    root = base_url()
    urls.update(root + path for path in SITE_WIDE_PATHS)
    urls.update(f"{root}{API_PREFIX}v2/pages/{v.pk}/" for v in variants)
    urls.add(f"{root}{API_PREFIX}v2/pages/")
    return urls


def old_urls_after_move(page: Page, url_path_before: str) -> set[str]:
    """Where a moved page was: its old address under each language prefix its variants used."""
    urls = set()
    root = base_url()
    for site_root in Site.get_site_root_paths():
        if url_path_before.startswith(site_root.root_path):
            rest = url_path_before[len(site_root.root_path) :]
            code = site_root.language_code or settings.LANGUAGE_CODE
            urls.add(f"{root}/{code}/{rest}")
    return urls


# --- the task ------------------------------------------------------------------------------------


def retry_delay(attempt: int) -> timedelta:
    """10 s, 1 min, 5 min, 25 min ... (BRIDGES_PURGE_RETRY_DELAY, then ×5 each time)."""
    base = int(getattr(settings, "BRIDGES_PURGE_RETRY_DELAY", 10))
    return timedelta(seconds=base if attempt <= 1 else 60 * 5 ** (attempt - 2))


@task(priority=10)  # readers see the old page until it runs: before builds
def purge(urls: list[str], ban_api: bool = True, attempt: int = 1) -> str:
    """Purge `urls` (and the API by prefix) from every configured cache; retry what failed."""
    configured = get_backends()
    if not configured:
        return "no frontend cache configured"
    failed_urls, failed_api = set(), False
    for name, backend in configured.items():
        for url in sorted(set(urls)):
            try:  # one by one: a retry sends only what failed
                backend.purge(url)
            except Exception as error:  # a cache that is down must not stop the rest
                logger.warning("Purge of %s from %s failed: %s", url, name, error)
                failed_urls.add(url)
        if ban_api and getattr(backend, "supports_ban", False):
            try:
                backend.ban_prefix(API_PREFIX)
            except Exception as error:
                logger.warning("Ban of %s from %s failed: %s", API_PREFIX, name, error)
                failed_api = True
    if not failed_urls and not failed_api:
        return f"purged {len(set(urls))} URLs"
    max_attempts = int(getattr(settings, "BRIDGES_PURGE_MAX_ATTEMPTS", 6))
    if attempt < max_attempts and purge.get_backend().supports_defer:
        purge.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
            sorted(failed_urls), failed_api, attempt + 1
        )
        logger.warning(
            "Purge attempt %s failed for %s URLs; trying again later", attempt, len(failed_urls)
        )
        return "retrying"
    logger.error(
        "Purge gave up after %s attempts: %s URLs may be served stale until they expire",
        attempt,
        len(failed_urls) + int(failed_api),
    )
    return "failed"


def enqueue_purge(urls: set[str]) -> None:
    """Queue the purge once the change is committed (earlier, a reader could re-cache the old page)."""
    if not urls or not get_backends():
        return
    urls = sorted(urls)

    def queue():
        try:
            purge.enqueue(urls)
        except Exception:  # the queue itself down: log, the publish must still succeed
            logger.exception("Could not queue the purge of %s URLs", len(urls))

    transaction.on_commit(queue)


# --- signals --------------------------------------------------------------------------------------


def _safe(handler):
    def wrapper(*args, **kwargs):
        try:
            handler(*args, **kwargs)
        except Exception:  # computing the URLs must never break a publish
            logger.exception("Could not work out the URLs to purge")

    return wrapper


@_safe
def on_published(sender, instance, **kwargs):
    if get_backends():
        enqueue_purge(urls_showing(instance))


@_safe
def on_moved(sender, instance, url_path_before=None, **kwargs):
    if get_backends():
        urls = urls_showing(instance)
        if url_path_before:
            urls |= old_urls_after_move(instance, url_path_before)
        enqueue_purge(urls)


@_safe
def on_deleted(sender, instance, **kwargs):
    if sender is Page and get_backends() and instance.live:
        enqueue_purge(urls_showing(instance))


@_safe
def on_restriction_changed(sender, instance, **kwargs):
    """A page made private (or public again): it and every page below it, which the restriction
    covers, with the lists that show them. Otherwise a shared cache would go on serving a page
    that just became private."""
    page = instance.page
    if get_backends() and page is not None:
        descendants = Page.objects.descendant_of(page).live()
        enqueue_purge(urls_showing(page) | _page_urls(descendants))


def connect_signals() -> None:
    """Called from the core app's ready()."""
    page_published.connect(on_published, dispatch_uid="bridges-purge-published")
    page_unpublished.connect(on_published, dispatch_uid="bridges-purge-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="bridges-purge-moved")
    pre_delete.connect(on_deleted, sender=Page, dispatch_uid="bridges-purge-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"bridges-purge-restriction-{signal is post_save}",
        )
