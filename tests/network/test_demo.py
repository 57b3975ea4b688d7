"""The demo content: the seed's countries, organisations and 2022 calendar, with the slugs the
stories and walks demo content look up, translated into German and Hungarian."""

import datetime
import zoneinfo

import pytest
from wagtail.models import Locale

import home.demo
import network.demo
from network.models import CentrePage, CountryPage, EventPage

pytestmark = pytest.mark.django_db

COUNTRY_SLUGS = [
    "slovenia",
    "slovakia",
    "netherlands",
    "germany",
    "czech-republic",
    "hungary",
    "italy",
    "bulgaria",
    "serbia",
]


def test_demo_content_keeps_its_contract_and_can_be_loaded_again(client, home_page):
    home.demo.load(home_page)
    summary = network.demo.load(home_page)
    assert summary.startswith("9 countries and 17 centres (17 new), 13 events (13 new)")

    english = Locale.objects.get(language_code="en")
    network_page = CountryPage.objects.filter(locale=english).first().get_parent()
    assert network_page.slug == "network"
    assert (
        list(
            CountryPage.objects.filter(locale=english)
            .order_by("path")
            .values_list("slug", flat=True)
        )
        == COUNTRY_SLUGS
    )
    centres = {c.slug: c for c in CentrePage.objects.filter(locale=english)}
    assert centres["family-center-mala-ulica"].city == "Ljubljana"
    assert centres["family-center-mala-ulica"].get_parent().slug == "slovenia"
    munich = centres["mutter-vater-zentrum-neuhausen"]
    assert (munich.street_address, munich.postcode, munich.city) == (
        "Landshuter Allee 37",
        "80637",
        "München",
    )
    assert centres["mc-nezabudka-zilina"].city == "Žilina"
    assert centres["mothernature-anyatermeszet"].get_parent().slug == "hungary"
    assert all(c.location for c in centres.values())

    budapest = zoneinfo.ZoneInfo("Europe/Budapest")
    academy = EventPage.objects.get(slug="mine-academy-budapest-2022", locale=english)
    assert academy.start == datetime.datetime(2022, 9, 21, 9, 0, tzinfo=budapest)
    assert academy.local_end.date() == datetime.date(2022, 9, 26)
    assert academy.venue_city == "Budapest"
    day = EventPage.objects.get(slug="resilience-through-care", locale=english)
    assert day.local_start.date() == datetime.date(2022, 10, 10) and day.is_online
    assert [block.block_type for block in day.recordings] == ["audio", "audio"]
    assert EventPage.objects.filter(locale=english, start__year=2022).count() == 12

    # German and Hungarian: country names as titles, the same slugs.
    assert client.get("/de/network/slovakia/").status_code == 200
    assert CountryPage.objects.get(locale__language_code="de", slug="slovakia").title == "Slowakei"
    assert CountryPage.objects.get(locale__language_code="hu", slug="germany").title == (
        "Németország"
    )
    assert (
        EventPage.objects.get(locale__language_code="hu", slug="mine-academy-budapest-2022").title
        == "MINE Akadémia Budapesten"
    )
    soup_de = client.get("/de/network/").content.decode()
    assert "Slowakei" in soup_de and "Mütter-Väter-Zentrum Neuhausen" in soup_de

    # A second run creates nothing and changes nothing.
    assert network.demo.load(home_page).startswith(
        "9 countries and 17 centres (0 new), 13 events (0 new)"
    )
