"""What every page repeats (header, language switcher, menus) kept in the cache per locale, and the
HTTP cache headers that let a shared cache (Varnish, a CDN) keep anonymous pages.

Fragments: every cached value's key carries a "pages version" that any publish, unpublish, move
or delete of a page increases, so a menu or a language link is never older than the last change;
with Redis the version is shared by every app server.

HTTP: an anonymous GET of a public page may be kept by a shared cache for `BRIDGES_CACHE_SECONDS`
(s-maxage) and served stale while it is fetched again (stale-while-revalidate); browsers keep it
for `BRIDGES_BROWSER_CACHE_SECONDS` only. Anything personal (a logged-in editor, a preview, a page
with a form's CSRF cookie, messages, a session) is `private, no-store`; so are a form that came
back with errors (a POST is never shared) and a registrant's page (its view says so itself). The
purge on publish is cms/frontend_cache.py.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "bridges:pages-version"
# The sites and their home pages change far less often than pages: a version of their own, so a
# story's publication does not make the next request of every reader look its site up again.
SITES_VERSION_KEY = "bridges:sites-version"
# A safety net only: every change to a page bumps the version at once.
FRAGMENT_SECONDS = 3600
_MISSING = object()


def pages_version(key: str = VERSION_KEY) -> int:
    version = cache.get(key)
    if version is None:
        # Not 0: a cache that lost the key (restart, eviction) must not bring back an old version's
        # entries, so a fresh one starts from the clock.
        import time

        version = int(time.time() * 1000)
        cache.add(key, version, None)
        version = cache.get(key, version)
    return version


def bump_pages_version(key: str = VERSION_KEY, **kwargs) -> None:
    """A page changed: every cached fragment is out of date (now, and once the change commits)."""

    def bump():
        try:
            cache.incr(key)
        except ValueError:
            pages_version(key)

    bump()
    transaction.on_commit(bump)


def bump_sites_version(**kwargs) -> None:
    bump_pages_version(SITES_VERSION_KEY)
    bump_pages_version()


def fragment_key(name: str, *parts: Any, version_key: str = VERSION_KEY) -> str:
    """The cache key of a fragment in the current pages version."""
    return ":".join(["bridges:fragment", name, str(pages_version(version_key)), *map(str, parts)])


def cached_fragment(
    name: str, *parts: Any, build: Callable[[], Any], version_key: str = VERSION_KEY
) -> Any:
    """`build()`'s value, kept per pages version under `name` and `parts` (locale, page, ...).

    Only what is the same for every reader goes here: parts never hold user input beyond a
    language code, a page id or a path that resolved to a page.
    """
    key = fragment_key(name, *parts, version_key=version_key)
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
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished")):
        signal.connect(_home_changed, dispatch_uid=f"bridges-sites-version-{name}")
    post_page_move.connect(_home_changed, dispatch_uid="bridges-sites-version-moved")
    # A view restriction changes what `.public()` lists (the stories' counts, the menus).
    post_save.connect(
        bump_pages_version, sender=PageViewRestriction, dispatch_uid="bridges-restriction-saved"
    )
    post_delete.connect(
        bump_pages_version, sender=PageViewRestriction, dispatch_uid="bridges-restriction-deleted"
    )
    # The site of each request is a fragment too (SiteMiddleware): a new hostname, port or root.
    post_save.connect(bump_sites_version, sender=Site, dispatch_uid="bridges-site-saved")
    post_delete.connect(bump_sites_version, sender=Site, dispatch_uid="bridges-site-deleted")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_pages_version()
        _home_changed(instance=instance)


def _home_changed(instance=None, **kwargs):
    """A site's root page (which the cached site holds, and routing starts from) was published,
    moved or deleted. Another language's home is not the site's: its own queries find it."""
    if instance is None or instance.depth > 2:
        return
    if Site.objects.filter(root_page_id=instance.pk).exists():
        bump_pages_version(SITES_VERSION_KEY)


def cached_site(request) -> Site | None:
    """Wagtail's Site.find_for_request() from the cache, with its root page in its specific class
    (the home page, which every page's routing starts from) and its locale: Wagtail asks the
    database for all three on every request.

    Kept per hostname and port only where a site has them: any other Host header (user input)
    finds what Wagtail would find for it, the default site, under one key.
    """
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    known = cached_fragment(
        "site-addresses",
        build=lambda: {(h, str(p)) for h, p in Site.objects.values_list("hostname", "port")},
        version_key=SITES_VERSION_KEY,
    )
    key = [hostname, port] if (hostname, str(port)) in known else []
    if not key and hostname in {h for h, _ in known}:
        key = [hostname, "other-port"]

    def build():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        root = site.root_page.specific
        root.locale = site.root_page.locale
        site.root_page = root
        return site

    return cached_fragment("site", *key, build=build, version_key=SITES_VERSION_KEY)


class SiteMiddleware:
    """Gives Wagtail the request's site from the cache (`request._wagtail_site`, where
    Site.find_for_request() keeps it for the rest of the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = cached_site(request)
        return self.get_response(request)


# --- HTTP cache headers -------------------------------------------------------------------------

# Paths whose answers are never kept by a shared cache, whoever asks.
PRIVATE_PREFIXES = ("/admin/", "/documents/", "/django-admin/")
# The API sets its own ETag/Cache-Control (cms/api.py); this middleware leaves them alone.
OWN_HEADERS_PREFIXES = ("/api/",)


def _shared_seconds() -> int:
    return settings.BRIDGES_CACHE_SECONDS


def _is_personal(request, response) -> bool:
    """Whether this answer could hold something of one reader's: it must never be shared.

    Read without touching `request.user` (that would load the session and add `Vary: Cookie`):
    a logged-in editor, a preview and a reader with messages or a registration all carry a cookie.
    """
    if request.path_info == "/" or request.path_info.startswith(PRIVATE_PREFIXES):
        return True  # "/" redirects by Accept-Language and the language cookie
    if getattr(request, "is_preview", False):
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
