"""schema.org JSON-LD for pages: the pieces every type shares and the safe <script> that carries it."""

import json
from urllib.parse import urljoin

from django.utils.html import format_html
from django.utils.safestring import SafeString

from cms.site_address import base_url

# The characters that could end the <script> element or open a comment inside it.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

NETWORK_NAME = "MINE – Mother Centers International Network for Empowerment"


def json_ld_script(data: dict | None) -> SafeString:
    """A <script type="application/ld+json"> element with `data`, or nothing."""
    if not data:
        return SafeString("")
    text = json.dumps(data, ensure_ascii=False, cls=_Encoder).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


class _Encoder(json.JSONEncoder):
    def default(self, o):
        # Lazy translations (gettext_lazy) and other string-like values.
        return str(o)


def site_url() -> str:
    # The one public address, never the request's Host header: the page is cached and shared.
    return base_url() + "/"


def network(request) -> dict:
    """MINE as the publisher or organiser of what Bridges shows."""
    return {"@type": "Organization", "name": NETWORK_NAME, "url": site_url()}


def image_urls(image, request) -> list[str]:
    """The page's image at sizes search engines like (16:9, 4:3, 1:1), as absolute URLs."""
    if image is None:
        return []
    return [
        urljoin(site_url(), image.get_rendition(spec).url)
        for spec in ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
    ]


def page_basics(page, request, schema_type: str) -> dict:
    """@context, @type, name or headline, url, language and description of a page."""
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
    }
    description = page.get_meta_description() if hasattr(page, "get_meta_description") else ""
    if description:
        data["description"] = description
    return data
