"""Forms of the network app: the directory's filters, event registration, and the event editor."""

import re
import unicodedata
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale

from network.centre_kinds import CentreKind
from network.geography import country_by_code
from network.panels import section_country
from network.text import fold_terms

TIME_ZONE_AREAS = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Pacific/")


def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(z for z in zoneinfo.available_timezones() if z.startswith(TIME_ZONE_AREAS))
    return [(zone, zone.replace("_", " ")) for zone in ["UTC", *zones]]


def zone_city(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def grouped_time_zone_choices(section=None) -> list:
    """The section's zone first, then the zones of the network's countries (by country name and
    city), then every zone: an editor finds "Hungary – Budapest" without scrolling past Africa."""
    # The models import this module (their edit forms): a real cycle inside the app.
    from network.models import CountryPage

    groups = []
    section_country = country_by_code(section.country_code) if section else None
    if section_country:
        groups.append(
            (
                _("This section's country"),
                [
                    (
                        section_country.time_zone,
                        f"{section.title} – {zone_city(section_country.time_zone)}",
                    )
                ],
            )
        )
    network = []
    for page in CountryPage.objects.filter(locale=Locale.get_default()).order_by("title"):
        country = country_by_code(page.country_code)
        if country:
            network.append((country.time_zone, f"{page.title} – {zone_city(country.time_zone)}"))
    if network:
        groups.append((_("The network's countries"), network))
    groups.append((_("All time zones"), time_zone_choices()))
    return groups


def time_zone_widget() -> forms.Select:
    # Choices live in the widget, not the model: the list of zones depends on the machine's
    # time zone database and must not end up in migrations.
    return forms.Select(choices=time_zone_choices())


class OutsideCountryCheckMixin:
    """A point outside the section's country is a mistake more often than not (a click in the
    wrong place): the form says so and saves only once the editor ticks "the place really is
    there". Subclasses name their coordinate fields."""

    latitude_field = "latitude"
    longitude_field = "longitude"
    outside_country_warning = False

    def check_country(self, cleaned_data) -> None:
        latitude = cleaned_data.get(self.latitude_field)
        longitude = cleaned_data.get(self.longitude_field)
        if latitude is None or longitude is None or cleaned_data.get("confirm_outside_country"):
            return
        country_page = section_country(self.instance, self)
        country = country_by_code(country_page.country_code) if country_page else None
        if country is None or country.contains(latitude, longitude):
            return
        self.outside_country_warning = True
        self.add_error(
            self.latitude_field,
            _(
                "This point is outside %(country)s, the country of this section. Check the "
                "place on the map, or tick “The place really is outside %(country)s” below "
                "and save again."
            )
            % {"country": country_page.title},
        )
        # Name the country on the checkbox too (the bound field is made anew with this label).
        self.fields["confirm_outside_country"].label = _(
            "The place really is outside %(country)s"
        ) % {"country": country_page.title}
        self._bound_fields_cache.pop("confirm_outside_country", None)


def outside_country_field():
    return forms.BooleanField(
        label=_("The place really is outside the section's country"),
        required=False,
        help_text=_("Tick only when the warning above is about a place you have checked."),
    )


class ConfirmOutsideCountryPanel(FieldPanel):
    """The "I confirm" checkbox, shown only with the warning (or once ticked)."""

    def __init__(self, field_name="confirm_outside_country", **kwargs):
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return getattr(self.form, "outside_country_warning", False) or bool(
                self.form.data.get(self.field_name)
            )


class CentrePageForm(OutsideCountryCheckMixin, WagtailAdminPageForm):
    confirm_outside_country = outside_country_field()

    def clean(self):
        cleaned_data = super().clean()
        self.check_country(cleaned_data)
        return cleaned_data


class EventPageForm(OutsideCountryCheckMixin, WagtailAdminPageForm):
    """Start and end are typed as the clock shows them where the event happens (its time zone),
    whatever the time zone of the editor's own account. The time-zone list starts with the
    section's country; a venue outside that country is questioned."""

    latitude_field = "venue_latitude"
    longitude_field = "venue_longitude"
    confirm_outside_country = outside_country_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            section = section_country(self.instance, self)
            self.fields["time_zone"].widget.choices = grouped_time_zone_choices(section)
            zone = country_by_code(section.country_code) if section else None
            if zone and not self.instance.pk:
                self.initial["time_zone"] = zone.time_zone
        for name in ("start", "end"):
            value = getattr(self.instance, name, None)
            if value is not None:
                self.initial[name] = value.astimezone(self.instance.zone).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
        try:
            zone = zoneinfo.ZoneInfo(cleaned_data.get("time_zone") or "")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return cleaned_data  # the page's own validation names the problem
        for name in ("start", "end"):
            value = cleaned_data.get(name)
            if value is not None:
                # Django read the typed time in the editor's zone; keep the clock time, change
                # the zone.
                cleaned_data[name] = timezone.make_naive(value).replace(tzinfo=zone)
        self.check_country(cleaned_data)
        return cleaned_data


# A web address anywhere in a name: a scheme, "www.", or a domain followed by a path.
WEB_ADDRESS = re.compile(r"\w+://|\bwww\.|\b[\w-]+(\.[\w-]+)*\.[a-z]{2,}/", re.IGNORECASE)


def one_plain_line(value: str) -> str:
    """A name as it goes into the confirmation mail ("Dear …") and the export: one line of text.
    Line breaks, tabs and other control or format characters are refused, not removed, so the
    person sees what was wrong."""
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in value):
        raise forms.ValidationError(
            _("Please write this on one line, without line breaks or special characters."),
            code="not_one_line",
        )
    return value


