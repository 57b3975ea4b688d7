"""Stories for the tests: the stories page, a centre in Slovakia and the themes of the migration.
Stories themselves come from stories.factories.StoryPageFactory."""

import pytest
from wagtail.models import Locale

from network.factories import CentrePageFactory
from stories.models import Theme


@pytest.fixture
def stories_index(section_pages):
    return section_pages["stories"]


@pytest.fixture
def nezabudka(slovakia):
    return CentrePageFactory(
        parent=slovakia, slug="mc-nezabudka-zilina", title="MC Nezábudka Žilina"
    )


def theme(slug: str, language: str = "en") -> Theme:
    return Theme.objects.get(slug=slug, locale=Locale.objects.get(language_code=language))
