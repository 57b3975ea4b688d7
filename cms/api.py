"""The public, read-only API: Wagtail API v2 with pages, images, documents and media.

Every error is JSON with a 400 or 404 status and a message naming the parameter: the raw query is
checked before Wagtail reads it, so no value reaches the database that it cannot take (a NUL
character, a number beyond its integers) and no request ends in an HTML 500 page.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import QuerySet, Subquery, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.urls import path
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail import blocks, hooks
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Collection, Locale, Page, Site
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtailmedia.api.views import MediaAPIViewSet

from cms.localized import in_language, language_code
from cms.search import LanguageSearchFilter
from cms.serializers import (
    PRELOADED_IMAGES,
    PageParentSerializerField,
    PageTranslationsSerializerField,
)

# The largest value a database integer column holds on every backend we run (PostgreSQL integer).
MAX_INTEGER = 2**31 - 1
# Parameters that must be whole numbers; Wagtail parses some of them itself, but passes a number
# too large for the database straight to it.
INTEGER_PARAMETERS = {
    "offset",
    "limit",
    "id",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
}
SEARCH_OPERATORS = {"and", "or"}
FALLBACK_VALUES = {"true": True, "1": True, "false": False, "0": False}
# Parameters that do not choose pages among those of the endpoint's queryset (`type` and `site`
# are part of it): any other one is a tree or field filter.
UNFILTERED_PARAMETERS = {
    "type",
    "site",
    "fields",
    "limit",
    "offset",
    "order",
    "locale",
    "fallback",
    "format",
    "search",
    "search_operator",
}


def check_parameters(query) -> None:
    """Refuse, with a message naming the parameter, what the database or search cannot take."""
    for name, values in query.lists():
        for value in values:
            if "\x00" in value or "\x00" in name:
                raise BadRequestError(f"{name.replace(chr(0), '')}: the value contains a NUL byte")
            whole = (
                value.isascii()
                and value.isdigit()
                and len(value) < 20
                and int(value) <= MAX_INTEGER
            )
            if name in INTEGER_PARAMETERS and value != "" and not whole:
                raise BadRequestError(
                    f"{name} must be a whole number from 0 to {MAX_INTEGER}, not {value[:40]!r}"
                )
    operator = query.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError(f"search_operator must be 'and' or 'or', not {operator[:40]!r}")
    output_format = query.get("format")
    if output_format is not None and output_format != "json":
        raise BadRequestError(f"format must be 'json', not {output_format[:40]!r}")
    fallback = query.get("fallback")
    if fallback is not None:
        if fallback not in FALLBACK_VALUES:
            raise BadRequestError(f"fallback must be 'true' or 'false', not {fallback[:40]!r}")
        if FALLBACK_VALUES[fallback] and not query.get("locale"):
            raise BadRequestError("fallback=true needs locale= (the reader's language)")


def requested_locale(request) -> Locale | None:
    """The reader's locale from `locale=`, or None without it; an unknown one is a 400."""
    code = request.GET.get("locale")
    if code is None:
        return None
    # Kept on the request: the serialiser asks again for every item of a listing.
    cached = getattr(request, "_bridges_locale", None)
    if cached is not None and cached.language_code == code:
        return cached
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        known = ", ".join(sorted(Locale.objects.values_list("language_code", flat=True)))
        raise BadRequestError(f"locale must be one of {known}, not {code[:40]!r}")
    request._bridges_locale = locale
    return locale


def wants_fallback(request) -> bool:
    return FALLBACK_VALUES.get(request.GET.get("fallback", "false"), False)


def without_aliases(request, queryset):
    """`queryset` without aliases. The search backend (which runs last) filters on indexed fields
    only, and `alias_of` is not one: with `search=` the same filter is an `id IN (subquery)`."""
    if "search" in request.GET:
        return queryset.filter(
            pk__in=Subquery(Page.objects.filter(alias_of__isnull=True).values("pk"))
        )
    return queryset.filter(alias_of__isnull=True)


