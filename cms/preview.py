"""Headless preview (wagtail-headless-preview): an editor's Preview opens the headless front end
at HEADLESS_PREVIEW_URL with `?content_type=…&token=…`; the front end reads the draft from
/api/v2/preview/ with the same two parameters.

The token is signed (Django's TimestampSigner, the package's own) and expires after
HEADLESS_PREVIEW_MAX_AGE seconds (the package stores previews for a day and checks no age: we
check it on every read). Without a valid, unexpired token for that page nothing of a draft is
returned. Without HEADLESS_PREVIEW_URL, Preview shows the site's own templates as before.
"""

from django.conf import settings
from wagtail_headless_preview.models import HeadlessPreviewMixin


class HeadlessPreviewPageMixin(HeadlessPreviewMixin):
    """Every Bridges page: previewed in the headless front end when one is configured."""

    def get_client_root_url(self, request) -> str:
        # The setting itself (not the package's copy of it): one place to configure.
        return settings.HEADLESS_PREVIEW_URL

    def serve_preview(self, request, mode_name):
        if not settings.HEADLESS_PREVIEW_URL:
            # Not HeadlessPreviewMixin's: Wagtail's own preview with the site's templates.
            return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
        return super().serve_preview(request, mode_name)
