"""Who may see stories sent in by the public, after `setup_groups`: editors and moderators yes
(they review them and delete one on request), translators no; translators may translate themes."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    call_command("setup_groups", stdout=io.StringIO())

    def make(group_name):
        user = django_user_model.objects.create_user(group_name.lower(), password="pw")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.mark.parametrize(
    ("group_name", "sees_submissions"),
    [("Editors", True), ("Moderators", True), ("Translators", False)],
)
def test_sent_in_stories_are_for_editors_and_moderators(
    client, member, group_name, sees_submissions
):
    client.force_login(member(group_name))
    response = client.get(reverse("story_submissions:index"))
    if sees_submissions:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_translators_may_work_on_themes(member):
    translator = member("Translators")
    assert translator.has_perm("stories.change_theme")
    assert translator.has_perm("stories.add_theme")
    assert not translator.has_perm("stories.delete_theme")
    assert not translator.has_perm("stories.view_storysubmission")
