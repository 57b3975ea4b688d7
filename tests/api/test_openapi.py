"""The OpenAPI document (/api/v2/schema/) describes every endpoint, parameter and page type's
fields (StreamField blocks included) and matches what the API answers: a bounded schemathesis run
finds no server error and no answer that breaks the document. The human docs (/api/v2/docs/) use
only our own files. A client generated from the document reads a story in Slovak with fallback."""

import datetime
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core import signals
from django.db import close_old_connections
from django.utils import timezone
from openapi_spec_validator import validate

from cms.core.factories import AudioFactory, ImageFactory, VideoFactory
from cms.core.translation import translate_page
from network.factories import CentrePageFactory, EventPageFactory
from stories.factories import StoryPageFactory
from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home_page, section_pages, slovakia):
    """One page of each kind with every block that holds a reference, and a Slovak translation."""
    photo = ImageFactory(title="Kitchen", description="Mothers in the kitchen", seed=1)
    centre = CentrePageFactory(parent=slovakia, slug="nezabudka", title="MC Nezábudka", logo=photo)
    story = StoryPageFactory(
        parent=slovakia,
        slug="the-tuesday-kitchen",
        title="The Tuesday kitchen",
        themes=["care"],
        image=photo,
        centre=centre,
        body=[
            ("heading", {"text": "The kitchen", "level": "h2"}),
            ("paragraph", f'<p>Ask <a linktype="page" id="{centre.pk}">the centre</a>.</p>'),
            ("image", {"image": photo, "alt_text": "", "caption": "Tuesday", "credit": ""}),
            (
                "gallery",
                {
                    "title": "Garden",
                    "images": [{"image": photo, "alt_text": "", "caption": "", "credit": ""}],
                },
            ),
            (
                "video",
                {
                    "video": VideoFactory(title="Film"),
                    "poster": photo,
                    "caption": "",
                    "caption_tracks": [],
                    "transcript": "",
                },
            ),
            ("audio", {"audio": AudioFactory(title="Song"), "caption": "", "transcript": ""}),
            ("quote", {"quote": "Nobody is alone here.", "attribution": "Eva"}),
            ("embed", {"embed": "https://youtu.be/abc123", "caption": ""}),
            (
                "call_to_action",
                {
                    "title": "More",
                    "text": "",
                    "button_label": "Read",
                    "link": {"page": section_pages["stories"], "url": ""},
                },
            ),
        ],
    )
    WalkPageFactory(parent=slovakia, slug="a-walk", title="A walk", stops=build_stops(2))
    start = timezone.now() + datetime.timedelta(days=5)
    EventPageFactory(
        parent=section_pages["events"],
        title="Mother Centers' Day",
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_type="built_in",
        capacity=10,
        agenda=[("item", {"time": "10:00", "topic": "Welcome", "details": ""})],
        speakers=[("speaker", {"name": "Emese", "role": "", "photo": photo, "bio": ""})],
    )
    translate_page(home_page, "sk", {})
    translate_page(section_pages["network"], "sk", {})
    translate_page(slovakia, "sk", {})
    slovak_story = translate_page(story, "sk", {"The Tuesday kitchen": "Utorková kuchyňa"})
    return {"story": story, "slovak story": slovak_story, "photo": photo}


