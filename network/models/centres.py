"""A member centre of the network: where it is, how to reach it, and what it offers."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.api_schema import NUMBER, STRING, nullable, obj
from cms.blocks.text import RICH_TEXT_FEATURES
from cms.localized import public_translation
from cms.pages import BasePage
from cms.serializers import ImageSerializerField, PageLinkSerializerField
from network.centre_kinds import CentreKind
from network.forms import CentrePageForm, ConfirmOutsideCountryPanel
from network.languages import SPOKEN_LANGUAGE_NAMES, SPOKEN_LANGUAGES
from network.panels import LocationMapPanel
from network.text import fold

from .countries import CountrySectionMixin
from .routes import views


class LanguageListField(models.JSONField):
    """A list of language codes (["sl", "en"]), ticked from a list in the admin."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=SPOKEN_LANGUAGES,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            # Django's own form fields capitalise the model's label; this one must too.
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


key_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]*$",
    _("Use small letters, digits and dashes only, e.g. sk-nezabudka-zilina."),
)


class CentrePage(CountrySectionMixin, BasePage):
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=CentreKind.choices,
        default=CentreKind.MOTHER_CENTRE,
        help_text=_("What kind of place or organisation this is."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the centre offers and who comes."),
    )
    street_address = models.CharField(
        _("street and number"),
        max_length=200,
        blank=True,
        help_text=_("As written on a letter, e.g. Landshuter Allee 37."),
    )
    postcode = models.CharField(
        _("postcode"), max_length=20, blank=True, help_text=_("E.g. 80637.")
    )
    city = models.CharField(
        _("town or city"),
        max_length=100,
        blank=True,
        help_text=_("In the local language, e.g. München, Žilina."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Where the centre is on the map: click the map below, or copy the first number "
            "from a map website (e.g. 48.1546 for Munich). Between -90 and 90."
        ),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("The second number (e.g. 11.5380 for Munich). Between -180 and 180."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("E.g. https://www.mala-ulica.si/")
    )
    email = models.EmailField(
        _("public e-mail"),
        blank=True,
        help_text=_("An address the centre is happy to show to everyone."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=50,
        blank=True,
        help_text=_("With the country code, e.g. +49 89 123456."),
    )
    languages = LanguageListField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("Tick the languages visitors can speak with the team."),
    )
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        max_length=1000,
        help_text=_("One line per day or group of days, e.g. “Mon–Fri 9:00–12:00”."),
    )
    logo = models.ForeignKey(
        "core.BridgesImage",
        verbose_name=_("photo or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The centre's logo or a photo of it, shown next to the address."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1980), MaxValueValidator(2100)],
        help_text=_("The year the centre joined the network, e.g. 1998."),
    )
    directory_key = models.CharField(
        _("directory key"),
        max_length=100,
        blank=True,
        db_index=True,
        validators=[key_validator],
        help_text=_(
            "A short code that never changes, even when the centre is renamed: the centres "
            "spreadsheet (CSV) matches its rows to centres with it. Leave empty to use the "
            "page's address (slug)."
        ),
    )
    # Name, town, postcode and street without accents, for the directory's search box.
    directory_text = models.TextField(editable=False, blank=True, default="")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ConfirmOutsideCountryPanel(),
                LocationMapPanel(label=_("Map: click where the centre is")),
            ],
            heading=_("Address and place on the map"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("opening_hours"),
                FieldPanel("languages"),
            ],
            heading=_("How to reach the centre"),
        ),
        FieldPanel("logo"),
        FieldPanel("member_since"),
        FieldPanel("directory_key"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.FilterField("kind"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("description"),
        APIField("address"),
        APIField("location"),
        APIField("website"),
        APIField("email"),
        APIField("phone"),
        APIField("languages"),
        APIField("opening_hours"),
        APIField("logo", serializer=ImageSerializerField()),
        APIField("member_since"),
        APIField("directory_key"),
    ]
    # The OpenAPI document's description of the API fields that are properties (cms/openapi.py).
    api_field_schemas = {
        "address": obj(
            {"street_address": STRING, "postcode": STRING, "city": STRING, "country": STRING}
        ),
        "location": nullable(obj({"lat": NUMBER, "lng": NUMBER})),
    }
    # Translators translate the name, description and opening hours; where the centre is and
    # how to reach it is the same in every language, so they are never offered for translation.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "kind",
            "street_address",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "languages",
            "logo",
            "member_since",
            "directory_key",
        )
    ]

    base_form_class = CentrePageForm
    parent_page_types = ["network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("centre")

    # -- what the page and the API show -------------------------------------------------------

    @property
    def location(self) -> dict | None:
        if self.latitude is None or self.longitude is None:
            return None
        return {"lat": self.latitude, "lng": self.longitude}

    @property
    def address(self) -> dict:
        return {
            "street_address": self.street_address,
            "postcode": self.postcode,
            "city": self.city,
            "country": self.country.title if self.country else "",
        }

    @property
    def language_names(self) -> list[str]:
        return [str(SPOKEN_LANGUAGE_NAMES.get(code, code)) for code in self.languages or []]

    @property
    def opening_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def map_url(self) -> str:
        """The place on OpenStreetMap: works without JavaScript and without our map."""
        if self.location is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude:.5f}&mlon={self.longitude:.5f}"
            f"#map=16/{self.latitude:.5f}/{self.longitude:.5f}"
        )

    # -- keeping the directory's helpers in step ----------------------------------------------

    def fill_directory_fields(self) -> None:
        if not self.directory_key:
            self.directory_key = slugify(self.slug or self.title)[:100]
        self.directory_text = fold(
            " ".join([self.title, self.city, self.postcode, self.street_address])
        )

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            message = _("Give both numbers (latitude and longitude), or neither.")
            errors["latitude" if self.latitude is None else "longitude"] = message
        if self.member_since and self.member_since > datetime.date.today().year:
            errors["member_since"] = _("The year cannot be in the future.")
        key = self.directory_key or slugify(self.slug or self.title)
        if key and self.locale_id:
            taken = (
                CentrePage.objects.filter(directory_key=key, locale_id=self.locale_id)
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if taken is not None:
                errors["directory_key" if self.directory_key else "slug"] = _(
                    "Another centre (“%(title)s”) already uses the directory key “%(key)s”."
                ) % {"title": taken.title, "key": key}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.fill_directory_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "directory_key", "directory_text"}
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views().centre_context(self))
        return context


class FromCentreMixin(models.Model):
    """The mother centre a story comes from or a walk goes through: one field, shown to each
    reader as the centre's page in the page's own language. The centre's stories and walks are
    `centre.stories` and `centre.walks` (the related name is the app's label)."""

    centre = models.ForeignKey(
        "network.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s",
        help_text="",  # each page type says what its centre is (field_help_texts)
    )

    centre_api_fields = [
        APIField("centre", serializer=PageLinkSerializerField(source="localized_centre")),
    ]

    class Meta:
        abstract = True

    @cached_property
    def localized_centre(self):
        """The centre's page in this page's language when it is translated; nothing when the
        centre is a draft or private (its title is not the public's to read)."""
        if self.centre_id is None:
            return None
        return public_translation(self.centre, self.locale)
