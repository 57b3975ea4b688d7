"""What a publish purges (exactly the addresses that show the page), and a cache that is down."""

import logging
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from cms.frontend_cache import purge, urls_showing
from network.factories import CentrePageFactory
from stories.factories import StoryPageFactory
from tests.cache.servers import free_port
from tests.mail_helpers import DATABASE_TASKS

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def paths(urls) -> set[str]:
    return {url.removeprefix(BASE) for url in urls}


def test_a_story_purges_every_page_that_shows_it(home_page, slovakia, section_pages, germany):
    centre = CentrePageFactory(parent=slovakia, title="MC Nezábudka")
    story = StoryPageFactory(parent=slovakia, title="Care", centre=centre)
    german = story.copy_for_translation(Locale.objects.get(language_code="de"), copy_parents=True)
    german.save_revision().publish()
    unrelated = StoryPageFactory(parent=germany, title="Elsewhere")

    urls = paths(urls_showing(story))
    expected = {
        story.url,  # the page in every language
        german.url,
        "/en/",  # home, the lists and the country section
        "/en/stories/",
        "/en/stories/feed/",
        "/en/walks/",
        "/en/network/",
        "/en/network/centres.geojson",
        "/en/events/",
        "/en/events/feed.ics",
        slovakia.url,
        centre.url,  # the centre it names lists it
        "/sitemap.xml",
        f"/api/v2/pages/{story.pk}/",
        "/api/v2/pages/",
    }
    assert expected <= urls, expected - urls
    assert german.get_parent().url in urls  # the German section it lives in
    assert unrelated.url not in urls and germany.url not in urls


def test_a_cache_that_is_down_is_logged_and_tried_again(
    slovakia, section_pages, django_capture_on_commit_callbacks, caplog
):
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    cache_down = {"varnish": {"BACKEND": "cms.frontend_cache.VarnishBackend", "LOCATION": down}}
    with override_settings(WAGTAILFRONTENDCACHE=cache_down, TASKS=DATABASE_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            story = StoryPageFactory(parent=slovakia, title="Published all the same")
        assert story.live  # the publish itself succeeded
        purges = DBTaskResult.objects.filter(task_path="cms.frontend_cache.purge")
        queued = next(t for t in purges if BASE + story.url in t.args_kwargs["args"][0])
        before = set(purges.values_list("pk", flat=True))

        caplog.set_level(logging.WARNING, logger="bridges.frontend_cache")
        assert purge.call(*queued.args_kwargs["args"]) == "retrying"
        assert "failed" in caplog.text
        (retry,) = purges.exclude(pk__in=before)
        assert retry.args_kwargs["args"][2] == 2  # the second attempt
        assert retry.run_after > timezone.now() + timedelta(seconds=5)
        # The last attempt gives up (logged as an error) instead of queueing forever.
        caplog.clear()
        assert purge.call(retry.args_kwargs["args"][0], True, 6) == "failed"
        assert any(record.levelno == logging.ERROR for record in caplog.records)


def test_making_a_section_private_purges_it_and_every_page_below(
    slovakia, section_pages, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    story = StoryPageFactory(parent=slovakia, title="Soon for members only")
    varnish = {"varnish": {"BACKEND": "cms.frontend_cache.VarnishBackend", "LOCATION": BASE}}
    with override_settings(WAGTAILFRONTENDCACHE=varnish, TASKS=DATABASE_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            restriction = PageViewRestriction.objects.create(
                page=slovakia, restriction_type=PageViewRestriction.LOGIN
            )
        purges = DBTaskResult.objects.filter(task_path="cms.frontend_cache.purge")
        (queued,) = purges.all()
        urls = paths(queued.args_kwargs["args"][0])
        assert {slovakia.url, story.url, "/en/network/", "/sitemap.xml"} <= urls
        # Public again: purged again (the private answer must not stay cached either).
        with django_capture_on_commit_callbacks(execute=True):
            restriction.delete()
        assert purges.all().count() == 2
