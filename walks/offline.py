"""What a phone stores to take a walk offline: the list of files and their sizes, worked out here.

The browser asks `<walk>/offline/` for this list before it saves anything, so it can say how many MB
a walk takes before the reader agrees, and so the choice of files (which photo size, which map
tiles, whether the videos go along) is made once, on the server, for every phone alike.

The files are read from the walk's page as the server renders it: the list is what the page itself
asks for, so a new block or template can never leave a saved walk with a hole in it.
"""

import hashlib
import math
import os
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse

# A phone's screen is about 400 CSS pixels wide with two device pixels to each: of the sizes a
# photo is offered in, the smallest at least this wide is saved, and the others are served from it
# when the phone is offline.
PHONE_WIDTH = 800
# A map tile of OpenStreetMap's standard style weighs 10–40 KB; the total is said to be "about".
TILE_BYTES_ESTIMATE = 25_000
TILE_SIZE = 256
# The route map on a phone (walks.css: 16rem high, the screen's width less the margins) and the
# padding walk-player.js fits the route into (the zoom buttons, the attribution).
PHONE_MAP = (358, 256)
FIT_PADDING = (64 + 28, 28 + 40)
MAX_ZOOM = 17  # walk-player.js never zooms in further when it fits the route


class _PageFiles(HTMLParser):
    """The files a rendered walk page asks for: images with their sizes, sound, video, captions,
    styles, scripts and the 360° viewer."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []  # [(src, [(url, width), ...])]
        self.audio = []
        self.video = []
        self.captions = []
        self.posters = []
        self.styles = []
        self.scripts = []
        self.panoramas = []  # [(large, small)]
        self.viewer_css = None
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            candidates = []
            for part in (attrs.get("srcset") or "").split(","):
                bits = part.split()
                if len(bits) == 2 and bits[1].endswith("w") and bits[1][:-1].isdigit():
                    candidates.append((bits[0], int(bits[1][:-1])))
            self.images.append((attrs.get("src"), candidates))
        elif tag in ("audio", "video"):
            self._in = tag
            if attrs.get("poster"):
                self.posters.append(attrs["poster"])
        elif tag == "source" and self._in and attrs.get("src"):
            (self.audio if self._in == "audio" else self.video).append(attrs["src"])
        elif tag == "track" and attrs.get("src"):
            self.captions.append(attrs["src"])
        elif tag == "link" and attrs.get("rel") == "stylesheet" and attrs.get("href"):
            self.styles.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif "data-panorama" in attrs:
            self.panoramas.append((attrs["data-panorama"], attrs.get("data-panorama-small")))
        if "data-viewer-css" in attrs:
            self.viewer_css = attrs["data-viewer-css"]

    def handle_endtag(self, tag):
        if tag in ("audio", "video"):
            self._in = None


def phone_size(src: str | None, candidates: list[tuple[str, int]]) -> tuple[str, list[str]]:
    """The one size of a photo to save, and the other sizes the page may ask for instead."""
    if not candidates:
        return src, []
    ordered = sorted(candidates, key=lambda c: c[1])
    chosen = next((url for url, width in ordered if width >= PHONE_WIDTH), ordered[-1][0])
    others = {url for url, _width in ordered} | ({src} if src else set())
    return chosen, sorted(others - {chosen})


def file_size(url: str) -> int | None:
    """The size in bytes of one of our own static files or uploads, from the storage."""
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        found = finders.find(name)
        if found:
            return os.path.getsize(found)
        try:
            return staticfiles_storage.size(name)
        except (OSError, NotImplementedError):
            return None
    media_path = urlsplit(settings.MEDIA_URL).path
    if path.startswith(media_path):
        try:
            return default_storage.size(path[len(media_path) :])
        except (OSError, NotImplementedError):
            return None
    return None


# ---- the map tiles ----


def _tile_x(longitude: float, zoom: int) -> float:
    return (longitude + 180.0) / 360.0 * 2**zoom


def _tile_y(latitude: float, zoom: int) -> float:
    lat = math.radians(max(min(latitude, 85.0511), -85.0511))
    return (1.0 - math.asinh(math.tan(lat)) / math.pi) / 2.0 * 2**zoom


def fit_zoom(points: list[tuple[float, float]]) -> int:
    """The zoom walk-player.js shows the whole route at on a phone (Leaflet's fitBounds with the
    same padding, snapped to whole tiles)."""
    if len(points) < 2:
        return 16
    width = PHONE_MAP[0] - FIT_PADDING[0]
    height = PHONE_MAP[1] - FIT_PADDING[1]
    for zoom in range(MAX_ZOOM, 0, -1):
        xs = [_tile_x(lng, zoom) * TILE_SIZE for _lat, lng in points]
        ys = [_tile_y(lat, zoom) * TILE_SIZE for lat, _lng in points]
        if max(xs) - min(xs) <= width and max(ys) - min(ys) <= height:
            return zoom
    return 1


def tile_urls(points: list[tuple[float, float]]) -> tuple[list[str], list[int]]:
    """The tiles of the route map at the zoom it opens at, one out and one in, with a tile's margin
    around the route: a few dozen tiles, never more than WALKS_OFFLINE_MAX_TILES (OpenStreetMap's
    tile policy forbids bulk downloads; a walk's own map is what a reader would load by looking)."""
    template = settings.MAP_TILE_URL
    if not points or not settings.WALKS_OFFLINE_TILES or not template:
        return [], []
    zoom = fit_zoom(points)
    zooms = [z for z in (zoom - 1, zoom, zoom + 1) if 1 <= z <= MAX_ZOOM + 1]
    per_zoom = []
    for z in zooms:
        xs = [int(_tile_x(lng, z)) for _lat, lng in points]
        ys = [int(_tile_y(lat, z)) for lat, _lng in points]
        last = 2**z - 1
        tiles = [
            (z, x, y)
            for x in range(max(min(xs) - 1, 0), min(max(xs) + 1, last) + 1)
            for y in range(max(min(ys) - 1, 0), min(max(ys) + 1, last) + 1)
        ]
        per_zoom.append((z, tiles))
    # The closest zoom goes first when the tiles are too many: the overview is what matters.
    kept, count = [], 0
    for z, tiles in per_zoom:
        if count + len(tiles) > settings.WALKS_OFFLINE_MAX_TILES:
            break
        kept.append((z, tiles))
        count += len(tiles)
    urls = []
    for _z, tiles in kept:
        for z, x, y in tiles:
            # Leaflet's own choice of subdomain, so the saved tile is the one the map asks for.
            subdomain = "abc"[(x + y) % 3]
            urls.append(
                template.replace("{s}", subdomain)
                .replace("{z}", str(z))
                .replace("{x}", str(x))
                .replace("{y}", str(y))
                .replace("{r}", "")
            )
    return urls, [z for z, _tiles in kept]


# ---- the manifest ----


def render_page(page, request) -> bytes:
    response = TemplateResponse(
        request, page.get_template(request), page.get_context(request)
    ).render()
    return response.content


def offline_manifest(page, request) -> dict:
    """Everything a phone needs to open this walk offline, with sizes, as JSON for walk-offline.js."""
    html = render_page(page, request).decode("utf-8")
    found = _PageFiles()
    found.feed(html)
    page_url = page.get_url(request)

    def absolute(url):
        return urljoin(request.build_absolute_uri(page_url), url)

    files, aliases = {}, {}

    def add(url, kind, size=None):
        if not url:
            return
        url = absolute(url)
        if url not in files:
            files[url] = {"url": url, "kind": kind, "bytes": size if size else file_size(url)}

    files[absolute(page_url)] = {"url": absolute(page_url), "kind": "page", "bytes": len(html)}
    for src, candidates in found.images:
        chosen, others = phone_size(src, candidates)
        add(chosen, "image")
        for other in others:
            aliases[absolute(other)] = absolute(chosen)
    for large, small in found.panoramas:
        add(small or large, "image")
        if small and large:
            aliases[absolute(large)] = absolute(small)
    for url in found.audio:
        add(url, "audio")
    videos_online = 0
    if page.save_videos_offline:
        for url in found.video:
            add(url, "video")
        for url in found.captions:
            add(url, "captions")
    else:
        videos_online = len(found.video)
    for url in found.posters:
        add(url, "image")
    for url in found.styles + found.scripts:
        add(url, "static")
    if found.panoramas:
        # The 360° viewer's modules (the page's import map) and its styles.
        for name in (
            "vendor/three/three.module.js",
            "vendor/three/three.core.js",
            "vendor/photo-sphere-viewer/index.module.js",
        ):
            add(static(name), "static")
        add(found.viewer_css, "static")
    # Only our own files and the tile server's: never a link to elsewhere.
    own = {urlsplit(request.build_absolute_uri("/")).netloc}
    media_origin = urlsplit(settings.MEDIA_URL).netloc
    if media_origin:
        own.add(media_origin)
    files = {url: entry for url, entry in files.items() if urlsplit(url).netloc in own}

    points = [(stop["latitude"], stop["longitude"]) for stop in page.route_stops()]
    tiles, zooms = tile_urls(points)
    for url in tiles:
        files[url] = {"url": url, "kind": "tile", "bytes": TILE_BYTES_ESTIMATE}

    entries = list(files.values())
    total = sum(entry["bytes"] or 0 for entry in entries)
    # A new version whenever the walk is published again or the choice of files changes.
    fingerprint = hashlib.sha256()
    fingerprint.update(str(page.last_published_at).encode())
    fingerprint.update(str(page.latest_revision_id).encode())
    for url in sorted(files):
        fingerprint.update(url.encode())
    language = page.locale.language_code
    return {
        "id": page.pk,
        "title": page.title,
        "url": absolute(page_url),
        "language": language,
        "version": fingerprint.hexdigest()[:16],
        "bytes": total,
        "files": entries,
        "aliases": aliases,
        "tiles": {"count": len(tiles), "zooms": zooms},
        "videos_online": videos_online,
        "saved_walks_url": absolute(saved_walks_url(page)),
        "offline_url": absolute(reverse("offline")),
    }


def saved_walks_url(page) -> str:
    """The "Saved walks" list in the walk's language (a route of the language's walks page)."""
    from .models import WalkIndexPage

    index = WalkIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    if index is None:
        return ""
    return index.url + index.reverse_subpage("saved_walks")
