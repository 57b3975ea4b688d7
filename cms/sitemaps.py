"""The sitemap: every live, public page of every language, each naming its translations."""

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
        # An alias (a page not translated yet, in a synchronised tree) names its original as its
        # canonical address: it is not listed, and not named as an alternate.
        return (
            queryset.live()
            .public()
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
