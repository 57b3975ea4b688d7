"""Event registrations in the admin: the only place where registrants' data can be seen or
downloaded (CSV or Excel), and only for events the user may edit."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from network.models import EventPage, EventRegistration


def editable_events(user):
    """Events the user may edit: a country's editors see their own country's registrations."""
    events = EventPage.objects.all()
    if user.is_superuser:
        return events
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return events.filter(pk__in=pages.values("pk"))


def registrations_for(user, queryset=None):
    queryset = EventRegistration.objects.all() if queryset is None else queryset
    if user.is_superuser:
        return queryset
    return queryset.filter(event_key__in=editable_events(user).values("translation_key"))


def event_choices(request):
    events = editable_events(request.user) if request else EventPage.objects.none()
    return events.filter(registration_type="built_in").order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=event_choices, method="filter_event"
    )

    class Meta:
        model = EventRegistration
        fields = []

    def filter_event(self, queryset, name, value):
        # Registrations made on any translation of the event belong to it.
        return queryset.filter(event_key=value.translation_key) if value else queryset


class OnlyTheirEventsMixin:
    def get_queryset(self):
        return registrations_for(self.request.user, super().get_queryset())


# What a spreadsheet program takes for the start of a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def local_time(value) -> str:
    """Spreadsheet times in the site's time zone, to the minute (not UTC with microseconds)."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class RegistrationIndexView(generic.IndexView):
    custom_field_preprocess = {
        name: {"csv": local_time, "xlsx": local_time}
        for name in ("registered_at", "confirmation_sent_at")
    }

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("event")
        return registrations_for(self.request.user, queryset)

    def preprocess_field_value(self, field, value, export_format):
        """Every cell the export writes passes here. Wagtail 8 stops formulas in its Excel export
        only: in CSV, a name a visitor typed as =HYPERLINK(…) would run when an editor opens the
        file, so such a cell starts with ' (shown as text, the rest unchanged)."""
        value = super().preprocess_field_value(field, value, export_format)
        formula = isinstance(value, str) and value.startswith(FORMULA_START)
        return "'" + value if formula and export_format == self.FORMAT_CSV else value


class RegistrationEditView(OnlyTheirEventsMixin, generic.EditView):
    pass


class RegistrationDeleteView(OnlyTheirEventsMixin, generic.DeleteView):
    pass


class RegistrationInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(registrations_for(self.request.user), pk=self.pk)


class RegistrationViewSet(ModelViewSet):
    model = EventRegistration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 350
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
    inspect_view_class = RegistrationInspectView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation", "country"]
    search_backend_name = None  # a plain database search: registrations are never indexed
    list_display = [
        "name",
        "email",
        "organisation",
        "country",
        "event",
        "registered_at",
        "confirmation_sent_at",
    ]
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "country",
        "language",
        "consent",
        "registered_at",
        "confirmation_sent_at",
    ]
    export_filename = "event-registrations"
    form_fields = ["event", "name", "email", "organisation", "country", "consent"]


registration_viewset = RegistrationViewSet("event_registrations")
