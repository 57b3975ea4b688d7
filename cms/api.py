"""The public, read-only API: Wagtail API v2 with pages, images, documents and media.

Every error is JSON with a 400 or 404 status and a message naming the parameter: the raw query is
checked before Wagtail reads it, so no value reaches the database that it cannot take (a NUL
character, a number beyond its integers) and no request ends in an HTML 500 page.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection
from wagtailmedia.api.views import MediaAPIViewSet

from cms.localized import language_code
from cms.search import with_language_search

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


class AlwaysJSON(BaseContentNegotiation):
    """JSON whatever the client accepts: a browser asking for HTML gets the data, not a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class JSONOnlyMixin:
    """JSON only (no DRF browsable HTML), and the query checked before any view reads it."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = AlwaysJSON

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, so `format=api` is a 400 naming the parameter, not a 404.
        check_parameters(request.GET)
        super().initial(request, *args, **kwargs)


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
    language the client's Accept-Language header asks for."""

    def to_representation(self, instance):
        with translation.override(language_code(instance.locale_id) or settings.LANGUAGE_CODE):
            return super().to_representation(instance)


class PublicPagesAPIViewSet(JSONOnlyMixin, PagesAPIViewSet):
    base_serializer_class = PageInItsLanguageSerializer
    # search= in the text search configuration of locale= (cms/search.py).
    filter_backends = with_language_search(PagesAPIViewSet.filter_backends)


class PublicImagesAPIViewSet(PublicCollectionsMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicCollectionsMixin, DocumentsAPIViewSet):
    pass


class PublicMediaAPIViewSet(PublicCollectionsMixin, MediaAPIViewSet):
    pass


def not_found(request, path=""):
    """Any other address under /api/v2/ (`pages/-1/`, a typo): a JSON 404 like the endpoints'."""
    return JsonResponse({"message": f"not found: /api/v2/{path}"}, status=404)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("media", PublicMediaAPIViewSet)
