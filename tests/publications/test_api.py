"""The API serves a publication with its chapters as page links and its downloads per language."""

import pytest

from tests.publications.test_builds import run_queue

pytestmark = pytest.mark.django_db


def normalise(data):
    """Dates of builds and sizes vary: keep their presence, not their value."""
    for download in data["downloads"]:
        if download["built_at"]:
            download["built_at"] = "<date>"
        if download["size"]:
            download["size"] = "<size>"
    return data


def test_the_publication_in_the_api(client, publication, story, walk, task_queue):
    url = f"/api/v2/pages/{publication.pk}/"
    fields = ["table_of_contents", "downloads", "subtitle", "editors"]
    data = client.get(url).json()
    base = "http://testserver"

    expected_contents = [
        {
            "number": 1,
            "type": "text",
            "title": "Why this book",
            "language": "en",
            "part": None,
            "page": None,
            "url": f"{base}/en/making-care-visible/chapters/1/",
        },
        {
            "number": 2,
            "type": "story",
            "title": "A kitchen table for everyone",
            "language": "en",
            "part": "Part one: stories",
            "page": {
                "id": story.pk,
                "type": "stories.StoryPage",
                "title": story.title,
                "locale": "en",
                "html_url": f"{base}{story.url}",
                "api_url": f"{base}/api/v2/pages/{story.pk}/",
            },
            "url": f"{base}/en/making-care-visible/chapters/2/",
        },
        {
            "number": 3,
            "type": "walk",
            "title": "A walk through Žilina",
            "language": "en",
            "part": "Part two: walks",
            "page": {
                "id": walk.pk,
                "type": "walks.WalkPage",
                "title": walk.title,
                "locale": "en",
                "html_url": f"{base}{walk.url}",
                "api_url": f"{base}/api/v2/pages/{walk.pk}/",
            },
            "url": f"{base}/en/making-care-visible/chapters/3/",
        },
    ]
    assert {key: data[key] for key in fields} == {
        "table_of_contents": expected_contents,
        "downloads": [
            {
                "format": "pdf",
                "language": "en",
                "url": None,
                "size": None,
                "built_at": None,
                "status": "being prepared",
            },
            {
                "format": "epub",
                "language": "en",
                "url": None,
                "size": None,
                "built_at": None,
                "status": "being prepared",
            },
        ],
        "subtitle": "Stories from the Bridges network",
        "editors": "MINE – Mother Centers International Network for Empowerment",
    }
    assert data["meta"]["type"] == "publications.PublicationPage"

    run_queue(task_queue)
    data = normalise(client.get(url).json())
    assert data["downloads"] == [
        {
            "format": "pdf",
            "language": "en",
            "url": f"{base}/en/making-care-visible/download/pdf/",
            "size": "<size>",
            "built_at": "<date>",
            "status": "ready",
        },
        {
            "format": "epub",
            "language": "en",
            "url": f"{base}/en/making-care-visible/download/epub/",
            "size": "<size>",
            "built_at": "<date>",
            "status": "ready",
        },
    ]


def test_drafts_are_not_chapters_in_the_api(client, publication, story):
    story.unpublish()
    data = client.get(f"/api/v2/pages/{publication.pk}/").json()
    assert [c["title"] for c in data["table_of_contents"]] == [
        "Why this book",
        "A walk through Žilina",
    ]
    assert "A kitchen table" not in str(data)
