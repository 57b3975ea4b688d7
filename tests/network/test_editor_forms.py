"""The editors' forms through HTTP: the map picker opens on the section's country with the address
search, a point outside the country needs "I confirm", event time zones start with the section's,
labels in sentence case, the Promote tab in plain words, the home pages named by language, and
the dashboard's registrations panel."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from network.factories import EventPageFactory
from network.models import CentrePage, EventRegistration
from tests.network.conftest import soup_of
from tests.network.test_admin import event_form, page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def centre_form(**fields) -> dict:
    data = {
        "title": "Mütterzentrum Stuttgart",
        "slug": "mz-stuttgart",
        "kind": "mother_centre",
        "description": rich_text("<p>Open every morning.</p>"),
        "street_address": "",
        "postcode": "",
        "city": "Stuttgart",
        "latitude": "48.7758",
        "longitude": "9.1829",
        "website": "",
        "email": "",
        "phone": "",
        "opening_hours": "",
        "member_since": "",
        "directory_key": "",
        "summary": "",
        "action-publish": "publish",
    }
    data.update(fields)
    return page_form(**data)


def test_the_centre_map_opens_on_the_country_with_the_address_search(
    editor_client, germany, settings
):
    settings.BRIDGES_GEOCODER_URL = "https://geocoder.example.org/search"
    url = reverse("wagtailadmin_pages:add", args=("network", "centrepage", germany.pk))
    soup = soup_of(editor_client.get(url))
    country = json.loads(soup.select_one("#bridges-map-country").string)
    assert country == {"code": "DE", "name": "Germany", "bounds": [[47.27, 5.87], [55.06, 15.04]]}
    options = json.loads(soup.select_one("[data-location-map]")["data-options"])
    assert options["geocoderUrl"] == "https://geocoder.example.org/search"
    assert options["strings"]["failed"].startswith("The address search is not reachable now.")
    # The confirmation box shows only with the warning.
    assert soup.select_one("input[name=confirm_outside_country]") is None
    # Every label in sentence case (Django capitalises the model's; the language list did not).
    labels = [label.get_text(" ", strip=True) for label in soup.select(".w-field__label")]
    assert "Languages spoken" in " ".join(labels)
    assert not [text for text in labels if text and text[0].islower()], labels


def test_a_point_outside_the_country_needs_the_editors_confirmation(editor_client, germany):
    url = reverse("wagtailadmin_pages:add", args=("network", "centrepage", germany.pk))
    vienna = centre_form(latitude="48.2082", longitude="16.3738")
    response = editor_client.post(url, vienna)
    soup = soup_of(response)
    error = soup.select_one(".error-message").get_text()
    assert "This point is outside Germany, the country of this section." in error
    box = soup.select_one("input[name=confirm_outside_country]")
    assert box is not None
    assert (
        "The place really is outside Germany"
        in soup.select_one("label[for=id_confirm_outside_country]").get_text()
    )
    assert not CentrePage.objects.exists()
    # Confirmed, it is saved; inside the country, nothing is asked.
    response = editor_client.post(url, {**vienna, "confirm_outside_country": "on"})
    assert response.status_code == 302
    assert CentrePage.objects.get().longitude == 16.3738
    response = editor_client.post(url, centre_form(slug="stuttgart-2", title="MZ Stuttgart 2"))
    assert response.status_code == 302


def test_event_time_zones_start_with_the_sections_and_the_venue_has_a_map(
    editor_client, network, germany
):
    from network.factories import CountryPageFactory

    hungary = CountryPageFactory(parent=network, title="Hungary", country_code="HU")
    url = reverse("wagtailadmin_pages:add", args=("network", "eventpage", hungary.pk))
    soup = soup_of(editor_client.get(url))
    select = soup.select_one("select[name=time_zone]")
    groups = select.find_all("optgroup")
    assert [g["label"] for g in groups] == [
        "This section's country",
        "The network's countries",
        "All time zones",
    ]
    assert [o.get_text() for o in groups[0].find_all("option")] == ["Hungary – Budapest"]
    assert [o.get_text() for o in groups[1].find_all("option")] == [
        "Germany – Berlin",
        "Hungary – Budapest",
    ]
    assert select.select_one("option[selected]")["value"] == "Europe/Budapest"
    options = soup.select_one("[data-location-map]")["data-options"]
    assert '"latitude": "venue_latitude"' in options
    # A venue in Munich for the Hungarian section is questioned like a centre.
    response = editor_client.post(
        url, event_form(venue_latitude="48.137", venue_longitude="11.575")
    )
    assert "This point is outside Hungary" in soup_of(response).select_one(".error-message").text


def test_the_promote_tab_speaks_of_web_address_and_title_in_search_results(editor_client, germany):
    soup = soup_of(editor_client.get(reverse("wagtailadmin_pages:edit", args=(germany.pk,))))
    text = " ".join(soup.get_text(" ").split())
    assert "Web address" in text and "Title in search results" in text
    assert "domain.com" not in text


def test_each_languages_home_is_named_by_its_language_in_the_explorer(
    editor_client, home_page, locale_de
):
    german_home = home_page.copy_for_translation(locale_de)
    german_home.save_revision().publish()
    root = Page.get_first_root_node()
    soup = soup_of(editor_client.get(reverse("wagtailadmin_explore", args=(root.pk,))))
    titles = [
        " ".join(a.get_text(" ").split()) for a in soup.select("td.title a, .title-wrapper a")
    ]
    assert any("· English" in title for title in titles), titles
    assert any("· Deutsch" in title for title in titles), titles


def test_the_dashboard_counts_registrations_per_coming_event(editor_client, events_index):
    event = EventPageFactory(
        parent=events_index, title="MINE Academy", registration_type="built_in", capacity=30
    )
    EventPageFactory(parent=events_index, title="No form here", registration_type="none")
    for number in range(3):
        EventRegistration.objects.create(
            event=event,
            event_key=event.translation_key,
            name=f"Person {number}",
            email=f"p{number}@example.org",
            country="SK",
            consent=True,
        )
    soup = soup_of(editor_client.get("/admin/"))
    rows = soup.select("tr[data-event]")
    assert [row.select_one("td").get_text(strip=True) for row in rows] == ["MINE Academy"]
    assert rows[0].select_one("[data-count]").get_text(strip=True) == "3 / 30"
    assert rows[0].select_one("a[href$='export=csv']")
