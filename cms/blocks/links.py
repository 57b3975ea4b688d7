"""Link blocks: a link to a page or an address, and a call to action built on it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.api_schema import PAGE_LINK, nullable
from cms.localized import public_translation
from cms.serializers import serialize_external_link, serialize_page_link


class LinkValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page is not None:
            # A page link follows the reader's language when the page is translated.
            target = public_translation(page)
            return target.url if target is not None else ""
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("Page on this site"),
        required=False,
        help_text=_("Choose a page here, or type an address below."),
    )
    url = blocks.URLBlock(
        label=_("Or a web address"), required=False, help_text=_("For a page on another site.")
    )

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or type an address (one of the two)."))
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        if value.get("page"):
            return serialize_page_link(public_translation(value["page"]))
        return serialize_external_link(value.get("url"))

    def api_schema(self, schema_of):
        return nullable(PAGE_LINK)


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, help_text=_("E.g. “Tell your story”.")
    )
    text = blocks.TextBlock(
        label=_("Text"), required=False, help_text=_("One or two sentences that invite the reader.")
    )
    button_label = blocks.CharBlock(
        label=_("Button text"), max_length=60, help_text=_("What the button says, e.g. “Share it”.")
    )
    link = LinkBlock(label=_("Where the button goes"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