class LocaleFilter:
    """`locale=` and `fallback=`: which version of each page a listing gives.

    - no `locale`: every page in every language, each translation an item of its own;
    - `locale=sk`: the pages written or translated in Slovak only;
    - `locale=sk&fallback=true`: every page once, in Slovak where a live Slovak translation
      exists, else in its source language (cms.localized.in_language, the site's one rule);
      `meta.locale` says which.
    Aliases (the untranslated pages of a locale's synchronised tree) are never items: their content
    is another locale's, so an alias counts as its source. The tree filters (`child_of`,
    `descendant_of`, ...) and field filters before this one choose *which pages*; with fallback
    each chosen page is then given in the reader's language, wherever its translation sits in the
    tree, so `child_of=<the English stories index>` and `child_of=<the Slovak one>` list the same
    stories. Ordering is kept; counts and pagination count each page once.
    """

    def filter_queryset(self, request, queryset, view):
        locale = requested_locale(request)
        if locale is None:
            return without_aliases(request, queryset)
        if not wants_fallback(request):
            return without_aliases(request, queryset.filter(locale=locale))
        versions = view.get_queryset()
        if set(request.GET) - UNFILTERED_PARAMETERS:
            # The filters before this one chose some pages: every live version of those.
            versions = versions.filter(translation_key__in=queryset.values("translation_key"))
        # Without them every version is already in `versions`, and a subquery of all their
        # translation keys would only cost a pass over every page.
        chosen = in_language(versions, locale, aliases=False)
        if "search" not in request.GET:
            # The rule applied to each row of the listing itself: the database counts and pages
            # through it once, where `pk IN (the same rule)` had it work out every page twice.
            return chosen.order_by(*queryset.query.order_by) if queryset.query.order_by else chosen
        # One `pk IN (subquery)` filter on the unfiltered queryset: the search backend (last)
        # can filter on it, and the order asked for (`order=`) is applied again.
        result = view.get_queryset().filter(pk__in=Subquery(chosen.values("pk")))
        if queryset.query.order_by:
            result = result.order_by(*queryset.query.order_by)
        return result


def stream_image_ids(block, raw) -> set[int]:
    """The ids of the images chosen anywhere in a StreamField's raw JSON."""
    if raw is None:
        return set()
    if isinstance(block, ImageChooserBlock):
        return {raw} if isinstance(raw, int) else set()
    ids: set[int] = set()
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                ids |= stream_image_ids(child, item.get("value"))
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            ids |= stream_image_ids(child, raw.get(name))
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            is_item = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            ids |= stream_image_ids(block.child_block, item["value"] if is_item else item)
    return ids


def prepare_pages(pages: list) -> None:
    """Read once for a whole listing what serialising each page would read one by one: each
    page's locale, its image fields with their renditions, the images chosen in its StreamFields
    (for the image chooser blocks), and whatever an app registers with the
    `bridges_api_prepare_pages` hook (a story's themes, a page's country)."""
    if not pages:
        return
    prefetch_related_objects(pages, "locale")
    image_model = get_image_model()
    image_ids: set[int] = set()
    for model in {type(page) for page in pages}:
        group = [page for page in pages if type(page) is model]
        image_fields = [
            field.name
            for field in model._meta.get_fields()
            if field.many_to_one and field.related_model is image_model
        ]
        if image_fields:
            prefetch_related_objects(
                group, *image_fields, *[f"{name}__renditions" for name in image_fields]
            )
        stream_fields = [
            field for field in model._meta.get_fields() if isinstance(field, StreamField)
        ]
        for page in group:
            for field in stream_fields:
                raw = getattr(page, field.attname).raw_data
                image_ids |= stream_image_ids(field.stream_block, list(raw))
    preloaded = PRELOADED_IMAGES.get()
    if preloaded is not None and image_ids:
        preloaded.update(image_model.objects.prefetch_renditions().in_bulk(image_ids))
    for prepare in hooks.get_hooks("bridges_api_prepare_pages"):
        prepare(pages)


