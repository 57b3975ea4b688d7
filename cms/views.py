"""Files every site answers at its root: /robots.txt and the icons browsers look for there."""

from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may read every public page; the admin and the search results are not for them."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
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
