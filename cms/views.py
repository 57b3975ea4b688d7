"""Site-wide views: the bad request and CSRF failure pages, uploads served by Django (SERVE_MEDIA),
and the files every site answers at its root (/robots.txt and the icons browsers look for there)."""

import mimetypes
import posixpath

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from cms.site_address import base_url

# Fields never shown back on the CSRF failure page: secrets, tokens and traps for robots.
HIDDEN_FIELDS = {"csrfmiddlewaretoken", "kept_files", "keep", "website", "next"}


def bad_request(request, exception):
    """Django's 400 in the site's layout and the visitor's language, saying in plain words what
    was wrong with what the browser sent (never the exception's own text)."""
    if isinstance(exception, TooManyFilesSent):
        problem = "too_many_files"
    elif isinstance(exception, (RequestDataTooBig, TooManyFieldsSent)):
        problem = "too_large"
    else:  # a multipart body without a boundary, a broken encoding, ...
        problem = "unreadable"
    context = {"problem": problem, "form_url": request.path if request.method == "POST" else ""}
    return render(request, "400.html", context, status=400)


def _page_answer(request):
    """The answer of the page the form was sent to, if it knows how to keep what was typed
    (a page type may define `csrf_failure(request, view, args, kwargs)`, e.g. "Tell your story")."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.func is not wagtail_serve:
        return None
    # Wagtail's page route passes the path positionally.
    path = match.kwargs.get("path", match.args[0] if match.args else None)
    if path is None:
        return None
    try:
        result = Page.route_for_request(request, path)
    except Http404:
        return None
    if result is None:
        return None
    page, args, kwargs = result
    handler = getattr(page, "csrf_failure", None)
    if handler is None or page.get_view_restrictions().exists():
        return None
    return handler(request, *args, **kwargs)


def csrf_failure(request, reason=""):
    """A session that expired (or a blocked cookie) must not lose what the visitor typed: the page
    answers with its form filled in again, or this page shows the text to copy."""
    if request.method == "POST":
        response = _page_answer(request)
        if response is not None:
            response.status_code = 403
            return response
    typed = [
        (name, value)
        for name, value in request.POST.items()
        if name not in HIDDEN_FIELDS and "password" not in name and value.strip()
    ]
    return render(request, "csrf_failure.html", {"typed": typed}, status=403)


def _private_collection_file(path: str) -> bool:
    """Whether `path` is an original or a rendition of an image in a private collection (photos
    sent in with a story and not reviewed yet)."""
    private = getattr(settings, "BRIDGES_PRIVATE_COLLECTIONS", ())
    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    return (
        Image.objects.filter(file=path, collection__name__in=private).exists()
        or Rendition.objects.filter(file=path, image__collection__name__in=private).exists()
    )


def serve_media(request, path):
    """Uploads served by Django itself: only what is public, typed from the file's own extension
    (Wagtail names every file), never sniffed by the browser."""
    from wagtailmedia.models import get_media_model

    private = getattr(settings, "BRIDGES_PRIVATE_COLLECTIONS", ())
    # The path as `serve` will read it: "a/./b", "a//b" and "x/../a/b" name the same file.
    path = posixpath.normpath(path).lstrip("/")
    # Documents go through Wagtail's view, which checks their collection's privacy.
    if path.startswith(("submissions/", "documents/")) or _private_collection_file(path):
        raise Http404
    if get_media_model().objects.filter(file=path, collection__name__in=private).exists():
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type, _encoding = mimetypes.guess_type(path)
    if not content_type or content_type.startswith("text/") or "html" in content_type:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may read every public page; the admin and the search results are not for them."""
    sitemap = base_url() + reverse("sitemap")  # the public address, not the Host header
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class StaticRedirect(RedirectView):
    """/favicon.ico and /apple-touch-icon.png, asked for by browsers that ignore <link rel=icon>."""

    permanent = False
    static_path = ""

    def get_redirect_url(self, *args, **kwargs):
        return static(self.static_path)
