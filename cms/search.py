"""Site search, per language: /<lang>/search/?q= finds live, public pages the way every listing
shows them (cms.localized.in_language: the reader's translation, else the original with its
language named), with PostgreSQL's text search configuration for that language (German stems,
Slovak without accents: cms.search_backend) and a highlighted excerpt of each result.

`search_pages()` is the one way to search pages in a language; the API's `search=` with `locale=`
goes through it too (`LanguageSearchFilter`).
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.db.models import F, OuterRef
from django.shortcuts import render
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from modelsearch.conf import get_app_config
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, Page

from cms.localized import in_language
from cms.search_backend import search_config

RESULTS_PER_PAGE = 10
# Results counted at most: past it the page says "more than 1,000" and pages through the first
# 1,000. A word in a third of 100,000 pages is counted in 10-50 ms to this limit, in seconds to
# the end (each match checked against the language rule).
RESULTS_COUNTED = 1000
QUERY_MAX_LENGTH = 200
EXCERPT_WORDS = 30
# Markers ts_headline puts around a match, turned into <mark> after the text is escaped.
START, STOP = "\x02", "\x03"


def search_pages(queryset, query: str, language_code: str | None, **options):
    """Search `queryset` for `query` in `language_code`'s text search configuration (PostgreSQL;
    other databases have one way to search). `options`: modelsearch's `fields`, `operator`,
    `order_by_relevance`. Returns modelsearch's lazy results (slice them; `.count()`)."""
    backend = get_search_backend()
    if hasattr(backend, "with_config"):  # cms.search_backend on PostgreSQL
        options["config"] = search_config(language_code)
    return backend.search(query, queryset, **options)


def searchable_pages(locale: Locale):
    """Live public pages as a reader of `locale` sees them (in_language). The search backends
    accept only filters on indexed fields before a search, so the rule goes in as a subquery on
    the id: a correlated one (the page's own id), so that the database applies the rule to the
    pages it is asked about, the best-ranked ones (cms.search_backend), rather than to every
    page first (an uncorrelated subquery was worked out whole, for 100,000 pages, by each of
    SQLite's queries)."""
    itself = in_language(Page.objects.filter(pk=OuterRef("pk")), locale).values("pk")
    return Page.objects.live().public().filter(pk__in=itself).specific()


def search(request):
    # Control characters (a NUL byte breaks SQLite's full text query) are never words.
    query = "".join(ch if ch.isprintable() else " " for ch in request.GET.get("q", ""))
    query = query.strip()[:QUERY_MAX_LENGTH]
    locale = Locale.get_active()
    results = Page.objects.none()
    if query:
        results = search_pages(searchable_pages(locale), query, locale.language_code)
    paginator = SearchPaginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (InvalidPage, ValueError):  # ?page=abc or ?page=99: the first page
        page = paginator.page(1)
    if query:
        attach_excerpts(list(page.object_list), query, locale.language_code)
    return render(request, "search.html", {"query": query, "results": page, "paginator": paginator})


class SearchPaginator(Paginator):
    """Counts no further than RESULTS_COUNTED where the backend can stop counting
    (cms.search_backend on PostgreSQL); `more` tells whether there were more."""

    @cached_property
    def _counted(self) -> int:
        count_up_to = getattr(self.object_list, "count_up_to", None)
        if count_up_to is None:
            return super().count
        return count_up_to(RESULTS_COUNTED + 1)

    @cached_property
    def count(self) -> int:
        return min(self._counted, RESULTS_COUNTED)

    @cached_property
    def more(self) -> bool:
        return self._counted > RESULTS_COUNTED


# -- excerpts -------------------------------------------------------------------------------


def attach_excerpts(pages: list, query: str, language_code: str) -> None:
    """`excerpt` on each result: a few words of its indexed text around the words found, those
    marked with <mark> (safe HTML). One query for all results of a page."""
    if not pages:
        return
    ids = [str(page.pk) for page in pages]
    index_entry = get_app_config().get_model("IndexEntry")  # wagtail.search's, on this database
    entries = index_entry.objects.filter(
        object_id__in=ids, content_type_id__in={page.content_type_id for page in pages}
    )
    if connection.vendor == "postgresql":
        config = search_config(language_code)
        rows = entries.annotate(
            excerpt=SearchHeadline(
                F("body_text"),
                SearchQuery(query, config=config),
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=EXCERPT_WORDS,
                min_words=EXCERPT_WORDS // 2,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        ).values_list("object_id", "excerpt")
        marked = {object_id: _marked(text) for object_id, text in rows if START in text}
    else:
        rows = entries.values_list("object_id", "body")
        marked = {object_id: _excerpt(text or "", query) for object_id, text in rows}
    for page in pages:
        page.excerpt = marked.get(str(page.pk), "")


def _marked(text: str) -> str:
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 (escaped above; only our markers become tags)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _excerpt(text: str, query: str) -> str:
    """Without PostgreSQL: the words around the first word that begins like a query word (case
    and accents aside), each such word marked."""
    words = text.split()
    terms = [_fold(term) for term in re.findall(r"\w+", query) if len(term) > 1]
    if not words or not terms:
        return ""

    def found(word: str) -> bool:
        folded = _fold(re.sub(r"^\W+|\W+$", "", word))
        return any(folded.startswith(term[: max(4, len(term) - 2)]) for term in terms)

    first = next((i for i, word in enumerate(words) if found(word)), None)
    if first is None:
        return ""
    start = max(0, first - EXCERPT_WORDS // 3)
    window = words[start : start + EXCERPT_WORDS]
    html = " ".join(
        f"<mark>{escape(word)}</mark>" if found(word) else escape(word) for word in window
    )
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_WORDS < len(words) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 (every word escaped)


# -- the API --------------------------------------------------------------------------------


class LanguageSearchFilter(SearchFilter):
    """Wagtail API v2's `search=`, in the text search configuration of `locale=` (the default
    language's without it), through `search_pages`: the same search as /<lang>/search/."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET or not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            return super().filter_queryset(request, queryset, view)  # none, or Wagtail's refusal
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        try:
            return search_pages(
                queryset,
                request.GET["search"],
                request.GET.get("locale"),
                operator=request.GET.get("search_operator", None),
                order_by_relevance="order" not in request.GET,
            )
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(
                f"cannot filter or order by '{error.field_name}' while searching "
                "(field is not indexed)"
            ) from error
