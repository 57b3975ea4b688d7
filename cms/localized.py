"""Pages and snippets in the reader's language, or in the site's default language where no
translation exists.

Most centres are entered once, in English; a Hungarian reader should still find them in /hu/network/
(in English) until someone translates them, and never see a centre twice.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from cms.visibility import is_public


def default_locale() -> Locale:
    """Locale.get_default(), kept in the cache: the default language does not change while the
    site runs (every listing asked the database for it again)."""
    key = f"bridges:default-locale:{settings.LANGUAGE_CODE}"
    locale = cache.get(key)
    if locale is None:
        locale = Locale.get_default()
        cache.set(key, locale, 3600)
    return locale


# Locales by language code, for the active locale of every request without a query (Wagtail's
# Locale.get_active() asks the database each time, and a page asked it up to three times).
LOCALES_CACHE_KEY = "bridges:locales-by-code"
LOCALES_CACHE_SECONDS = 300


def active_locale() -> Locale:
    """Locale.get_active(), from the cache: the locale of the active language, else the default.
    A locale added while the site runs is found at once (an unknown code reads them again)."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return default_locale()
    locales = cache.get(LOCALES_CACHE_KEY)
    if locales is None or code not in locales:
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        cache.set(LOCALES_CACHE_KEY, locales, LOCALES_CACHE_SECONDS)
    return locales.get(code) or default_locale()


def in_language(
    queryset: QuerySet, locale: Locale, default: Locale | None = None, *, aliases: bool = True
) -> QuerySet:
    """Each page of `queryset` once, as a reader of `locale` should see it. The one language rule
    of every listing, the search and the API's `fallback=true`:

    1. its live version in `locale`: a translation, or an *alias* of the original (a page of a
       synchronised tree that is not translated yet; it shows the original's content);
    2. else its version in the default locale (`default`, Locale.get_default() when not given);
    3. else its original: the first version made (lowest id, never an alias), for a page that
       exists only in other languages (a story sent in and published in Slovak only).

    With `aliases=False` (the API, whose items are content, not addresses) an alias is never
    returned: the page it stands for comes back as its original instead.

    Every page comes back annotated with `content_locale_id`, the locale its content is written
    in: the original's for an alias, its own otherwise (`content_language()` reads it), so a card
    can carry the right `lang` and a badge. The queryset's other filters (live, public, a section)
    still apply to the pages returned; whether a version exists is decided on live pages.
    """
    default = default or default_locale()
    versions = Page.objects.filter(translation_key=OuterRef("translation_key"), live=True)
    in_locale = versions if aliases else versions.filter(alias_of__isnull=True)
    condition = Q(locale=locale) if aliases else Q(locale=locale, alias_of__isnull=True)
    if locale.pk == default.pk:
        translated = Exists(in_locale.filter(locale=locale))
    else:
        # The reader's locale holds a share of the pages of the default one: the set of its
        # translation keys, read once per query, answers "is it translated?" for every row
        # faster than an EXISTS probed per row (a listing of 100,000 English stories in
        # Hungarian: several times faster on SQLite and PostgreSQL).
        keys = Page.objects.filter(live=True, locale=locale)
        if not aliases:
            keys = keys.filter(alias_of__isnull=True)
        translated = Q(translation_key__in=keys.values("translation_key"))
        condition |= Q(locale=default) & ~translated
    no_better_version = ~translated
    if locale.pk != default.pk or not aliases:
        no_better_version &= ~Exists(versions.filter(locale=default))
    condition |= (
        ~Q(locale__in=[locale, default])
        & Q(alias_of__isnull=True)
        & no_better_version
        # The first version made: an alias is always younger than its original, so "no older
        # version" needs no test on aliases (which would lead SQLite to scan by alias_of).
        & ~Exists(versions.filter(pk__lt=OuterRef("pk")))
    )
    return queryset.filter(condition).annotate(
        content_locale_id=Coalesce(F("alias_of__locale_id"), F("locale_id"))
    )


def one_per_translation(objects: Iterable, locale: Locale) -> list:
    """Each object once, in the order given: its version in `locale` where there is one among
    `objects` (an alias in `locale` counts: it stands for the original in that language's tree),
    else the first other version (fetch `objects` in `locale` and the default locale)."""
    chosen: dict = {}
    for obj in objects:
        if obj.translation_key not in chosen or obj.locale_id == locale.pk:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def content_language(page) -> str:
    """The language code a page's content is written in: an alias (an untranslated page of a
    synchronised tree) is in its original's language, any other page in its own locale's. Free
    for pages from `in_language` (annotated); one query for an alias fetched otherwise."""
    if page is None:
        return ""
    locale_id = getattr(page, "content_locale_id", None)
    if locale_id is None:
        locale_id = page.locale_id
        if getattr(page, "alias_of_id", None):
            locale_id = (
                Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
            ) or locale_id
    return language_code(locale_id)


# "In English" on a card of another language's list: one phrase per language, because most of
# our languages inflect the name ("V angličtine", "Angolul"), so "In %(language)s" cannot work.
IN_LANGUAGE = {
    "en": _("In English"),
    "de": _("In German"),
    "hu": _("In Hungarian"),
    "sk": _("In Slovak"),
    "cs": _("In Czech"),
    "sl": _("In Slovenian"),
    "nl": _("In Dutch"),
    "it": _("In Italian"),
    "bg": _("In Bulgarian"),
    "sr": _("In Serbian"),
    "uk": _("In Ukrainian"),
}


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
