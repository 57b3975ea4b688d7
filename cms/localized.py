"""Pages and snippets in the reader's language, or in the site's default language where no
translation exists.

Most centres are entered once, in English; a Hungarian reader should still find them in /hu/network/
(in English) until someone translates them, and never see a centre twice.
"""

from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from wagtail.models import Locale, Page

from cms.visibility import is_public


def in_language(queryset: QuerySet, locale: Locale, default: Locale | None = None) -> QuerySet:
    """Each page once: its live translation in `locale`, else its version in the default locale.

    An alias (a page of a locale's synchronised tree that stands for an untranslated page: its
    `alias_of` is set, its content is the source's) is not a translation: it is never returned,
    and the page it stands for is returned in the default locale instead."""
    default = default or Locale.get_default()
    own = Q(alias_of__isnull=True)
    if locale.pk == default.pk:
        return queryset.filter(own, locale=locale)
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale=locale,
        live=True,
        alias_of__isnull=True,
    )
    return queryset.filter(own & (Q(locale=locale) | (Q(locale=default) & ~Exists(translated))))


def one_per_translation(objects: Iterable, locale: Locale) -> list:
    """Each object once, in the order given: its version in `locale` where there is one among
    `objects`, else the first other version (fetch `objects` in `locale` and the default locale)."""
    chosen: dict = {}
    for obj in objects:
        if obj.translation_key not in chosen or obj.locale_id == locale.pk:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def translated(obj, locale: Locale, live_only: bool = True):
    """`obj` (a page or snippet) in `locale` where it is translated (and live, for a page), else
    `obj` itself; None stays None."""
    if obj is None:
        return None
    translation = obj.get_translation_or_none(locale)
    if translation is None or (live_only and not getattr(translation, "live", True)):
        return obj
    return translation


# Locale ids never change meaning; a new locale is picked up at once (an unknown id re-reads).
LANGUAGE_CODES_CACHE_KEY = "bridges:locale-language-codes"
LANGUAGE_CODES_CACHE_SECONDS = 300


def language_code(locale_id: int) -> str:
    """The language code of a locale by id, without a query per page (links in a listing)."""
    codes = cache.get(LANGUAGE_CODES_CACHE_KEY)
    if codes is None or locale_id not in codes:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(LANGUAGE_CODES_CACHE_KEY, codes, LANGUAGE_CODES_CACHE_SECONDS)
    return codes.get(locale_id, "")


def public_translation(page, locale: Locale | None = None):
    """What a reader of `locale` (the active language when not given) is sent to for a link to
    `page`: its translation in `locale` where that is live and public, else `page` itself where it
    is public, else None (a draft or a private page is never named). The one rule for a story's
    or a walk's centre, link blocks and rich text links."""
    if page is None:
        return None
    locale = locale or Locale.get_active()
    if page.locale_id != locale.pk:
        candidate = translated(page, locale)
        if candidate is not page and is_public(candidate):
            return candidate
    return page if is_public(page) else None