class AlwaysJSON(BaseContentNegotiation):
    """JSON whatever the client accepts: a browser asking for HTML gets the data, not a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def with_cache_headers(request, response):
    """Cache-Control on every API GET (a short max-age, then stale-while-revalidate), and on an
    answer with content an ETag over its body (as Django's ConditionalGetMiddleware makes it): a
    request whose If-None-Match names it gets a 304 without the body.

    Nothing in the API is cached on the server, so the ETag of the next answer after a page is
    published, unpublished, moved or deleted is the new body's; the `cache` helper's purge removes
    /api/ answers from Varnish at the same moment."""
    if request.method not in ("GET", "HEAD"):
        return response
    if not response.has_header("Cache-Control"):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.API_CACHE_MAX_AGE,
            stale_while_revalidate=settings.API_CACHE_STALE_WHILE_REVALIDATE,
        )
    if response.status_code != 200 or response.streaming:
        return response
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


class JSONOnlyMixin:
    """JSON only (no DRF browsable HTML), the query checked before any view reads it, and cache
    headers (ETag, Cache-Control, 304) on every answer."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = AlwaysJSON

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, so `format=api` is a 400 naming the parameter, not a 404.
        check_parameters(request.GET)
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()  # the ETag is over the JSON body
        return with_cache_headers(request, response)


class PublicCollectionsMixin(JSONOnlyMixin):
    """Files in private collections (public submissions awaiting review) never appear in listings.

    Once a story made from a submission is published, its images appear inside that page's content.
    The filter is on collection ids (an indexed filter field), so `search=` works on top of it.
    """

    def get_queryset(self):
        private = getattr(settings, "BRIDGES_PRIVATE_COLLECTIONS", ())
        hidden = list(Collection.objects.filter(name__in=private).values_list("pk", flat=True))
        return super().get_queryset().exclude(collection__in=hidden)


class PageInItsLanguageSerializer(PageSerializer):
    """Each page serialised in its own language, as its HTML page is rendered: a link block or a
    rich text link in a German page leads to the German translation of its target, whatever
    language the client's Accept-Language header asks for. With `fallback=true` a page is read
    in the reader's language (`locale=`), as under that language's prefix on the site: an English
    story given to a Slovak reader links the Slovak translations of its centre and its country.

    Every page link (`parent`, `meta.translations`, link fields and blocks) has one shape:
    `{id, type, title, locale, html_url, api_url}` (cms.serializers.serialize_page_link)."""

    parent = PageParentSerializerField(read_only=True)
    translations = PageTranslationsSerializerField(read_only=True)

    def to_representation(self, instance):
        request = self.context.get("request")
        reader = requested_locale(request) if request and wants_fallback(request) else None
        language = reader.language_code if reader else language_code(instance.locale_id)
        with translation.override(language or settings.LANGUAGE_CODE):
            return super().to_representation(instance)


class PublicPagesAPIViewSet(JSONOnlyMixin, PagesAPIViewSet):
    base_serializer_class = PageInItsLanguageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        # Last: search results cannot be filtered further. In `locale=`'s text search
        # configuration (cms/search.py).
        LanguageSearchFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["fallback"])
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    # Every listing item names its translations only when asked (`fields=translations` or `*`).

    def listing_view(self, request):
        token = PRELOADED_IMAGES.set({})
        try:
            return super().listing_view(request)
        finally:
            PRELOADED_IMAGES.reset(token)

    def get_queryset(self):
        """Wagtail's, but one page type's pages filtered as public directly, not as
        `id IN (every public page)`: that subquery was worked out whole (a pass over every page)
        by each query of a listing, even the one reading the 20 rows of its page."""
        try:
            models = page_models_from_string(self.request.GET.get("type") or "")
        except (LookupError, ValueError):
            models = []
        if len(models) != 1:  # all pages, several types, or a type Wagtail answers with a 400
            return super().get_queryset()
        try:
            return get_public_pages_queryset(self.request, model=models[0])
        except ValueError as error:  # an unknown `site=`, as get_base_queryset answers it
            raise BadRequestError(str(error)) from error

    def paginate_queryset(self, queryset):
        # A list, so what the whole page of results needs is read in a few queries, not a few
        # per item: translations (translations_of), images, and each app's own (a hook).
        if isinstance(queryset, QuerySet):
            # Counted and paged through as ids only; then the rows of the ids on this page, with
            # their StreamFields. Sorting and skipping whole rows (bodies and all) to reach the
            # last offset made a listing cost as much as the stories it skipped.
            ids = list(super().paginate_queryset(queryset.values_list("pk", flat=True)))
            # By id alone: the listing's filters chose these ids already.
            rows = queryset.model._default_manager.in_bulk(ids)
            self._listed_pages = [rows[pk] for pk in ids if pk in rows]
        else:  # search results, already ranked and sliced by the search backend
            self._listed_pages = list(super().paginate_queryset(queryset))
        prepare_pages(self._listed_pages)
        return self._listed_pages

    def translations_of(self, page) -> list:
        """The live, public versions (translations, not aliases) of `page` and of every other page
        of this response, read once per response."""
        if not hasattr(self, "_translations"):
            pages = getattr(self, "_listed_pages", None) or [page]
            keys = {item.translation_key for item in pages}
            versions = (
                self.get_base_queryset()
                .filter(translation_key__in=keys)
                .select_related("locale")
                .order_by("locale__language_code")
            )
            self._translations = {}
            # Aliases left out here, not in the query: `alias_of IS NULL` led SQLite to read
            # every page by that index rather than the versions of these keys by theirs.
            for version in (version for version in versions if version.alias_of_id is None):
                self._translations.setdefault(version.translation_key, []).append(version)
        return self._translations.get(page.translation_key, [])

    def get_object(self):
        """The page asked for; with `locale=`, its live translation in that locale (without
        `fallback=true` a 404 when there is none; with it, the page in its source language).
        An alias is answered as the page it stands for."""
        # Not DRF's get_object: that runs the listing's filters (a `locale=sk` filter would hide
        # the English page asked for before its translation could be looked up).
        page = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if page is None:
            raise Http404(
                f"No Page matches the given query: no live public page {self.kwargs['pk']}"
            )
        page = page.specific
        if page.alias_of_id:
            page = self.get_queryset().filter(pk=page.alias_of_id).first()
            if page is None:
                raise Http404("No Page matches the given query: the alias's source is not public")
            page = page.specific
        locale = requested_locale(self.request)
        if locale is None or page.locale_id == locale.pk:
            return page
        versions = self.get_queryset().filter(translation_key=page.translation_key)
        if wants_fallback(self.request):
            chosen = in_language(versions, locale, aliases=False).first()
            # A page written in a language other than the default stays itself.
            return chosen.specific if chosen is not None else page
        chosen = versions.filter(locale=locale, alias_of__isnull=True).first()
        if chosen is None:
            raise Http404(
                f"page {page.pk} has no live translation in locale {locale.language_code!r}"
            )
        return chosen.specific

    def find_object(self, queryset, request):
        """`html_path=/sk/stories/…/`: the path routed under its language's home page (Wagtail
        routes every path from the default language's), an alias found as the page it stands for."""
        path = request.GET.get("html_path")
        site = Site.find_for_request(request)
        if path is None or site is None:
            return super().find_object(queryset, request)
        components = [component for component in path.split("/") if component]
        root = site.root_page
        if components:
            locale = Locale.objects.filter(language_code=components[0]).first()
            if locale is not None:
                components = components[1:]
                root = root.get_translation_or_none(locale) or root
        try:
            page, _, _ = root.specific.route(request, components)
        except Http404:
            return None
        page_id = page.alias_of_id or page.pk
        return queryset.filter(pk=page_id).first()


