"""The page factories get or create on parent and slug, and keep what an editor changed; only the
demo content and the tests build through factories, never the site's own code."""

import ast
from pathlib import Path

import factory
import pytest

from network.factories import CentrePageFactory
from network.models import CentrePage
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPS = ["cms", "home", "network", "stories", "walks"]
# The demo content and its command build through the factories on purpose.
MAY_IMPORT_FACTORIES = {"demo.py", "factories.py", "load_demo_content.py"}


def test_an_existing_page_is_returned_as_the_editor_left_it(slovakia):
    centre = CentrePageFactory(parent=slovakia, title="MC Nezábudka Žilina", city="Žilina")
    centre.city = "Martin"  # an editor moved it
    centre.save_revision().publish()
    made = []

    again = CentrePageFactory(
        parent=slovakia,
        slug="mc-nezabudka-zilina",
        title="MC Nezábudka Žilina",
        city="Žilina",
        image=factory.LazyFunction(lambda: made.append("image")),
    )

    assert again.pk == centre.pk and isinstance(again, CentrePage)
    assert CentrePage.objects.get(pk=centre.pk).city == "Martin"
    assert CentrePage.objects.child_of(slovakia).count() == 1
    assert made == []  # nothing for the page was made: not even its picture


def test_a_page_is_published_with_a_revision_unless_it_is_a_draft(section_pages):
    stories_index = section_pages["stories"]
    story = StoryPageFactory(parent=stories_index, title="Soup for everyone", themes=["care"])
    draft = StoryPageFactory(parent=stories_index, title="Not yet", live=False)

    assert story.live and story.live_revision is not None
    assert [theme.slug for theme in story.themes.all()] == ["care"]
    assert story.locale == stories_index.locale
    assert not draft.live and draft.get_latest_revision() is not None
    assert draft.live_revision is None


def test_the_sites_own_code_imports_no_factory():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if path.name in MAY_IMPORT_FACTORIES or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                names = []
                if isinstance(node, ast.ImportFrom):
                    names = [node.module or "", *(alias.name for alias in node.names)]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                if any(name == "factories" or name.endswith(".factories") for name in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
