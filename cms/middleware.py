"""Site-wide middleware."""

import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware import locale
from django.urls import is_valid_path
from django.utils import translation

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
LOOKS_LIKE_LANGUAGE = re.compile(r"^/([a-z]{2}(?:-[a-z0-9]+)?)(?:/|$)", re.IGNORECASE)


def has_unknown_language_prefix(path: str) -> bool:
    match = LOOKS_LIKE_LANGUAGE.match(path)
    return bool(match) and match.group(1).lower() not in LANGUAGE_CODES


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a plain 404 page in
    the default language.

    Django would redirect /xx/ to /en/xx/ (Wagtail's catch-all URL accepts any path) and answer
    in the browser's language; a reader who typed a wrong language code gets a clear "not found".
    For the same reason a 404 from the API must not become a redirect to /en/api/....
    """

    def process_request(self, request):
        super().process_request(request)
        if has_unknown_language_prefix(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE

    def process_response(self, request, response):
        if response.status_code == 404:
            if has_unknown_language_prefix(request.path_info):
                response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
                return response
            if is_valid_path(request.path_info, getattr(request, "urlconf", None)):
                # A URL outside the language prefixes (the API, documents) that answered 404:
                # a real "not found", not a page that lacks its /en/ prefix.
                return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's relaxed policy under /admin/ (Wagtail's admin runs
    inline scripts); every other response gets the strict CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            directives = dict(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
            geocoder = urlsplit(getattr(settings, "BRIDGES_GEOCODER_URL", "") or "")
            if geocoder.scheme and geocoder.netloc:
                origin = f"{geocoder.scheme}://{geocoder.netloc}"
                directives["connect-src"] = [*directives["connect-src"], origin]
            parts.config = directives
        return parts
