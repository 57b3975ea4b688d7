"""The demo publication: made from the demo's stories and walks, in English, German and Hungarian."""

import pytest
from wagtail.models import Page

from publications import demo
from publications.models import PublicationPage
from tests.publications.test_builds import queued_builds

pytestmark = pytest.mark.django_db


def test_the_demo_publication_in_three_languages_is_made_once(
    home_page, story, walk, task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(home_page)
    editions = PublicationPage.objects.filter(slug=demo.SLUG).select_related("locale")
    titles = {page.locale.language_code: page.title for page in editions}
    assert titles == {
        "en": "Making care visible",
        "de": "Fürsorge sichtbar machen",
        "hu": "Láthatóvá tenni a gondoskodást",
    }
    english = editions.get(locale__language_code="en")
    assert [c.title for c in english.contents.chapters] == [
        "Why this book",
        "A kitchen table for everyone",
        "A walk through Žilina",
        "After the project",
    ]
    assert sorted(args[0] for args in queued_builds(task_queue)) == sorted(p.pk for p in editions)

    pages = Page.objects.count()
    demo.load(home_page)
    assert Page.objects.count() == pages
