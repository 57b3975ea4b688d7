"""The chapters of a publication: chosen stories and walks, texts written for the book, part headings."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.api_schema import PAGE_LINK, nullable
from cms.blocks import BodyStreamBlock
from cms.serializers import serialize_page_link


class ChapterPageChooserBlock(blocks.PageChooserBlock):
    """A story or walk chosen as a chapter: a reference, never a copy.

    Translators never see it: every language edition points at the same chosen page, and the reader's
    translation of it is looked up when the edition is read or built (publications/chapters.py). So a
    translated publication never fails because one chapter is not translated yet.
    """

    def get_translatable_segments(self, value):
        return []

    def get_api_representation(self, value, context=None):
        return serialize_page_link(value)

    def api_schema(self, schema_of):
        return nullable(PAGE_LINK)


class PartBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading of the part"),
        max_length=150,
        help_text=_(
            "Starts a new part of the book, e.g. “Part one: Care in the kitchen”. The chapters "
            "below it, up to the next part, belong to it."
        ),
    )
    introduction = blocks.TextBlock(
        label=_("Introduction to the part"),
        required=False,
        help_text=_("Optional: a few sentences printed under the heading."),
    )

    class Meta:
        icon = "title"
        label = _("Part")
        label_format = "{heading}"


class BookTextBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Chapter title"),
        max_length=150,
        help_text=_("The title of this chapter, e.g. “Afterword”."),
    )
    body = BodyStreamBlock(
        label=_("Text"),
        help_text=_("The chapter's text, with paragraphs, headings, photos and quotes."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Text written for the book")
        label_format = "{title}"


class ChaptersBlock(blocks.StreamBlock):
    part = PartBlock()
    story = ChapterPageChooserBlock(
        page_type="stories.StoryPage",
        label=_("Story"),
        help_text=_(
            "A published story. Corrections to the story appear in the book; a story that is "
            "unpublished drops out of the book."
        ),
    )
    walk = ChapterPageChooserBlock(
        page_type="walks.WalkPage",
        label=_("Virtual walk"),
        help_text=_("A published walk: the book shows its stops one after the other."),
    )
    text = BookTextBlock()

    class Meta:
        label = _("Chapters")
