"""Site-wide middleware."""

import re

from django.conf import settings
from django.middleware import locale
from django.utils import translation

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
LOOKS_LIKE_LANGUAGE = re.compile(r"^/([a-z]{2}(?:-[a-z0-9]+)?)(/|$)", re.IGNORECASE)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a plain 404.

    Django would redirect /xx/ to /en/xx/ because Wagtail's catch-all URL accepts any path; a
    reader who typed a wrong language code gets a clear "not found" in the default language.
    """

    def process_response(self, request, response):
        match = LOOKS_LIKE_LANGUAGE.match(request.path_info)
        if response.status_code == 404 and match and match.group(1).lower() not in LANGUAGE_CODES:
            translation.activate(settings.LANGUAGE_CODE)
            response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
