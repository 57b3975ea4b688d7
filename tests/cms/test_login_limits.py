"""Password guessing: after AXES_FAILURE_LIMIT wrong passwords from one address, that address is
paused (django-axes), with a page in the visitor's language; the right password then does not
open the door either, and another address is not affected."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def login(client, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="de",
    )


def test_wrong_passwords_pause_the_address_not_the_editor_elsewhere(client, limits, home_page):
    get_user_model().objects.create_user(
        "editor", password="right horse battery", is_superuser=True
    )
    for _ in range(2):
        assert login(client, "guess").status_code == 200  # the form again, with its message
    locked = login(client, "guess")
    assert locked.status_code == 429
    page = BeautifulSoup(locked.content, "html.parser")
    assert page.h1.get_text(strip=True) == "Zu viele falsche Passwörter"  # her language
    assert "in 30 Minuten erneut" in page.get_text()
    # The right password from that address waits too; from another address it works.
    assert login(client, "right horse battery").status_code == 429
    assert login(client, "right horse battery", address="198.51.100.9").status_code == 302
