"""Forms of the network app: the directory's filters, event registration, and the event editor."""

import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from network.text import fold_terms

TIME_ZONE_AREAS = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Pacific/")


def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(z for z in zoneinfo.available_timezones() if z.startswith(TIME_ZONE_AREAS))
    return [(zone, zone.replace("_", " ")) for zone in ["UTC", *zones]]


def time_zone_widget() -> forms.Select:
    # Choices live in the widget, not the model: the list of zones depends on the machine's
    # time zone database and must not end up in migrations.
    return forms.Select(choices=time_zone_choices())


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed as the clock shows them where the event happens (its time zone),
    whatever the time zone of the editor's own account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
        return cleaned_data


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
        from network.models import CentreKind

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
