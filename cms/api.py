"""The public, read-only API: Wagtail API v2 with pages, images, documents and media."""

from django.conf import settings
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtailmedia.api.views import MediaAPIViewSet


class PublicCollectionsMixin:
    """Files in private collections (public submissions awaiting review) never appear in listings.

    Once a story made from a submission is published, its images appear inside that page's content.
    """

    def get_queryset(self):
        private = getattr(settings, "BRIDGES_PRIVATE_COLLECTIONS", ())
        return super().get_queryset().exclude(collection__name__in=private)


class PublicImagesAPIViewSet(PublicCollectionsMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicCollectionsMixin, DocumentsAPIViewSet):
    pass


class PublicMediaAPIViewSet(PublicCollectionsMixin, MediaAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("media", PublicMediaAPIViewSet)
