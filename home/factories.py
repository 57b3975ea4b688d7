"""Factories for the home app's pages, for the demo content and the tests. The home page of each
language comes from the migrations; standard pages (About MINE...) are made here."""

import factory
from wagtail.models import Locale

from cms.core.factories import PageFactory

from .models import HomePage, StandardPage


def english_home() -> HomePage:
    """The home page of the default language, made by the migrations like on a fresh site."""
    return HomePage.objects.get(locale=Locale.get_default())


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n + 1}")
