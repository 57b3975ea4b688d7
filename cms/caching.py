"""What every page repeats (header, language switcher, menus) kept in the cache per locale, and the
HTTP cache headers that let a shared cache (Varnish, a CDN) keep anonymous pages.

Fragments: every cached value's key carries a "pages version" that any publish, unpublish, move
or delete of a page increases, so a menu or a language link is never older than the last change;
with Redis the version is shared by every app server.

HTTP: an anonymous GET of a public page may be kept by a shared cache for `BRIDGES_CACHE_SECONDS`
(s-maxage) and served stale while it is fetched again (stale-while-revalidate); browsers keep it
for `BRIDGES_BROWSER_CACHE_SECONDS` only. Anything personal (a logged-in editor, a preview, a page
with a form's CSRF cookie, messages, a session, a form that came back with errors, a registrant's
page) is `private, no-store`. The purge on publish is cms/frontend_cache.py.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "bridges:pages-version"
# A safety net only: every change to a page bumps the version at once.
FRAGMENT_SECONDS = 3600
_MISSING = object()


def pages_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Not 0: a cache that lost the key (restart, eviction) must not bring back an old version's
        # entries, so a fresh one starts from the clock.
        import time

        version = int(time.time() * 1000)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_pages_version(**kwargs) -> None:
    """A page changed: every cached fragment is out of date (now, and once the change commits)."""

    def bump():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            pages_version()

    bump()
    transaction.on_commit(bump)


def cached_fragment(name: str, *parts: Any, build: Callable[[], Any]) -> Any:
    """`build()`'s value, kept per pages version under `name` and `parts` (locale, page, ...).

    Only what is the same for every reader goes here: parts never hold user input beyond a
    language code, a page id or a path that resolved to a page.
    """
    key = ":".join(["bridges:fragment", name, str(pages_version()), *map(str, parts)])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, FRAGMENT_SECONDS)
    return value


def connect_signals() -> None:
    """Called from the core app's ready()."""
    page_published.connect(bump_pages_version, dispatch_uid="bridges-pages-version-published")
    page_unpublished.connect(bump_pages_version, dispatch_uid="bridges-pages-version-unpublished")
    post_page_move.connect(bump_pages_version, dispatch_uid="bridges-pages-version-moved")
    post_delete.connect(_page_deleted, dispatch_uid="bridges-pages-version-deleted")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_pages_version()


# --- HTTP cache headers -------------------------------------------------------------------------

# Paths whose answers are never kept by a shared cache, whoever asks.
PRIVATE_PREFIXES = ("/admin/", "/documents/", "/django-admin/")
# The API sets its own ETag/Cache-Control (cms/api.py); this middleware leaves them alone.
OWN_HEADERS_PREFIXES = ("/api/",)


def _shared_seconds() -> int:
    return int(getattr(settings, "BRIDGES_CACHE_SECONDS", 300))


def _is_personal(request, response) -> bool:
    """Whether this answer could hold something of one reader's: it must never be shared.

    Read without touching `request.user` (that would load the session and add `Vary: Cookie`):
    a logged-in editor, a preview and a reader with messages or a registration all carry a cookie.
    """
    if request.path_info == "/" or request.path_info.startswith(PRIVATE_PREFIXES):
        return True  # "/" redirects by Accept-Language and the language cookie
    if getattr(request, "is_preview", False) or getattr(request, "_bridges_personal", False):
        return True
    # A form's CSRF token, a new session, messages: a cookie of this reader's is in the answer.
    if response.cookies:
        return True
    personal_cookies = (
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    )
    if any(name in request.COOKIES for name in personal_cookies):
        return True
    session = getattr(request, "session", None)
    return session is not None and session.modified


def mark_personal(request) -> None:
    """A view says its answer is one reader's (a registrant's token page, a form with errors)."""
    request._bridges_personal = True


class CacheHeadersMiddleware:
    """Cache-Control for every page: shareable for anonymous readers, private for everyone else.

    Sits outside SessionMiddleware and everything else that sets cookies or `Vary`, so it sees the
    answer as it leaves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(OWN_HEADERS_PREFIXES):
            return response
        if _is_personal(request, response) or request.method not in ("GET", "HEAD"):
            # One reader's page must never reach another: whatever a view set, unless it said so.
            if "no-store" not in response.get("Cache-Control", ""):
                if "Cache-Control" in response:
                    del response["Cache-Control"]
                patch_cache_control(response, private=True, no_store=True)
            return response
        if response.status_code not in (200, 203, 204, 300, 301, 302, 404, 410):
            return response
        if response.has_header("Cache-Control"):
            # The view chose (a feed's shorter life, a file's immutability): keep its choice.
            return response
        seconds = _shared_seconds()
        patch_cache_control(
            response,
            public=True,
            max_age=int(getattr(settings, "BRIDGES_BROWSER_CACHE_SECONDS", 60)),
            s_maxage=seconds,
            stale_while_revalidate=int(getattr(settings, "BRIDGES_STALE_SECONDS", 60)),
            stale_if_error=int(getattr(settings, "BRIDGES_STALE_SECONDS", 60)) * 60,
        )
        # The language is in the URL: the page varies only on its encoding, not the reader's
        # cookies or Accept-Language (those only matter on "/", which redirects).
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        kept = [v for v in vary if v.lower() not in ("cookie", "accept-language")]
        if request.path_info == "/":
            kept = vary  # the language redirect depends on Accept-Language (and a cookie)
        if kept:
            response["Vary"] = ", ".join(kept)
        elif "Vary" in response:
            del response["Vary"]
        patch_vary_headers(response, ("Accept-Encoding",))
        return response
