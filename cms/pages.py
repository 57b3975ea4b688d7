"""The abstract base page and its mixins: each mixin brings its own fields, panels, API and search fields."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks.text import RICH_TEXT_FEATURES
from cms.caching import FRAGMENT_SECONDS, fragment_key
from cms.localized import active_locale, language_code
from cms.preview import HeadlessPreviewPageMixin
from cms.serializers import HeroImageSerializerField
from cms.visibility import restricted_paths


class BridgesPageQuerySet(PageQuerySet):
    """Wagtail's page queryset; `.public()` reads the restricted sections from the cache.

    Wagtail reads every view restriction from the database on each `.public()` (a page with a
    header, a listing and a few cards asked ten times); cms.visibility keeps their paths in the
    cache, cleared whenever a restriction changes or a page moves.
    """

    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


BridgesPageManager = PageManager.from_queryset(BridgesPageQuerySet)


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
    # The image is shared by every language; what it says about the picture is the page's, so
    # wagtail-localize offers these to translators as segments (CharFields of a page are
    # translatable). An empty field offers nothing to translate and the image's own words stand in.
    image_alt_text = models.CharField(
        _("alt text of the main image"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the main image shows, in one sentence, for people who cannot see it. Leave "
            "empty to use the description saved with the image."
        ),
    )
    image_credit = models.CharField(
        _("credit of the main image"),
        max_length=255,
        blank=True,
        help_text=_(
            "Who took the main image or owns it. Leave empty to use the credit saved with the image."
        ),
    )

    listing_panels = [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt_text"),
        FieldPanel("image_credit"),
    ]
    listing_api_fields = [
        APIField("summary"),
        APIField("image", serializer=HeroImageSerializerField()),
    ]
    listing_search_fields = [index.SearchField("summary")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.image

    # The one rule for the main image's words, read by every template, og:image:alt and the API.
    def hero_alt_text(self) -> str:
        """The main image's alt text in the page's language: the page's own, else the image's."""
        if self.image is None:
            return ""
        return self.image_alt_text or self.image.default_alt_text

    def hero_credit(self) -> str:
        """The main image's credit in the page's language: the page's own, else the image's."""
        if self.image is None:
            return ""
        return self.image_credit or self.image.credit

    def get_social_image_alt(self) -> str:
        """og:image:alt: the main image's alt text when it is the shared picture, else the
        shared picture's own (a story without a main image shares its first photo)."""
        image = self.get_social_image()
        if image is None:
            return ""
        if image.pk == self.image_id:
            return self.hero_alt_text()
        return image.default_alt_text


