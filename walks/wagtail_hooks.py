"""Walks on the network's pages: a country's walks, a centre's walks (network.listings)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from network.listings import REGISTER_SECTION_LISTING, SectionListing

from .models import WalkPage


@hooks.register(REGISTER_SECTION_LISTING)
def register_walk_listing() -> SectionListing:
    return SectionListing(
        name="walks",
        model=WalkPage,
        card_template="walks/includes/walk_card.html",
        card_name="walk",
        country_heading=_("Virtual walks"),
        centre_heading=_("Walk through this centre"),
        named_centre_heading=_("Walk through %(centre)s"),
        order=20,
    )
