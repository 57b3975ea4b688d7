"""Wagtail hooks of what every app shares: rich text links that never name a private page, and the
Outgoing mail screen."""

from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from cms.core.admin_views import outgoing_mail_viewset
from cms.localized import public_translation


class PublicPageLinkHandler(PageLinkHandler):
    """A rich text link to a page keeps its text but loses its address when the page is a draft or
    private, so neither a page nor its slug is revealed through a public page or the API."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        links = []
        for page in cls.get_many(attrs_list):
            target = public_translation(page)
            links.append(f'<a href="{escape(target.url)}">' if target is not None else "<a>")
        return links


# After Wagtail's own registration (order 0), so this handler replaces the default one.
@hooks.register("register_rich_text_features", order=1)
def register_public_page_links(features):
    features.register_link_type(PublicPageLinkHandler)


@hooks.register("register_admin_viewset")
def register_outgoing_mail():
    return outgoing_mail_viewset
