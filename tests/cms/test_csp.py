"""The Content-Security-Policy header: strict on the public site, relaxed only for Wagtail's admin."""

import pytest
from django.test import override_settings


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script(client, home_page):
    policy = directives(client.get("/en/"))
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    # Map tiles from the configured tile server, video players from the embed providers.
    assert "https://tile.openstreetmap.org" in policy["img-src"]
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]
    assert "https://player.vimeo.com" in policy["frame-src"]


@pytest.mark.django_db
def test_the_api_and_feeds_carry_the_policy_too(client, home_page):
    assert "'unsafe-inline'" not in directives(client.get("/api/v2/pages/"))["script-src"]


@pytest.mark.django_db
def test_the_admin_keeps_what_wagtail_needs(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    # No nonce beside 'unsafe-inline': a nonce would make browsers ignore it.
    assert not any(value.startswith("'nonce-") for value in policy["script-src"])
    assert policy["object-src"] == ["'none'"]


def test_hosts_come_from_the_settings():
    import importlib
    import os
    from unittest import mock

    from cms.settings import base

    environ = {
        "MAP_TILE_URL": "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        "CSP_EMBED_HOSTS": "https://player.example.net",
        "AWS_STORAGE_BUCKET_NAME": "bridges",
        "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    }
    with mock.patch.dict(os.environ, environ):
        reloaded = importlib.reload(base)
        policy = reloaded.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    importlib.reload(base)
    assert "https://*.tiles.example.org" in policy["img-src"]
    assert "https://media.example.org" in policy["img-src"]
    assert "https://media.example.org" in policy["media-src"]
    assert policy["frame-src"] == ["'self'", "https://player.example.net"]


@pytest.mark.django_db
@override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'self'"]}})
def test_the_policy_is_the_setting(client, home_page):
    assert client.get("/en/")["Content-Security-Policy"] == "default-src 'self'"
