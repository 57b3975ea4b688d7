"""Template tags every page uses: languages, navigation and meta."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from cms import localized
from cms.caching import cached_fragment
from cms.serializers import absolute_url

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _homes(request) -> dict[str, Page]:
    """The live home page of every language, by language code.

    The header asks for it three times (language links, menu, logo link); it is looked up once a
    request, and the reader's home and a page's language are read from it without more queries.
    """
    if request is None:
        return {}
    if not hasattr(request, "_bridges_homes"):
        root = _site_root(request)
        # The same for every reader: kept in the cache until a page is published (cms.caching).
        request._bridges_homes = (
            cached_fragment(
                "homes",
                root.pk,
                build=lambda: {
                    home.locale.language_code: home
                    for home in root.get_translations(inclusive=True)
                    .live()
                    .select_related("locale")
                },
            )
            if root is not None
            else {}
        )
    return request._bridges_homes


def _reader_home(request) -> Page | None:
    """The home page in the reader's language, or the default one while it is not translated."""
    return _homes(request).get(translation.get_language()) or _site_root(request)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the reader goes to read this page in that language.

    A page links to its live translation, or to that language's home page when it has none; other
    views (search, forms) keep their path under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    sub_path = ""
    if isinstance(page, Page) and page.pk:
        translations = cached_fragment(
            "translations",
            page.translation_key,
            build=lambda: {
                p.locale.language_code: (p.url, p.alias_of_id is not None)
                for p in page.get_translations(inclusive=True)
                .live()
                .public()
                .select_related("locale")
            },
        )
        # A route below a routable page (/de/stories/tell-your-story/) keeps its place.
        page_url = page.url or ""
        if request is not None and page_url and request.path.startswith(page_url):
            sub_path = request.path[len(page_url) :]
    homes = _homes(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            # An alias (the page not translated yet, in that language's synchronised tree) keeps
            # the reader on this page, but is no translation to name in hreflang.
            version_url, is_alias = translations[code]
            url, translated = version_url + sub_path, not is_alias
            aliased = is_alias
        elif isinstance(page, Page):
            home = homes.get(code)
            url, translated, aliased = (home.url if home else f"/{code}/"), False, False
        else:
            url, translated = translate_url(request.get_full_path() if request else "/", code), True
            aliased = False
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "default": code == settings.LANGUAGE_CODE,
                "translated": translated,
                "aliased": aliased,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """The top-level pages of the reader's language, for the main menu."""
    home = _reader_home(context.get("request"))
    if home is None:
        return []
    return cached_fragment(
        "menu",
        home.pk,
        build=lambda: [
            {"title": item.title, "url": item.url, "url_path": item.url_path}
            for item in home.get_children()
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "locale_id")
        ],
    )


@register.simple_tag(takes_context=True)
def localized_home(context):
    return _reader_home(context.get("request"))


@register.simple_tag(takes_context=True)
def content_language(context, page):
    """The language a page is written in: an alias (not translated yet) is in its original's."""
    if not isinstance(page, Page):
        return ""
    if page.alias_of_id or hasattr(page, "content_locale_id"):
        return localized.content_language(page)
    by_locale = {home.locale_id: code for code, home in _homes(context.get("request")).items()}
    return by_locale.get(page.locale_id) or page.locale.language_code


@register.simple_tag
def canonical_url(page) -> str:
    """The one address search engines should keep: an alias's is its original's."""
    if not isinstance(page, Page):
        return ""
    if page.alias_of_id:
        original = Page.objects.filter(pk=page.alias_of_id).first()
        if original is not None:
            return original.full_url or ""
    return page.full_url or ""


@register.inclusion_tag("includes/language_badge.html", takes_context=True)
def language_badge(context, page):
    """On a card of a listing: "In English" (in the reader's language) when the page's content is
    not in the reader's language. The card itself carries lang= (`card_lang`)."""
    language = localized.content_language(page) if isinstance(page, Page) else ""
    reader = translation.get_language()
    shown = bool(language) and language != reader
    return {"label": localized.IN_LANGUAGE.get(language, language) if shown else "", "lang": reader}


