"""A Slovak translator logged in to the admin, with the Slovak and German trees ready."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page

from cms.core.demo import translate_once
from cms.core.translators import translators_group_name


@pytest.fixture
def languages(home_page, section_pages):
    """The Slovak and German homes and story sections exist (translated by an administrator)."""
    for code in ("sk", "de"):
        translate_once(home_page, code, {})
        translate_once(Page.objects.get(pk=section_pages["stories"].pk), code, {})


@pytest.fixture
def zuzana(client, django_user_model, languages):
    """A Slovak translator (her language's group from `setup_groups`), logged in."""
    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user("zuzana", "zuzana@example.org", "pw")
    user.groups.add(Group.objects.get(name=translators_group_name("sk")))
    client.force_login(user)
    return client