class RegistrationForm(forms.Form):
    # Every length is the database's (EventRegistration): longer input gets a message here,
    # never a database error.
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send the confirmation and the joining details here."),
    )
    organisation = forms.CharField(
        label=_("Organisation or centre"), max_length=200, required=False
    )
    country = forms.CharField(label=_("Country"), max_length=100)
    consent = forms.BooleanField(
        label=_(
            "I agree that MINE keeps my name, e-mail address, organisation and country to "
            "organise this event and to send me its details."
        ),
        error_messages={"required": _("Please agree, so that we can register you.")},
    )
    # Left empty by people; filled in by robots that fill in every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["country"].widget.attrs["autocomplete"] = "country-name"
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    @classmethod
    def refilled(cls, data) -> "RegistrationForm":
        """The form as it was sent, shown again without checking it (the rate limit)."""
        initial = {name: data.get(name, "") for name in cls.base_fields if name != "website"}
        initial["consent"] = bool(data.get("consent"))
        return cls(initial=initial)

    def clean_name(self):
        name = one_plain_line(self.cleaned_data["name"])
        # The name opens the confirmation mail: a link there would be someone else's words.
        if WEB_ADDRESS.search(name):
            raise forms.ValidationError(
                _("Please write only your name here, without a web address."), code="web_address"
            )
        return name

    def clean_organisation(self):
        return one_plain_line(self.cleaned_data["organisation"])

    def clean_country(self):
        return one_plain_line(self.cleaned_data["country"])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            # Said where people read it: the trap field itself is out of sight.
            raise forms.ValidationError(
                _("We could not register you. Please check the form and try again.")
            )
        return cleaned_data


class DirectoryFilterForm(forms.Form):
    """The directory's filters, read from the URL (?q=&country=&kind=), so a filtered list can be
    bookmarked and shared and works without JavaScript."""

    q = forms.CharField(
        label=_("Name, town or postcode"),
        required=False,
        max_length=100,
        widget=forms.SearchInput,
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, data, *, sections):
        super().__init__(data)
        self.sections = sections
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.slug, country.title) for country in sections.countries
        ]
        self.fields["kind"].choices = [("", _("All kinds")), *CentreKind.choices]
        self.is_valid()  # an unknown value is reported and ignored, the others still apply

    @property
    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.fields}

    @property
    def is_filtered(self) -> bool:
        return any(self.values.values())

    def filter(self, centres):
        values = self.values
        if values["country"]:
            country = self.sections.by_slug(values["country"])
            centres = centres.filter(self.sections.section_q(country))
        if values["kind"]:
            centres = centres.filter(kind=values["kind"])
        for term in fold_terms(values["q"] or ""):
            centres = centres.filter(directory_text__contains=term)
        return centres