@register.simple_tag
def card_lang(page) -> str:
    """lang="xx" for a card whose content is not in the reader's language, else nothing."""
    language = localized.content_language(page) if isinstance(page, Page) else ""
    if not language or language == translation.get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag(takes_context=True)
def content_lang(context, page) -> str:
    """lang="xx" for an element holding a page's own words (title, introduction, body, image
    texts) where they are not in the reader's language (an alias shows its original's), else
    nothing: the interface around them stays in the reader's language. Asked once a page."""
    if not isinstance(page, Page):
        return ""
    language = getattr(page, "_bridges_content_language", None)
    if language is None:
        language = page._bridges_content_language = content_language(context, page)
    if not language or language == translation.get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag(takes_context=True)
def reader_lang(context, page) -> str:
    """lang="<reader's>" for a label of the interface inside a page's content (a block's "Transcript",
    a walk stop's "Stop 2 of 5") where that content carries another language's lang, else nothing."""
    if not content_lang(context, page):
        return ""
    return format_html(' lang="{}"', translation.get_language())


@register.inclusion_tag("includes/alias_notice.html", takes_context=True)
def alias_notice(context, page):
    """Above a page shown in another language's tree before it is translated (an alias): "This
    page is not translated into <the reader's language> yet; you are reading it in English", in
    the reader's language."""
    language = ""
    if isinstance(page, Page) and page.alias_of_id:
        content_lang(context, page)  # the page's content language, asked once
        language = page._bridges_content_language
    shown = bool(language) and language != translation.get_language()
    return {"message": NOT_TRANSLATED_YET.get(language, "") if shown else ""}


# One sentence per language the content is in, as cms.localized.IN_LANGUAGE: each catalogue names
# its own language ("into Slovak") and inflects the other ("in English": "v angličtine", "angolul").
NOT_TRANSLATED_YET = {
    "en": _("This page is not translated into your language yet: you are reading it in English."),
    "de": _("This page is not translated into your language yet: you are reading it in German."),
    "hu": _("This page is not translated into your language yet: you are reading it in Hungarian."),
    "sk": _("This page is not translated into your language yet: you are reading it in Slovak."),
    "cs": _("This page is not translated into your language yet: you are reading it in Czech."),
    "sl": _("This page is not translated into your language yet: you are reading it in Slovenian."),
    "nl": _("This page is not translated into your language yet: you are reading it in Dutch."),
    "it": _("This page is not translated into your language yet: you are reading it in Italian."),
    "bg": _("This page is not translated into your language yet: you are reading it in Bulgarian."),
    "sr": _("This page is not translated into your language yet: you are reading it in Serbian."),
    "uk": _("This page is not translated into your language yet: you are reading it in Ukrainian."),
}


SITE_NAME = "Bridges"
NETWORK_NAME = "MINE"


@register.filter(is_safe=True)
def site_title(title: str) -> str:
    """A page's <title>: "<page> · Bridges · MINE", naming the site once even when the page does.

    A home page titled "Bridges" reads "Bridges · MINE", not "Bridges · Bridges · MINE".
    """
    parts = [part.strip() for part in str(title).split(" · ")]
    parts = [part for part in parts if part and part not in (SITE_NAME, NETWORK_NAME)]
    return " · ".join([*parts, SITE_NAME, NETWORK_NAME])


@register.inclusion_tag("includes/map_settings.html")
def map_settings():
    """data- attributes that tell assets/js/bridges-map.js where its tiles come from."""
    return {"tile_url": settings.MAP_TILE_URL, "attribution": settings.MAP_ATTRIBUTION}


@register.filter
def public_url(path: str) -> str:
    """A site-relative path as an absolute URL at the one public address (WAGTAILADMIN_BASE_URL),
    whatever host the request came in on (cms/site_address.py)."""
    return absolute_url(path or "")
