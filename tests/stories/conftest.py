"""Stories for the tests: a country section with a centre, themes from the migration, and a helper
that publishes stories in any section."""

import pytest
from wagtail.models import Locale

from cms.core.demo import get_or_create_page
from network.models import CentrePage, CountryPage
from stories.models import StoryPage, Theme


@pytest.fixture
def stories_index(section_pages):
    return section_pages["stories"]


@pytest.fixture
def slovakia(section_pages):
    page, _created = get_or_create_page(
        section_pages["network"], CountryPage, "slovakia", title="Slovakia"
    )
    return page


@pytest.fixture
def hungary(section_pages):
    page, _created = get_or_create_page(
        section_pages["network"], CountryPage, "hungary", title="Hungary"
    )
    return page


@pytest.fixture
def nezabudka(slovakia):
    page, _created = get_or_create_page(
        slovakia, CentrePage, "mc-nezabudka-zilina", title="MC Nezábudka Žilina"
    )
    return page


def theme(slug: str, language: str = "en") -> Theme:
    return Theme.objects.get(slug=slug, locale=Locale.objects.get(language_code=language))


def publish_story(parent, title: str, themes=(), **fields) -> StoryPage:
    """A live story under `parent` (a country section or a stories page)."""
    fields.setdefault("summary", f"{title}: a story of care.")
    story = StoryPage(title=title, locale=parent.locale, **fields)
    parent.add_child(instance=story)
    story.themes.set([theme(slug) if isinstance(slug, str) else slug for slug in themes])
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)
