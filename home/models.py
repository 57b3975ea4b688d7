"""The home page of each language and the standard content pages (About MINE, Let's build bridges...)."""

from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.pages import BasePage, IntroMixin


class HomePage(IntroMixin, BasePage):
    field_help_texts = {"intro": _("The welcome text at the top of the home page.")}
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("more content"),
        help_text=_("Shown below the featured stories, walk and events."),
    )

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels, FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        *IntroMixin.intro_search_fields,
        index.SearchField("body"),
    ]
    api_fields = [*BasePage.api_fields, *IntroMixin.intro_api_fields, APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoryIndexPage",
        "walks.WalkIndexPage",
        "network.NetworkPage",
        "network.EventIndexPage",
        "home.StandardPage",
        "publications.PublicationPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_admin_display_title(self):
        """“Bridges · Deutsch” in the admin's page tree: each language's home told apart by its
        language's own name, not by a small badge (the public title stays as it is)."""
        title = super().get_admin_display_title()
        try:
            language = get_language_info(self.locale.language_code)["name_local"]
        except KeyError:
            return title
        return f"{title} · {capfirst(language)}"


class StandardPage(IntroMixin, BasePage):
    field_help_texts = {
        "intro": _("A short opening paragraph, shown larger than the rest of the text.")
    }
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("content"),
        help_text=_("Add paragraphs, headings, images, quotes, videos and buttons in any order."),
    )

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels, FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        *IntroMixin.intro_search_fields,
        index.SearchField("body"),
    ]
    api_fields = [*BasePage.api_fields, *IntroMixin.intro_api_fields, APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
