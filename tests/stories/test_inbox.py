"""The editors' inbox on the dashboard: sent-in stories waiting in their sections, and a warning
on the dashboard and in the sent-in stories list when a new story would notify nobody."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from stories.models import StoryPage, StorySubmission

pytestmark = pytest.mark.django_db


def draft_story(parent, title: str) -> StoryPage:
    page = StoryPage(title=title, live=False)
    parent.add_child(instance=page)
    page.save_revision()
    return page


def submission(page, country, language="sk") -> StorySubmission:
    return StorySubmission.objects.create(
        email="mother@example.org",
        country=country,
        language=language,
        title=page.title,
        text="Our story.",
        consent_publish=True,
        story_page=page,
    )


@pytest.fixture
def slovak_editor(client, django_user_model, slovakia):
    group = Group.objects.create(name="Editors: Slovakia")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_storysubmission"),
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=slovakia, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("jana", "", "pw")
    user.groups.add(group)
    client.force_login(user)
    return user


def text_of(response) -> str:
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_the_dashboard_lists_sent_in_stories_of_the_editors_sections(
    client, slovak_editor, slovakia, hungary, settings
):
    settings.STORIES_NOTIFY_EMAILS = ["stories@example.org"]
    mine = submission(draft_story(slovakia, "Our Tuesday mornings"), slovakia, "sk")
    submission(draft_story(hungary, "A Budapest story"), hungary, "hu")
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.find(id="sent-in-stories-heading").find_parent("section")
    assert "(1)" in panel.find("h2").get_text()
    rows = panel.select("tr[data-submission]")
    assert len(rows) == 1
    cells = [td.get_text(strip=True) for td in rows[0].find_all("td")]
    assert cells[:2] == ["Our Tuesday mornings", str(dict(settings.LANGUAGES)["sk"])]
    assert cells[3] == "Slovakia"
    link = rows[0].select_one("a")["href"]
    assert link == f"/admin/pages/{mine.story_page_id}/edit/"
    assert "Nobody is told" not in panel.get_text()


def test_a_warning_when_a_new_story_would_notify_nobody(client, slovak_editor, slovakia, settings):
    settings.STORIES_NOTIFY_EMAILS = []
    # The only publisher of Slovakia (the editor) has no e-mail address.
    warning = "Nobody is told of a new story sent in for:"
    dashboard = text_of(client.get("/admin/"))
    assert warning in dashboard
    assert "Slovakia" in dashboard.split(warning)[1].split(".")[0]
    listing = text_of(client.get("/admin/story_submissions/"))
    assert warning in listing
    # Given an address, the warning names Slovakia no more.
    slovak_editor.email = "jana@example.org"
    slovak_editor.save()
    dashboard = text_of(client.get("/admin/"))
    # The stories page has no publisher with an address in this test: still named, not Slovakia.
    assert "Slovakia" not in dashboard.split(warning)[1].split(".")[0]
    settings.STORIES_NOTIFY_EMAILS = ["stories@example.org"]
    assert warning not in text_of(client.get("/admin/story_submissions/"))
