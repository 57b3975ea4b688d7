"""The site on a phone without a connection: the service worker, the offline page, the web app
manifest.

The service worker is served here, at /sw.js, so that its scope is the whole site (a saved walk opens
from its usual address) and so that it gets its own Content-Security-Policy: it may fetch from the
tile server and the media host (connect-src), which the pages themselves may not.
"""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Workbox (npm), served from our own static files: the modules the service worker uses.
WORKBOX_MODULES = ["core", "routing", "range-requests"]


def tile_origins() -> list[str]:
    """The origins map tiles come from (Leaflet spreads them over the {s} subdomains)."""
    template = settings.MAP_TILE_URL or ""
    if not template.startswith(("http://", "https://")):
        return []
    hosts = {template.replace("{s}", s) for s in "abc"}
    return sorted({"/".join(url.split("/", 3)[:3]) for url in hosts})


@require_safe
def service_worker(request):
    scripts = [static(f"vendor/workbox-{name}/workbox-{name}.prod.js") for name in WORKBOX_MODULES]
    config = {
        "scripts": scripts,
        "offlineStore": static("js/offline-store.js"),
        "tileOrigins": tile_origins(),
        "languages": [code for code, _name in settings.LANGUAGES],
        "defaultLanguage": settings.LANGUAGE_CODE,
    }
    body = render_to_string("offline/sw.js", {"config": json.dumps(config)})
    # The script changes whenever a deploy changes the files it names: browsers update it then.
    body = f"// {hashlib.sha256(body.encode()).hexdigest()[:12]}\n{body}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    # The worker fetches saved tiles and media again when they change; nothing else.
    response["Content-Security-Policy"] = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "connect-src " + " ".join(["'self'", *settings.CSP_MEDIA_HOSTS]),
        ]
    )
    return response


@require_safe
def offline_page(request):
    """The page shown for any address that is not saved when the phone is offline, in the
    reader's language (the service worker keeps one copy per language it has seen)."""
    response = render(request, "offline.html", {})
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
@cache_control(max_age=86400, public=True)
def web_manifest(request):
    """The web app manifest of one language: the installed app opens in that language."""
    language = get_language()
    icons = [
        {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    manifest = {
        "id": f"/{language}/",
        "name": "Bridges · MINE",
        "short_name": "Bridges",
        "description": _(
            "Stories, virtual walks and events of the Mother Centers International Network"
        ),
        "lang": language,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": "#a3224a",
        "background_color": "#fffdf9",
        "icons": icons,
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
