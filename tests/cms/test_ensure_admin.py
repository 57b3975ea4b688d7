"""`ensure_admin`: admin/admin for development only; production refuses weak passwords and
generates a strong one when none is given."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def ensure_admin(monkeypatch, **environ) -> str:
    for name in ("ADMIN_USERNAME", "ADMIN_PASSWORD", "ADMIN_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("password", ["admin", "password", "12345678", "admin123", "short"])
def test_production_refuses_a_default_or_weak_password(settings, monkeypatch, password):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="ADMIN_PASSWORD is refused"):
        ensure_admin(monkeypatch, ADMIN_PASSWORD=password)
    assert not get_user_model().objects.exists()
    assert authenticate(username="admin", password=password) is None


def test_production_without_a_password_generates_one_and_prints_it_once(settings, monkeypatch):
    settings.DEBUG = False
    out = ensure_admin(monkeypatch)
    password = re.search(r"shown only this once: (\S+)\.$", out.strip()).group(1)
    assert len(password) >= 20
    assert authenticate(username="admin", password=password) is not None
    assert authenticate(username="admin", password="admin") is None
    # Run again (every deploy): the password is neither changed nor shown again.
    again = ensure_admin(monkeypatch)
    assert password not in again
    assert authenticate(username="admin", password=password) is not None


def test_production_accepts_a_strong_password_without_printing_it(settings, monkeypatch):
    settings.DEBUG = False
    out = ensure_admin(
        monkeypatch, ADMIN_USERNAME="editor-in-chief", ADMIN_PASSWORD="Tulip-Harbour-93-Lantern"
    )
    assert "Tulip-Harbour-93-Lantern" not in out
    assert authenticate(username="editor-in-chief", password="Tulip-Harbour-93-Lantern")


def test_development_keeps_the_documented_login(settings, monkeypatch):
    settings.DEBUG = True
    out = ensure_admin(monkeypatch)
    assert "“admin”" in out
    assert authenticate(username="admin", password="admin") is not None
