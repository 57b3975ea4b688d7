"""Publications for the tests: stories and a walk in country sections, and a publication of them."""

import pytest

from publications.factories import PublicationPageFactory, chapter, part, text_chapter
from stories.factories import StoryPageFactory
from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def task_queue(settings):
    """Builds are queued, not run (a PDF takes seconds): tests that need files run the queue."""
    settings.TASKS = DUMMY_TASKS
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


@pytest.fixture
def run_builds(settings):
    """Run queued builds at once, as the default (immediate) backend does in development."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def story(slovakia):
    return StoryPageFactory(
        parent=slovakia,
        title="A kitchen table for everyone",
        storyteller="Jana, mother of three",
        body=[
            ("paragraph", "<p>Every Tuesday the kitchen of the centre is open to all.</p>"),
            ("heading", {"text": "Soup for forty", "level": "h2"}),
            ("paragraph", "<p>We cook together, and nobody eats alone.</p>"),
        ],
    )


@pytest.fixture
def walk(slovakia):
    return WalkPageFactory(
        parent=slovakia,
        title="A walk through Žilina",
        stops=build_stops(3, with_extra_photos=False),
        slug="zilina",
        summary="Three stops.",
    )


@pytest.fixture
def publication_chapters(story, walk):
    return [
        text_chapter(
            "Why this book",
            "Care work is everywhere and seen nowhere.",
            "Майчините центрове в България: грижа, която се вижда.",
        ),
        part("Part one: stories"),
        chapter("story", story),
        part("Part two: walks"),
        chapter("walk", walk),
    ]


@pytest.fixture
def publication(home_page, publication_chapters, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = PublicationPageFactory(parent=home_page, chapters=publication_chapters, publish=True)
    return type(page).objects.get(pk=page.pk)
