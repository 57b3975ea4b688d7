"""Admin hooks of the network app: the registrations area, and a way to it from each event;
the network directory screen (import and export of centres), and a way to it from the countries."""

from django.db.models import Count
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale

from network import directory_admin
from network.admin_views import event_choices, registration_viewset
from network.models import CountryPage, EventPage, EventRegistration, NetworkPage
from network.models.countries import CountrySectionMixin, attach_countries


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


@hooks.register("register_admin_urls")
def register_directory_urls():
    urls = [
        path("", directory_admin.DirectoryView.as_view(), name="index"),
        path("confirm/", directory_admin.DirectoryConfirmView.as_view(), name="confirm"),
        path("export/", directory_admin.DirectoryExportView.as_view(), name="export"),
    ]
    return [path("network-directory/", include((urls, "network_directory")))]


class DirectoryMenuItem(MenuItem):
    def is_shown(self, request):
        return directory_admin.user_can_use_directory(request.user)


@hooks.register("register_admin_menu_item")
def register_directory_menu_item():
    return DirectoryMenuItem(
        gettext_lazy("Network directory"),
        reverse("network_directory:index"),
        icon_name="site",
        order=340,
        name="network-directory",
    )


@hooks.register("register_page_header_buttons")
def directory_buttons(page, user, view_name, next_url=None):
    """Beside the centres (on the network page and each country): import or export them."""
    if page.specific_class not in (NetworkPage, CountryPage):
        return
    if not directory_admin.user_can_use_directory(user):
        return
    yield Button(
        _("Import or export centres"),
        url=reverse("network_directory:index"),
        icon_name="site",
        priority=85,
    )


class RegistrationsPanel(Component):
    """On the dashboard: each coming event with its own registration form, how many have
    registered, and the download (the editor's own events only, as in Event registrations)."""

    name = "event_registrations"
    order = 95
    template_name = "network/admin/registrations_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        events = list(
            event_choices(self.request)
            .filter(end__gte=timezone.now(), locale=Locale.get_default())
            .order_by("start")[:10]
        )
        counts = dict(
            EventRegistration.objects.filter(event_key__in=[e.translation_key for e in events])
            .values_list("event_key")
            .annotate(count=Count("pk"))
        )
        for event in events:
            event.registration_count = counts.get(event.translation_key, 0)
        return {"events": events, "index_url": reverse(registration_viewset.get_url_name("index"))}


@hooks.register("construct_homepage_panels")
def add_registrations_panel(request, panels):
    if request.user.has_perm("network.view_eventregistration"):
        panels.append(RegistrationsPanel(request))


@hooks.register("bridges_api_prepare_pages")
def attach_countries_for_the_api(pages):
    """An API listing names each page's country: one query for all of them (cms/api.py)."""
    attach_countries([page for page in pages if isinstance(page, CountrySectionMixin)])
