"""Virtual walks through a centre or a neighbourhood, stop by stop."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.blocks.text import RICH_TEXT_FEATURES
from cms.pages import BasePage
from network.models import CountrySectionMixin


class WalkIndexPage(BasePage):
    content_panels = [*BasePage.content_panels]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["walks.WalkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("walks page")


class WalkPage(CountrySectionMixin, BasePage):
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the walker will see, in a few sentences."),
    )

    centre = models.ForeignKey(
        "network.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="walks",
        help_text=_("The mother centre this walk goes through, if any."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("centre"),
        FieldPanel("introduction"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]

    parent_page_types = ["walks.WalkIndexPage", "network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("walk")