class IntroMixin(models.Model):
    """The opening words of a page, above its content: one field with one name (`intro`) in the
    admin, templates, search and the API on every page type that has them. A page type says what
    its introduction is for in `field_help_texts`."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="",  # each page type says what its introduction is for (field_help_texts)
    )

    intro_panels = [FieldPanel("intro")]
    intro_api_fields = [APIField("intro")]
    intro_search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


@receiver(class_prepared)
def apply_field_help_texts(sender, **kwargs):
    """A model's own help text for a field a mixin declares: `field_help_texts = {"intro": ...}`.
    Django copies an abstract mixin's fields into each model, so each copy can tell the editor
    what the field is for on that page type without the field being declared twice."""
    for name, text in getattr(sender, "field_help_texts", {}).items():
        sender._meta.get_field(name).help_text = text


class SitemapAlternatesMixin:
    """Sitemap entries that name every live translation, so search engines pair the languages."""

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        # Fetched by the sitemap for all its entries at once (cms.sitemaps); else looked up.
        fetched = getattr(request, "sitemap_translations", None)
        if fetched is not None:
            translations = fetched[self.translation_key]
        else:
            translations = (
                self.get_translations(inclusive=True).live().public().filter(alias_of__isnull=True)
            )
        alternates = [
            {"lang_code": language_code(t.locale_id), "location": t.get_full_url(request)}
            for t in translations
        ]
        # x-default: where a reader whose language is none of these goes (the default language's
        # copy, else the first one there is).
        default = next(
            (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE),
            alternates[0] if alternates else None,
        )
        if default is not None:
            alternates.append({"lang_code": "x-default", "location": default["location"]})
        for entry in urls:
            entry["alternates"] = alternates
        return urls


class BasePage(HeadlessPreviewPageMixin, SitemapAlternatesMixin, ListingMixin, Page):
    """Every Bridges page: a listing card, SEO fields and sitemap alternates."""

    content_panels = [*Page.content_panels]
    # Wagtail's own promote panels speak to developers ("Slug… e.g http://domain.com/blog/
    # [my-slug]/"); these are the same fields in an editor's words.
    promote_panels = [
        MultiFieldPanel(ListingMixin.listing_panels, heading=_("Card and sharing")),
        MultiFieldPanel(
            [
                FieldPanel(
                    "slug",
                    heading=_("Web address"),
                    help_text=_(
                        "The last part of the page's web address, e.g. “summer-camp” in "
                        "/en/events/summer-camp/. Small letters, digits and dashes."
                    ),
                ),
                FieldPanel(
                    "seo_title",
                    heading=_("Title in search results"),
                    help_text=_(
                        "Shown as the link in search engines and in the browser tab. Leave "
                        "empty to use the page title."
                    ),
                ),
                FieldPanel(
                    "search_description",
                    heading=_("Description in search results"),
                    help_text=_(
                        "One or two sentences search engines may show under the link. Leave "
                        "empty to use the summary."
                    ),
                ),
            ],
            heading=_("For search engines"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "show_in_menus",
                    heading=_("Show in menus"),
                    help_text=_("Tick to list this page in the site's menus."),
                )
            ],
            heading=_("For site menus"),
        ),
    ]
    search_fields = [*Page.search_fields, *ListingMixin.listing_search_fields]
    api_fields = [*ListingMixin.listing_api_fields]

    objects = BridgesPageManager()

    class Meta:
        abstract = True

    @property
    def localized_draft(self):
        """Wagtail's, with the active locale from the cache (Locale.get_active() is a query on
        every request: routing starts from the home page's `.localized`), and the translation's
        locale attached (every template reads it)."""
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return self
        locale = active_locale()
        if locale.pk == self.locale_id:
            return self
        translation = self.get_translations().filter(locale_id=locale.pk).first()
        if translation is None:
            return self
        translation.locale = locale
        return translation

    def route(self, request, path_components):
        """Wagtail's routing in one query for the whole path instead of two per level.

        Wagtail walks the tree a level at a time (`get_children().get(slug=...)`, then
        `.specific`); a story at /en/network/slovakia/<story>/ cost six queries before it was
        rendered. Here the deepest page whose url_path matches a prefix of the path is found at
        once, and routes the rest itself (a routable page's sub-routes, or a 404). A path that
        is a page's own address is kept in the cache (until a page is published, moved or
        deleted) with the page's id and class, so a reader's visit fetches the specific page at
        once: one query, not two.
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:count]) + "/"
            for count in range(1, len(path_components) + 1)
        ]
        # The longest prefix that is a page's address in the cache: only such addresses are
        # stored, so a made-up path never fills the cache.
        keys = {fragment_key("route", prefix): count for count, prefix in enumerate(prefixes, 1)}
        found = cache.get_many(list(keys))
        if found:
            key = max(found, key=keys.get)
            page_id, content_type_id = found[key]
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model and model.objects.select_related("locale").filter(pk=page_id).first()
            if page is not None and page.url_path == prefixes[keys[key] - 1]:
                return page.route(request, path_components[keys[key] :])
        deepest = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .exclude(pk=self.pk)
            .select_related("locale")
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            return super().route(request, path_components)
        cache.set(
            fragment_key("route", deepest.url_path),
            (deepest.pk, deepest.content_type_id),
            FRAGMENT_SECONDS,
        )
        consumed = deepest.depth - self.depth
        specific = deepest.specific
        specific.locale = deepest.locale  # read by every template: no second query for it
        return specific.route(request, path_components[consumed:])

    def get_view_restrictions(self):
        """No query at all while no page of the site is restricted (the usual case); else
        Wagtail's own check of this page, its ancestors and their alias sources."""
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
