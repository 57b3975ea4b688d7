"""An editor in a real browser: imports a spreadsheet of centres in the admin's Network directory
screen and finds them on the public directory map; places a walk stop by typing its address (the
geocoder is a local stub answering like Nominatim: the machines have no internet)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from network.factories import CountryPageFactory
from walks.factories import WalkPageFactory
from walks.models import WalkPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CSV = (
    "name,country,city,latitude,longitude,languages\n"
    "Mütterzentrum Stuttgart-West,DE,Stuttgart,48.7758,9.1629,de\n"
    "MC Slniečko Trnava,SK,Trnava,48.3774,17.5883,sk en\n"
)
PRESEREN_SQUARE = {"lat": "46.0514", "lon": "14.5060", "display_name": "Prešernov trg, Ljubljana"}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pw")


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("secret-pw")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")


def test_editor_imports_centres_and_sees_them_on_the_map(
    live_server, browser_page, section_pages, editor
):
    CountryPageFactory(parent=section_pages["network"], title="Germany", country_code="DE")
    CountryPageFactory(parent=section_pages["network"], title="Slovakia", country_code="SK")
    page = browser_page
    log_in(page, live_server)
    page.get_by_role("link", name="Network directory").click()
    page.get_by_label("Spreadsheet of centres").set_input_files(
        {"name": "centres.csv", "mimeType": "text/csv", "buffer": CSV.encode()}
    )
    page.get_by_role("button", name="Preview the import").click()
    rows = page.locator("tr[data-row]")
    rows.nth(1).wait_for()
    assert rows.count() == 2
    assert [rows.nth(i).get_attribute("data-result") for i in range(2)] == ["created", "created"]
    assert "nothing is saved yet" in page.get_by_role("heading", level=2).first.inner_text()
    page.get_by_role("button", name="Confirm and import").click()
    page.get_by_text("Imported: 2 new, 0 changed, 0 refused.").wait_for()

    page.goto(f"{live_server.url}/en/network/")
    # A locator assertion, not wait_for_function: that evaluates a string, which the CSP refuses.
    expect(page.locator("[data-centres-map]")).to_have_attribute("data-markers", "2")
    assert page.get_by_text("Mütterzentrum Stuttgart-West").count() >= 1
    assert page.get_by_text("MC Slniečko Trnava").count() >= 1


@pytest.fixture
def geocoder():
    """A local stand-in for Nominatim: every search finds Prešeren Square."""
    searches = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            searches.append(self.path)
            body = json.dumps([PRESEREN_SQUARE]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/search", searches
    server.shutdown()


def test_editor_places_a_stop_by_address(
    live_server, browser_page, section_pages, editor, geocoder, settings
):
    from tests.walks.conftest import build_stops

    url, searches = geocoder
    settings.BRIDGES_GEOCODER_URL = url
    slovenia = CountryPageFactory(
        parent=section_pages["network"], title="Slovenia", country_code="SI"
    )
    walk = WalkPageFactory(
        parent=slovenia, title="Through Ljubljana", stops=build_stops(1, with_extra_photos=False)
    )
    page = browser_page
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{walk.pk}/edit/")
    page.get_by_text("The maps on this page open on Slovenia.").wait_for()

    search = page.get_by_label("Find an address or a place")
    search.fill("Prešernov trg 1, Ljubljana")
    search.press("Enter")
    page.get_by_text("Found: Prešernov trg, Ljubljana.").wait_for()
    assert "q=Pre%C5%A1ernov+trg+1%2C+Ljubljana" in searches[0]
    assert page.locator("input[name$='-location-latitude']").input_value() == "46.0514"
    assert page.locator("input[name$='-location-longitude']").input_value() == "14.506"

    # Collapsed, the stop is named by its title, not by a number.
    stop_panel = (
        page.locator("section[data-panel]")
        .filter(has=page.locator("input[name$='-value-title']"))
        .last
    )
    stop_panel.locator("button.w-panel__toggle").first.click()
    label = stop_panel.locator("[data-panel-heading-text]").first
    assert label.inner_text() == "1. Family Center Mala Ulica"

    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("has been updated").first.wait_for()
    stop = WalkPage.objects.get(pk=walk.pk).get_latest_revision_as_object().stops[0]
    assert (stop.value["location"]["latitude"], stop.value["location"]["longitude"]) == (
        46.0514,
        14.506,
    )
