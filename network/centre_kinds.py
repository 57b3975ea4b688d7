"""The kinds of member a centre page can be (its own module: the admin forms offer them, and the
models import the forms)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CentreKind(models.TextChoices):
    MOTHER_CENTRE = "mother_centre", _("Mother centre")
    FAMILY_CENTRE = "family_centre", _("Family centre")
    MULTI_GENERATION_CENTRE = "multi_generation_centre", _("Multi-generation centre")
    NATIONAL_NETWORK = "national_network", _("National network")
    UMBRELLA_ORGANISATION = "umbrella_organisation", _("Umbrella organisation")
