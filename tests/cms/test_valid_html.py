"""Every public page type, as rendered from the demo content, passes the Nu HTML checker with no error.

The checker is the `vnu-jar` npm package (package.json pins it) run with the machine's Java.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def first_url(model_path: str, language: str = "en", where=None) -> str:
    from django.apps import apps

    model = apps.get_model(model_path)
    pages = model.objects.live().public().filter(locale__language_code=language)
    page = (where(pages) if where else pages).order_by("path").first()
    assert page is not None, f"the demo has no live {model_path} in {language}"
    return page.url


def urls_of_every_type() -> dict[str, str]:
    """One page of each public type (English), plus the pages every language has."""
    story_with_video = first_url(
        "stories.StoryPage", where=lambda pages: pages.filter(body__icontains='"video"')
    )
    stories = first_url("stories.StoryIndexPage")
    urls = {
        "home": first_url("home.HomePage"),
        "standard": first_url("home.StandardPage"),
        "stories list": stories,
        "story": first_url("stories.StoryPage"),
        "story with video": story_with_video,
        "tell your story": stories + "tell-your-story/",
        "walks list": first_url("walks.WalkIndexPage"),
        "walk": first_url("walks.WalkPage"),
        "network": first_url("network.NetworkPage"),
        "country": first_url("network.CountryPage"),
        "centre": first_url("network.CentrePage"),
        "events list": first_url("network.EventIndexPage"),
        "event": first_url("network.EventPage"),
        "search": "/en/search/?q=mother",
        "not found": "/en/no-such-page/",
    }
    for language in LANGUAGES:
        urls[f"home ({language})"] = f"/{language}/"
        urls[f"search ({language})"] = f"/{language}/search/?q=centre"
        urls[f"not found ({language})"] = f"/{language}/no-such-page/"
    for page in (
        Page.objects.live().public().filter(depth__gt=2).exclude(locale__language_code="en")
    ):
        # The demo's German and Hungarian translations: their own words, their own lang.
        urls.setdefault(
            f"{page.specific_class._meta.label} ({page.locale.language_code})", page.url
        )
    return urls


def test_every_page_type_passes_the_nu_html_checker(client, tmp_path):
    if shutil.which("java") is None:
        pytest.fail(
            "Java is missing: `make test` installs it (apt-get install default-jre-headless)"
        )
    assert VNU_JAR.exists(), "vnu-jar is missing: run `npm ci`"
    call_command("load_demo_content", verbosity=0)

    files = {}
    for name, url in urls_of_every_type().items():
        response = client.get(url)
        expected = 404 if "not found" in name else 200
        assert response.status_code == expected, (name, url, response.status_code)
        path = tmp_path / f"{len(files):03d}.html"
        path.write_bytes(response.content)
        files[path.resolve().as_uri()] = f"{name}: {url}"

    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *(str(tmp_path / Path(uri).name) for uri in files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == []
    assert len(files) > 40