class PublicImagesAPIViewSet(PublicCollectionsMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicCollectionsMixin, DocumentsAPIViewSet):
    pass


class PublicMediaAPIViewSet(PublicCollectionsMixin, MediaAPIViewSet):
    pass


class PagePreviewAPIViewSet(PublicPagesAPIViewSet):
    """/api/v2/preview/?content_type=stories.storypage&token=…[&id=…]: the draft an editor is
    previewing, in the detail shape, for a headless front end (cms/preview.py). Nothing of a
    draft without a valid token: a tampered, expired or unknown token, another page's id or
    another page type are all a 404, and the answer is never cached (private, no-store)."""

    known_query_parameters = frozenset(["content_type", "token", "id", "format"])

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "preview_view"}), name="preview")]

    def preview_view(self, request):
        self.check_query_parameters(Page.objects.none())
        serializer = self.get_serializer(self.get_object())
        return Response(serializer.data, headers={"Cache-Control": "private, no-store"})

    def get_object(self):
        if hasattr(self, "_preview"):
            return self._preview
        query = self.request.GET
        for name in ("content_type", "token"):
            if not query.get(name):
                raise BadRequestError(f"{name} is required (from the preview address)")
        try:
            app_label, model_name = query["content_type"].split(".")
            content_type = ContentType.objects.get_by_natural_key(app_label, model_name.lower())
        except (ValueError, ContentType.DoesNotExist) as error:
            raise Http404("content_type: no such page type") from error
        model = content_type.model_class()
        if model is None or not issubclass(model, HeadlessPreviewMixin):
            raise Http404("content_type: no such page type")
        try:
            identifier = model.get_preview_signer().unsign(
                query["token"], max_age=settings.HEADLESS_PREVIEW_MAX_AGE
            )
        except signing.SignatureExpired as error:
            raise Http404("token: the preview has expired; press Preview again") from error
        except signing.BadSignature as error:
            raise Http404("token: not a preview token") from error
        if query.get("id") and identifier != f"id={query['id']}":
            raise Http404("token: not a preview of this page")
        preview = PagePreview.objects.filter(
            content_type=content_type, token=query["token"]
        ).first()
        if preview is None:
            raise Http404("token: no such preview")
        self._preview = preview.as_page()
        return self._preview

    def get_serializer_class(self):
        page = self.get_object()
        return self._get_serializer_class(
            self.request.wagtailapi_router, type(page), [], show_details=True
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["base_queryset"] = self.get_base_queryset()
        return context


def not_found(request, path=""):
    """Any other address under /api/v2/ (`pages/-1/`, a typo): a JSON 404 like the endpoints'."""
    response = JsonResponse({"message": f"not found: /api/v2/{path}"}, status=404)
    return with_cache_headers(request, response)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("media", PublicMediaAPIViewSet)
api_router.register_endpoint("preview", PagePreviewAPIViewSet)
