"""The network: national sections, member centres, the network's events and their registrations."""

from .centres import CentreKind, CentrePage, FromCentreMixin
from .countries import (
    CountryPage,
    CountrySectionMixin,
    NetworkPage,
    attach_countries,
    country_path,
)
from .events import Attendance, EventIndexPage, EventKind, EventPage, RegistrationType
from .registrations import EventRegistration

__all__ = [
    "Attendance",
    "CentreKind",
    "CentrePage",
    "CountryPage",
    "CountrySectionMixin",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventRegistration",
    "FromCentreMixin",
    "NetworkPage",
    "RegistrationType",
    "attach_countries",
    "country_path",
]
