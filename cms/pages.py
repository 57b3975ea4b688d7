"""The abstract base page and its mixins: each mixin brings its own fields, panels, API and search fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

# ImageSerializerField is imported from here by older code too: it lives in cms.serializers.
from cms.serializers import ImageSerializerField


class ListingMixin(models.Model):
    """What a page shows on cards, in search results and in social previews."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_(
            "One or two sentences shown on cards, in search results and when the page is shared. "
            "At most 300 characters."
        ),
    )
    image = models.ForeignKey(
        "core.BridgesImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page, on cards and when the page is shared."),
    )

    listing_panels = [FieldPanel("summary"), FieldPanel("image")]
    listing_api_fields = [
        APIField("summary"),
        APIField("image", serializer=ImageSerializerField()),
    ]
    listing_search_fields = [index.SearchField("summary")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.image


class SitemapAlternatesMixin:
    """Sitemap entries that name every live translation, so search engines pair the languages."""

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        translations = (
            self.get_translations(inclusive=True).live().public().select_related("locale")
        )
        alternates = [
            {"lang_code": t.locale.language_code, "location": t.get_full_url(request)}
            for t in translations
        ]
        for entry in urls:
            entry["alternates"] = alternates
        return urls


class BasePage(SitemapAlternatesMixin, ListingMixin, Page):
    """Every Bridges page: a listing card, SEO fields and sitemap alternates."""

    content_panels = [*Page.content_panels]
    promote_panels = [
        MultiFieldPanel(ListingMixin.listing_panels, heading=_("Card and sharing")),
        *Page.promote_panels,
    ]
    search_fields = [*Page.search_fields, *ListingMixin.listing_search_fields]
    api_fields = [*ListingMixin.listing_api_fields]

    class Meta:
        abstract = True
