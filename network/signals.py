"""Keep what is derived from pages in step: the map's cached GeoJSON, section permissions, and
the registrants of an event that moved."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from cms.mail import mail_sent
from network.directory import invalidate_geojson
from network.event_changes import on_event_published
from network.groups import grant_permissions_for_new_translation
from network.models import CentrePage, CountryPage, EventPage
from network.registration import note_confirmation_sent

MAP_PAGE_TYPES = (CentrePage, CountryPage)


def _on_map_page_change(sender, instance, **kwargs):
    if isinstance(instance, MAP_PAGE_TYPES) or sender in MAP_PAGE_TYPES:
        invalidate_geojson()


def _on_translation_copied(sender, source_obj, target_obj, **kwargs):
    """A new translation of a country section or a home page gets the same editors."""
    grant_permissions_for_new_translation(target_obj)


def _on_page_created(sender, instance, created, raw=False, **kwargs):
    """A language's home page made as an alias (locale synchronisation) gets its translators too:
    no copy_for_translation_done is sent for an alias."""
    from wagtail.models import Page

    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_permissions_for_new_translation(instance)


def connect():
    mail_sent.connect(note_confirmation_sent, dispatch_uid="network-confirmation-sent")
    # A published event moved or cancelled: its registrants are told (network/event_changes.py).
    page_published.connect(on_event_published, sender=EventPage, dispatch_uid="event-changed")
    for model in MAP_PAGE_TYPES:
        page_published.connect(
            _on_map_page_change, sender=model, dispatch_uid=f"map-pub-{model.__name__}"
        )
        page_unpublished.connect(
            _on_map_page_change, sender=model, dispatch_uid=f"map-unpub-{model.__name__}"
        )
        post_delete.connect(
            _on_map_page_change, sender=model, dispatch_uid=f"map-del-{model.__name__}"
        )
    post_page_move.connect(_on_map_page_change, dispatch_uid="map-move")
    # A centre or country made private (or public again) leaves (or rejoins) the map at once.
    post_save.connect(
        invalidate_geojson, sender=PageViewRestriction, dispatch_uid="map-restriction-save"
    )
    post_delete.connect(
        invalidate_geojson, sender=PageViewRestriction, dispatch_uid="map-restriction-delete"
    )
    copy_for_translation_done.connect(
        _on_translation_copied, dispatch_uid="network-translation-permissions"
    )
    post_save.connect(_on_page_created, dispatch_uid="network-new-language-home-permissions")
