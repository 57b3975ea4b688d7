"""A reader finds a centre with the directory's filters and the clustered map, then registers for
an event and gets the joining link; every page passes axe (WCAG 2.1 A/AA)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from network.factories import CentrePageFactory, CountryPageFactory, EventPageFactory
from network.models import EventRegistration
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

JOIN_LINK = "https://meet.example.org/mine-network-meeting"


@pytest.fixture
def network_content(section_pages):
    network = section_pages["network"]
    slovakia = CountryPageFactory(parent=network, title="Slovakia", country_code="SK")
    germany = CountryPageFactory(parent=network, title="Germany", country_code="DE")
    CentrePageFactory(parent=slovakia, title="MC Nezábudka Žilina", city="Žilina")
    CentrePageFactory(
        parent=slovakia, title="Kormidlo", city="Poltár", latitude=48.43, longitude=19.79
    )
    CentrePageFactory(
        parent=germany,
        title="Mütter-Väter-Zentrum Neuhausen",
        city="München",
        latitude=48.156,
        longitude=11.538,
    )
    CentrePageFactory(
        parent=germany,
        title="Familienzentrum Eichenau",
        city="Eichenau",
        kind="family_centre",
        latitude=48.167,
        longitude=11.309,
    )
    start = (timezone.now() + datetime.timedelta(days=20)).replace(
        minute=0, second=0, microsecond=0
    )
    event = EventPageFactory(
        parent=section_pages["events"],
        title="MINE network meeting on Zoom",
        start=start,
        attendance="online",
        registration_type="built_in",
        capacity=50,
        join_url=JOIN_LINK,
        summary="The monthly meeting of the network.",
    )
    return event


def test_reader_filters_the_directory_and_registers_for_an_event(
    live_server, browser_page, network_content
):
    page = browser_page
    page.goto(f"{live_server.url}/en/network/")
    # The map draws every centre from the one GeoJSON response, clustered.
    # Locator assertions, not wait_for_function: that evaluates a string, which the CSP refuses.
    expect(page.locator("[data-centres-map]")).to_have_attribute("data-markers", "4")
    assert "Centres on the map: 4." in page.locator("[data-map-status]").inner_text()
    assert axe_violations(page) == []

    filters = page.get_by_role("search", name="Filter the centres")
    filters.get_by_label("Country").select_option(label="Germany")
    filters.get_by_label("Kind").select_option(label="Mother centre")
    filters.get_by_role("button", name="Show centres").click()
    page.wait_for_url("**/en/network/?*country=germany*")
    assert "kind=mother_centre" in page.url
    listed = page.locator(".centre-list h3").all_inner_texts()
    assert listed == ["Mütter-Väter-Zentrum Neuhausen"]
    expect(page.locator("[data-centres-map]")).to_have_attribute("data-markers", "1")
    assert page.locator(".directory__count").inner_text().startswith("1 centre")

    filters = page.get_by_role("search", name="Filter the centres")
    filters.get_by_label("Name, town or postcode").fill("zilina")
    filters.get_by_label("Country").select_option(label="All countries")
    filters.get_by_label("Kind").select_option(label="All kinds")
    filters.get_by_role("button", name="Show centres").click()
    page.wait_for_url("**q=zilina*")
    assert page.locator(".centre-list h3").all_inner_texts() == ["MC Nezábudka Žilina"]

    page.goto(f"{live_server.url}{network_content.url}")
    assert JOIN_LINK not in page.content()
    assert "50 places left." in page.locator("#register").inner_text()
    assert axe_violations(page) == []
    form = page.locator("form.registration__form")
    form.get_by_label("Your name").fill("Anna Nováková")
    form.get_by_label("Your e-mail address").fill("anna@example.org")
    form.get_by_label("Organisation or centre").fill("MC Nezábudka Žilina")
    form.get_by_role("textbox", name="Country:").fill("Slovakia")
    form.get_by_label("I agree that MINE keeps my name").check()
    form.get_by_role("button", name="Register").click()

    # The answer is the confirmation page itself (the same for a known address): no redirect.
    page.get_by_role("heading", level=1, name="You are registered").wait_for()
    assert page.get_by_role("link", name="Join the meeting").get_attribute("href") == JOIN_LINK
    assert axe_violations(page) == []
    assert EventRegistration.objects.get().email == "anna@example.org"
    assert JOIN_LINK in mail.outbox[0].body


def test_directory_on_a_phone(live_server, mobile_page, network_content):
    mobile_page.goto(f"{live_server.url}/en/network/?country=slovakia")
    expect(mobile_page.locator("[data-centres-map]")).to_have_attribute("data-markers", "2")
    main = mobile_page.locator("main")
    assert main.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert sorted(mobile_page.locator(".centre-list h3").all_inner_texts()) == [
        "Kormidlo",
        "MC Nezábudka Žilina",
    ]
    assert axe_violations(mobile_page, "main") == []
