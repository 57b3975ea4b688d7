"""Text blocks: paragraphs, headings and quotes."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Headings come from the heading block, so the page outline stays correct for screen readers.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "hr"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("label", _("Paragraph"))
        kwargs.setdefault(
            "help_text",
            _("Text with bold, italic, lists and links. Use a heading block for titles."),
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        help_text=_("A short title for the section that follows."),
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use “Sub-heading” for a part inside a section."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), help_text=_("The words, without quotation marks."))
    attribution = blocks.CharBlock(
        label=_("Who said it"),
        required=False,
        max_length=200,
        help_text=_("For example “Maria, mother of two, Žilina”. Leave empty to show no name."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
