"""Themes stories are filed under: translators translate a theme's name, its short name in
addresses stays the same in every language."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.localized import default_locale, one_per_translation

if TYPE_CHECKING:  # the pages module imports this one
    from .pages import StoryPage


class Theme(TranslatableMixin, models.Model):
    """A theme stories are filed under (care, resilience...): translators translate its name, and its
    short name in addresses stays the same in every language so filter links work everywhere."""

    name = models.CharField(
        _("name"),
        max_length=60,
        help_text=_("The theme as readers see it, e.g. “Care” or “Work and family”."),
    )
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=60,
        allow_unicode=False,
        help_text=_(
            "Lower-case letters and dashes, e.g. “work-and-family”. It appears in filter links "
            "(/stories/?theme=work-and-family) and stays the same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_locale(cls, locale: Locale) -> list["Theme"]:
        """Every theme once, in `locale` where translated and in the default language otherwise."""
        themes = cls.objects.filter(locale__in=[locale, default_locale()]).order_by("name")
        return sorted(one_per_translation(themes, locale), key=lambda theme: theme.name.lower())


def attach_themes(pages: Iterable["StoryPage"], locale: Locale) -> None:
    """Fill `theme_list` on story pages with their themes named in `locale`, in one query for all
    pages (themes must be prefetched). A page translated by wagtail-localize keeps the themes of its
    source, so the names are looked up by translation key."""
    pages = list(pages)
    keys = {theme.translation_key for page in pages for theme in page.themes.all()}
    localized = {
        theme.translation_key: theme
        for theme in Theme.objects.filter(translation_key__in=keys, locale=locale)
    }
    for page in pages:
        page.theme_list = sorted(
            (localized.get(theme.translation_key, theme) for theme in page.themes.all()),
            key=lambda theme: theme.name.lower(),
        )


def prepare_story_cards(pages: list["StoryPage"], locale: Locale) -> None:
    """What story cards show beside the page itself (themes), in two queries for all of them."""
    prefetch_related_objects(pages, "themes")
    attach_themes(pages, locale)
