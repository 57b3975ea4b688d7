from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap  # gives the sitemap the request
from wagtail.documents import urls as wagtaildocs_urls

from cms import offline, search, views
from cms.api import api_router, not_found
from cms.openapi import docs_view, schema_view
from cms.sitemaps import Sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/schema/", schema_view, name="api_schema"),
    path("api/v2/docs/", docs_view, name="api_docs"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/v2/(?P<path>.*)$", not_found),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": Sitemap}, "template_name": "sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # At the root, so that its scope is the whole site (a saved walk opens from its own address).
    path("sw.js", offline.service_worker, name="service_worker"),
    path("favicon.ico", views.StaticRedirect.as_view(static_path="icons/favicon.ico")),
    path(
        "apple-touch-icon.png",
        views.StaticRedirect.as_view(static_path="icons/apple-touch-icon.png"),
    ),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Uploads are served by object storage or the web server in production.
    urlpatterns += [
        # Never the files of unreviewed submissions; each with its real type and nosniff.
        re_path(r"^media/(?P<path>.*)$", views.serve_media),
    ]

urlpatterns += i18n_patterns(
    path("search/", search.search, name="search"),
    path("offline/", offline.offline_page, name="offline"),
    path("manifest.webmanifest", offline.web_manifest, name="web_manifest"),
    # File-like routes of routable pages (events/feed.ics, network/centres.geojson): Wagtail's
    # own pattern allows no dot in a path segment, so they are handed to its view here.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.(?:ics|geojson))$", wagtail_views.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Requests Django cannot read (too many files, too much text, no multipart boundary): in the site's
# layout and the visitor's language.
handler400 = "cms.views.bad_request"
