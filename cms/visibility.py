"""Whether a page may be named to the public: live, and neither restricted nor under a restricted page.

Listings filter in their query (`.live().public()`); a single linked page (a story's centre, a link
block) is checked here against the paths of every restricted page, read once and cached, so a listing
of a hundred stories with their centres costs no query per item.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

CACHE_KEY = "bridges:restricted-page-paths"
# A safety net only: every change to a restriction or a move clears the cache at once.
CACHE_SECONDS = 300


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of every page with a view restriction (password, login or groups)."""
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(CACHE_KEY, paths, CACHE_SECONDS)
    return paths


def is_public(page) -> bool:
    """Live and visible to anyone: the single-page counterpart of `.live().public()`."""
    if page is None or not page.live:
        return False
    paths = restricted_paths()
    return not (paths and page.path.startswith(paths))


def forget_restricted_paths(**kwargs) -> None:
    cache.delete(CACHE_KEY)
    # A restriction saved in a transaction that is still open: clear again once others can see it.
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect_signals() -> None:
    """Called from the core app's ready(): a deleted page takes its restrictions with it."""
    post_save.connect(forget_restricted_paths, sender=PageViewRestriction)
    post_delete.connect(forget_restricted_paths, sender=PageViewRestriction)
    post_page_move.connect(forget_restricted_paths)
