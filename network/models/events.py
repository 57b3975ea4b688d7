"""The network's events: meetings, MINE Academy, webinars and International Mother Centers' Day."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.api_schema import BOOLEAN, INTEGER, NUMBER, STRING, nullable, obj
from cms.blocks.text import RICH_TEXT_FEATURES
from cms.pages import BasePage, IntroMixin
from network.blocks import AgendaStreamBlock, RecordingsStreamBlock, SpeakersStreamBlock
from network.forms import (
    ConfirmOutsideCountryPanel,
    EventPageForm,
    time_zone_widget,
)
from network.panels import LocationMapPanel

from .countries import CountrySectionMixin
from .registrations import EventRegistration
from .routes import views


def file_route_url(page, route_name: str) -> str:
    # Routable routes end in "/"; file-like names (feed.ics) read better without it (cms/urls.py).
    return page.url + page.reverse_subpage(route_name).rstrip("/")


class EventKind(models.TextChoices):
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    MINE_ACADEMY = "mine_academy", _("MINE Academy")
    WEBINAR = "webinar", _("Webinar")
    MOTHER_CENTERS_DAY = "mother_centers_day", _("International Mother Centers’ Day")
    OTHER = "other", _("Other")


class Attendance(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("At a venue")
    HYBRID = "hybrid", _("At a venue and online")


class RegistrationType(models.TextChoices):
    NONE = "none", _("No registration needed")
    BUILT_IN = "built_in", _("Registration form on this page")
    EXTERNAL = "external", _("Registration on another website")


class EventIndexPage(RoutablePageMixin, IntroMixin, BasePage):
    field_help_texts = {"intro": _("Shown above the list of events.")}

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels]
    api_fields = [*BasePage.api_fields, *IntroMixin.intro_api_fields]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")

    @path("")
    def listing(self, request):
        """Upcoming events first (soonest first), then past ones with their recordings."""
        return views().event_listing(self, request)

    @path("feed.ics/", name="feed")
    def feed(self, request):
        """The upcoming events as an iCalendar feed that calendar programs can subscribe to."""
        return views().events_feed(self, request)

    @property
    def feed_url(self) -> str:
        return file_route_url(self, "feed")


class EventPage(RoutablePageMixin, CountrySectionMixin, BasePage):
    kind = models.CharField(
        _("kind of event"),
        max_length=30,
        choices=EventKind.choices,
        default=EventKind.NETWORK_MEETING,
        help_text=_("Shown on the event and used to filter the list of events."),
    )
    start = models.DateTimeField(
        _("starts"),
        help_text=_("Date and time as they are where the event happens (see the time zone)."),
    )
    end = models.DateTimeField(
        _("ends"),
        help_text=_("Date and time as they are where the event happens (see the time zone)."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Berlin",
        help_text=_(
            "The time zone of the start and end times. Online events across Europe usually "
            "use Europe/Berlin."
        ),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the event is about and who it is for."),
    )
    attendance = models.CharField(
        _("where it happens"),
        max_length=20,
        choices=Attendance.choices,
        default=Attendance.ONLINE,
        help_text=_("Online, at a venue, or both."),
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("The name of the place, e.g. “Budapest Community Centre”."),
    )
    venue_address = models.CharField(
        _("venue address"),
        max_length=250,
        blank=True,
        help_text=_("Street and number, and the postcode."),
    )
    venue_city = models.CharField(
        _("venue town or city"), max_length=100, blank=True, help_text=_("E.g. Budapest.")
    )
    venue_country = models.CharField(
        _("venue country"), max_length=100, blank=True, help_text=_("E.g. Hungary.")
    )
    venue_latitude = models.FloatField(
        _("venue latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Where the venue is: type its address in the map's search box or click the map."
        ),
    )
    venue_longitude = models.FloatField(
        _("venue longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Filled in with the latitude when you use the map."),
    )
    join_url = models.URLField(
        _("online meeting link (private)"),
        blank=True,
        max_length=500,
        help_text=_(
            "The Zoom or other link to join online. Only people who registered see it: it is "
            "sent in the confirmation e-mail and never shown on the public page."
        ),
    )
    join_details = models.TextField(
        _("joining details (private)"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Meeting ID, passcode or phone numbers, sent only to registered people with the link."
        ),
    )
    agenda = StreamField(
        AgendaStreamBlock(),
        blank=True,
        verbose_name=_("topics and agenda"),
        help_text=_("The topics, one item each, in the order they come."),
    )
    speakers = StreamField(
        SpeakersStreamBlock(),
        blank=True,
        verbose_name=_("speakers"),
        help_text=_("Who speaks or leads the event."),
    )
    registration_type = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationType.choices,
        default=RegistrationType.NONE,
        help_text=_(
            "With the form on this page, registrations are collected here and can be "
            "downloaded as a spreadsheet from the admin (Event registrations)."
        ),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        max_length=500,
        help_text=_("Only for registration on another website: its address."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "How many people can register with the form. Leave empty for no limit. "
            "Registration closes when the event starts."
        ),
    )
    recordings = StreamField(
        RecordingsStreamBlock(),
        blank=True,
        verbose_name=_("recordings"),
        help_text=_("After the event: videos, sound recordings or YouTube/Vimeo links."),
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_(
            "Tick and publish to cancel the event: everyone registered is told by e-mail, "
            "calendars remove it, and the page says “Cancelled”."
        ),
    )
    show_change_notice = models.BooleanField(
        _("show the change notice"),
        default=True,
        help_text=_(
            "When the date or time was changed or the event cancelled, say so on the page and "
            "in the lists (“Moved from … to …” or “Cancelled”). Untick to hide the notice."
        ),
    )
    # Set when a published event moves (network/event_changes.py), never by hand: calendars
    # replace their copy when SEQUENCE grows, and the notice says where the event moved from.
    sequence = models.PositiveIntegerField(_("calendar version"), default=0, editable=False)
    previous_start = models.DateTimeField(
        _("previous start"), null=True, blank=True, editable=False
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone", widget=time_zone_widget()),
                FieldPanel("cancelled"),
                FieldPanel("show_change_notice"),
            ],
            heading=_("When"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_city"), FieldPanel("venue_country")]),
                FieldRowPanel([FieldPanel("venue_latitude"), FieldPanel("venue_longitude")]),
                ConfirmOutsideCountryPanel(),
                LocationMapPanel(
                    "venue_latitude", "venue_longitude", label=_("Map: click where the venue is")
                ),
                FieldPanel("join_url"),
                FieldPanel("join_details"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("agenda"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [
                FieldPanel("registration_type"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("recordings"),
    ]
    # The joining link and details are never indexed: search results are public.
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("agenda"),
        index.SearchField("venue_city"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    # Never the joining link or details, never registrations: the API is public.
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("description"),
        APIField("attendance"),
        APIField("venue"),
        APIField("change"),
        APIField("agenda"),
        APIField("speakers"),
        APIField("registration"),
        APIField("recordings"),
        APIField("calendar_url"),
    ]
    # The OpenAPI document's description of the API fields that are properties (cms/openapi.py).
    api_field_schemas = {
        "venue": nullable(
            obj(
                {
                    "name": STRING,
                    "address": STRING,
                    "city": STRING,
                    "country": STRING,
                    "latitude": nullable(NUMBER),
                    "longitude": nullable(NUMBER),
                }
            )
        ),
        "change": obj(
            {
                "cancelled": BOOLEAN,
                "previous_start": nullable({"type": "string", "format": "date-time"}),
                "sequence": INTEGER,
            }
        ),
        "registration": obj(
            {
                "type": STRING,
                "url": nullable(STRING),
                "is_open": BOOLEAN,
                "capacity": nullable(INTEGER),
                "places_left": nullable(INTEGER),
            },
            required=["type", "url", "is_open"],
        ),
        "calendar_url": nullable(STRING),
    }
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "kind",
            "start",
            "end",
            "time_zone",
            "attendance",
            "venue_address",
            "venue_latitude",
            "venue_longitude",
            "cancelled",
            "show_change_notice",
            "join_url",
            "join_details",
            "registration_type",
            "registration_url",
            "capacity",
        )
    ]

    base_form_class = EventPageForm
    parent_page_types = ["network.EventIndexPage", "network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    # -- time -------------------------------------------------------------------------------

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def is_multi_day(self) -> bool:
        return self.local_start.date() != self.local_end.date()

    @property
    def has_ended(self) -> bool:
        return self.end < timezone.now()

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def is_online(self) -> bool:
        return self.attendance in (Attendance.ONLINE, Attendance.HYBRID)

    @property
    def has_venue(self) -> bool:
        return self.attendance in (Attendance.IN_PERSON, Attendance.HYBRID)

    @property
    def venue(self) -> dict | None:
        if not self.has_venue:
            return None
        return {
            "name": self.venue_name,
            "address": self.venue_address,
            "city": self.venue_city,
            "country": self.venue_country,
            "latitude": self.venue_latitude,
            "longitude": self.venue_longitude,
        }

    @property
    def has_venue_location(self) -> bool:
        return (
            self.has_venue and self.venue_latitude is not None and self.venue_longitude is not None
        )

    @property
    def venue_map_url(self) -> str:
        lat, lng = f"{self.venue_latitude:.6f}", f"{self.venue_longitude:.6f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}"

    # -- changes ----------------------------------------------------------------------------

    @property
    def is_moved(self) -> bool:
        return self.previous_start is not None and self.previous_start != self.start

    @property
    def change_notice(self) -> str:
        """What the page and lists say about a change: "cancelled", "moved" or nothing."""
        if not self.show_change_notice:
            return ""
        if self.cancelled:
            return "cancelled"
        return "moved" if self.is_moved else ""

    @property
    def change(self) -> dict:
        """For the API: whether the event is cancelled or was moved (and from when)."""
        return {
            "cancelled": self.cancelled,
            "previous_start": self.previous_start.isoformat() if self.is_moved else None,
            "sequence": self.sequence,
        }

    @property
    def location_text(self) -> str:
        """One line for calendars and cards: the venue, and/or "Online"."""
        parts = []
        if self.has_venue:
            venue = ", ".join(
                p for p in (self.venue_name, self.venue_address, self.venue_city) if p
            )
            if self.venue_country:
                venue = f"{venue}, {self.venue_country}" if venue else self.venue_country
            parts.append(venue)
        if self.is_online:
            parts.append(str(_("Online")))
        return " · ".join(p for p in parts if p)

    # -- registration -----------------------------------------------------------------------

    @property
    def has_built_in_registration(self) -> bool:
        return self.registration_type == RegistrationType.BUILT_IN

    @cached_property
    def registration_count(self) -> int:
        # One event, whatever language people registered in.
        return EventRegistration.objects.filter(event_key=self.translation_key).count()

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.registration_count)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0

    @property
    def registration_is_open(self) -> bool:
        return (
            self.has_built_in_registration
            and not self.cancelled
            and not self.has_started
            and not self.is_full
        )

    @property
    def registration(self) -> dict:
        """For the API: how to register, never who did."""
        data = {"type": self.registration_type, "url": None, "is_open": False}
        if self.registration_type == RegistrationType.EXTERNAL:
            data.update(url=self.registration_url or None, is_open=not self.has_started)
        elif self.has_built_in_registration:
            data.update(
                url=(self.full_url or "") + "#register",
                is_open=self.registration_is_open,
                capacity=self.capacity,
                places_left=self.places_left,
            )
        return data

    def registered_url(self, registration, full: bool = False) -> str:
        base = self.full_url if full else self.url
        return base + self.reverse_subpage(
            "registered", kwargs={"token": registration.access_token}
        )

    # -- calendars --------------------------------------------------------------------------

    @property
    def calendar_url(self) -> str:
        return file_route_url(self, "calendar")

    # -- validation -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors["time_zone"] = _("Choose a time zone from the list, e.g. Europe/Berlin.")
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.registration_type == RegistrationType.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address of the registration website.")
        if self.has_venue and not (self.venue_name or self.venue_city):
            errors["venue_city"] = _("Say where the event happens: at least the town or city.")
        if errors:
            raise ValidationError(errors)

    # -- views (network.views) --------------------------------------------------------------

    @path("")
    def event(self, request):
        """The event, with the registration form when registration is built in."""
        return views().event(self, request)

    @path("event.ics/", name="calendar")
    def calendar(self, request):
        """ "Add to calendar": this event as an .ics file (without the private joining link)."""
        return views().event_calendar(self, request)

    @path("registered/<str:token>/", name="registered")
    def registered(self, request, token):
        """What a registered person sees: their registration and, for online events, the link."""
        return views().registered(self, request, token)
