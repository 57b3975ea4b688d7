"""Admin hooks of the network app: the registrations area, and a way to it from each event."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from network.admin_views import registration_viewset
from network.models import EventPage, EventRegistration


@hooks.register("register_admin_viewset")
def register_registrations():
    return registration_viewset


@hooks.register("register_page_header_buttons")
def event_registrations_buttons(page, user, view_name, next_url=None):
    """On an event with its own registration form: see and download its registrations."""
    if page.specific_class is not EventPage or not user.has_perm("network.view_eventregistration"):
        return
    event = page.specific_deferred
    if not event.has_built_in_registration:
        return
    count = EventRegistration.objects.filter(event_key=event.translation_key).count()
    index = reverse(registration_viewset.get_url_name("index"))
    yield Button(
        _("Registrations (%(count)s)") % {"count": count},
        url=f"{index}?{urlencode({'event': event.pk})}",
        icon_name="group",
        priority=80,
    )
    yield Button(
        _("Download registrations (CSV)"),
        url=f"{index}?{urlencode({'event': event.pk, 'export': 'csv'})}",
        icon_name="download",
        priority=81,
    )
