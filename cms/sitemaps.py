"""The sitemap: every live, public page of every language, each naming its translations."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page


class Sitemap(WagtailSitemap):
    def items(self):
        # Wagtail's sitemap walks the default language's tree only; each locale's home page is a
        # sibling of it (a translation), so we take the trees of all of them.
        site_root = self.get_wagtail_site().root_page
        roots = site_root.get_translations(inclusive=True)
        queryset = Page.objects.none()
        for root in roots:
            queryset |= Page.objects.descendant_of(root, inclusive=True)
        return public_versions(queryset).order_by("path").defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        # The translations of every page of this sitemap page in one query, for the alternates
        # each entry names (SitemapAlternatesMixin reads them from the request).
        keys = self.paginator.page(page).object_list.values_list("translation_key", flat=True)
        versions = defaultdict(list)
        for version in public_versions(Page.objects.filter(translation_key__in=list(keys))):
            versions[version.translation_key].append(version)
        self.request.sitemap_translations = versions
        return super().get_urls(page=page, site=site, protocol=protocol)


def public_versions(queryset):
    """What the sitemap lists: live, public pages that are not aliases (an alias names its original
    as its canonical address)."""
    return queryset.live().public().filter(alias_of__isnull=True)
