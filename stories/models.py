"""Stories of care work told by mothers and centres."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.pages import BasePage
from network.models import CountrySectionMixin


class StoryIndexPage(BasePage):
    content_panels = [*BasePage.content_panels]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("stories page")


class StoryPage(CountrySectionMixin, BasePage):
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("the story"),
        help_text=_("Tell the story with paragraphs, photos, video, audio and quotes."),
    )

    centre = models.ForeignKey(
        "network.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text=_("The mother centre this story comes from, if any."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("centre"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["stories.StoryIndexPage", "network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