def test_the_document_is_valid_and_describes_every_type_and_block(client, content):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    assert response.has_header("ETag")
    document = response.json()
    validate(document)
    assert document["x-undescribed"] == []  # every field and block says its shape
    schemas = document["components"]["schemas"]
    for name in ("stories_StoryPage", "walks_WalkPage", "network_EventPage", "network_CentrePage"):
        assert name in schemas
    story = schemas["stories_StoryPage"]["properties"]
    assert story["body"] == {"$ref": "#/components/schemas/cms_BodyStreamBlock"}
    kinds = {
        item["properties"]["type"]["const"]
        for item in schemas["cms_BodyStreamBlock"]["items"]["anyOf"]
    }
    assert {"heading", "paragraph", "image", "gallery", "video", "audio", "quote"} <= kinds
    # Every field the API gives for a story is in the document, and nothing else.
    detail = client.get(f"/api/v2/pages/{content['story'].pk}/").json()
    assert set(detail) == set(story)
    parameters = {p["name"] for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {"locale", "fallback", "type", "fields", "limit", "offset", "search"} <= parameters


def test_the_docs_use_our_own_files_and_no_inline_script(client, home_page):
    response = client.get("/api/v2/docs/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.find_all("script")
    assert scripts and all(script.get("src") and not script.string for script in scripts)
    for url in [script["src"] for script in scripts] + [
        link["href"] for link in soup.find_all("link", rel="stylesheet")
    ]:
        assert url.startswith("/static/"), url
        assert finders.find(url.removeprefix("/static/")), url
    assert soup.select_one("#swagger-ui")["data-schema-url"] == "/api/v2/schema/"


def test_schemathesis_finds_no_server_error_and_no_answer_that_breaks_the_document(content):
    """Bounded: a few dozen generated requests per operation (about a minute here)."""
    import hypothesis
    import schemathesis
    from django.core.wsgi import get_wsgi_application
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
    ]
    # As Django's test client does: calls through the WSGI application must not close the test's
    # own database connection (inside the test's transaction PostgreSQL's counts as obsolete).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v2/schema/", get_wsgi_application())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 12
        for operation in operations:

            @hypothesis.settings(
                max_examples=25,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(hypothesis.HealthCheck),
            )
            @hypothesis.given(case=operation.as_strategy())
            def call(case):
                case.call_and_validate(checks=checks)

            call()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_a_generated_client_reads_a_story_in_slovak_with_fallback(client, content, tmp_path):
    document = client.get("/api/v2/schema/").content
    (tmp_path / "openapi.json").write_bytes(document)
    generator = Path(sys.executable).parent / "openapi-python-client"
    result = subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            "openapi.json",
            "--meta",
            "none",
            "--output-path",
            "bridges_client",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        bridges_client = importlib.import_module("bridges_client")
        get_page = importlib.import_module("bridges_client.api.pages.get_page")
        models = importlib.import_module("bridges_client.models")
    finally:
        sys.path.remove(str(tmp_path))

    import httpx
    from django.test import Client as DjangoClient

    class DjangoTransport(httpx.BaseTransport):
        """The generated client's requests answered by this site in the test's database."""

        def handle_request(self, request):
            answer = DjangoClient().get(request.url.raw_path.decode())
            return httpx.Response(
                answer.status_code, headers=dict(answer.items()), content=answer.content
            )

    api = bridges_client.Client(
        base_url="http://testserver", httpx_args={"transport": DjangoTransport()}
    )
    for page, expected_title in (
        (content["story"], "Utorková kuchyňa"),
        (content["slovak story"], "Utorková kuchyňa"),
    ):
        story = get_page.sync(client=api, id=page.pk, locale=models.Language("sk"), fallback=True)
        assert story is not None, "the client could not read the answer"
        data = story.to_dict()
        assert data["title"] == expected_title
        assert data["meta"]["locale"] == "sk"
        image = data["image"]
        assert image["id"] == content["photo"].pk
        assert image["renditions"]["small"]["url"].startswith("http://testserver/media/images/")
        blocks = {block["type"]: block["value"] for block in data["body"]}
        assert blocks["image"]["image"]["alt"] == "Mothers in the kitchen"


def test_every_page_and_listing_matches_the_document(client, content):
    """Schemathesis rarely guesses an id that exists: every live page's answer is checked here."""
    from openapi_schema_validator import OAS31Validator
    from wagtail.models import Page

    document = client.get("/api/v2/schema/").json()

    def check(instance, schema):
        validator = OAS31Validator({**schema, "components": document["components"]})
        errors = [
            f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"
            for error in validator.iter_errors(instance)
        ]
        assert not errors, "\n".join(errors)

    def type_schema(page):
        model = page.specific_class
        return {"$ref": f"#/components/schemas/{model._meta.app_label}_{model.__name__}"}

    pages = document["paths"]["/api/v2/pages/"]["get"]["responses"]["200"]
    detail = document["paths"]["/api/v2/pages/{id}/"]["get"]["responses"]["200"]
    page_schema = detail["content"]["application/json"]["schema"]
    listing_schema = pages["content"]["application/json"]["schema"]
    live = list(Page.objects.live().filter(depth__gt=1, alias_of__isnull=True))
    assert len(live) >= 10
    for page in live:
        for query in ("", "?locale=sk&fallback=true"):
            data = client.get(f"/api/v2/pages/{page.pk}/{query}").json()
            check(data, type_schema(Page.objects.get(pk=data["id"])))
            check(data, page_schema)
    for page_type in sorted({page.specific_class._meta.label for page in live}):
        listing = client.get(f"/api/v2/pages/?type={page_type}&fields=*").json()
        check(listing, listing_schema)
        # Each item in the type's own schema too (fields=* gives every field).
        app, model = page_type.split(".")
        for item in listing["items"]:
            check(item, {"$ref": f"#/components/schemas/{app}_{model}"})
