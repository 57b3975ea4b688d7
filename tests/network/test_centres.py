"""Centre and country pages as readers and API clients see them, and what translators are offered."""

import pytest
from django.core.exceptions import ValidationError
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import StringSegment, TranslationSource

from cms.core.factories import ImageFactory
from cms.core.translation import translate_page
from network.factories import CentrePageFactory, EventPageFactory
from network.models import CentrePage
from stories.factories import StoryPageFactory
from tests.network.conftest import soup_of
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def neuhausen(germany):
    return CentrePageFactory(
        parent=germany,
        title="Mütter-Väter-Zentrum Neuhausen",
        kind="mother_centre",
        street_address="Landshuter Allee 37",
        postcode="80637",
        city="München",
        latitude=48.1562,
        longitude=11.5377,
        website="https://www.mvz-neuhausen.example/",
        email="info@mvz-neuhausen.example",
        phone="+49 89 123456",
        languages=["de", "en"],
        opening_hours="Mon–Fri 9:00–12:00\nTue 15:00–18:00",
        member_since=1998,
        summary="The mothers’ and fathers’ centre of Munich-Neuhausen.",
        description="<p>An open café for parents with small children.</p>",
        logo=ImageFactory(title="MVZ logo", description="The centre's logo"),
    )


def test_centre_page_shows_everything_a_visitor_needs(client, neuhausen):
    soup = soup_of(client.get("/en/network/germany/mutter-vater-zentrum-neuhausen/"))
    assert soup.h1.get_text(strip=True) == "Mütter-Väter-Zentrum Neuhausen"
    assert soup.select_one(".centre__kind").get_text(" ", strip=True) == (
        "Mother centre · Member of MINE since 1998"
    )
    address = soup.select_one("address").get_text("|", strip=True).split("|")
    assert address == [
        "Mütter-Väter-Zentrum Neuhausen",
        "Landshuter Allee 37",
        "80637 München",
        "Germany",
    ]
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd")
        for dt in soup.select(".centre__facts dt")
    }
    assert facts["Opening hours"].get_text("|", strip=True) == "Mon–Fri 9:00–12:00|Tue 15:00–18:00"
    assert facts["Languages spoken"].get_text(strip=True) == "German, English"
    assert facts["Phone"].a["href"] == "tel:+4989123456"
    assert facts["E-mail"].a["href"] == "mailto:info@mvz-neuhausen.example"
    assert facts["Website"].a["href"] == "https://www.mvz-neuhausen.example/"
    assert (
        soup.select_one(".prose").get_text(strip=True)
        == "An open café for parents with small children."
    )
    assert soup.select_one("img.centre__logo")["alt"] == "The centre's logo"
    small_map = soup.select_one("[data-centre-map]")
    assert (small_map["data-lat"], small_map["data-lng"]) == ("48.156200", "11.537700")
    assert small_map["aria-label"] == "Where Mütter-Väter-Zentrum Neuhausen is"
    osm = soup.find("a", string="Open in OpenStreetMap")["href"]
    assert "mlat=48.15620&mlon=11.53770" in osm
    # Leaflet and the cluster plugin come from our own static files, never a CDN.
    scripts = [s["src"] for s in soup.select("script[src]")]
    assert all(src.startswith("/static/") for src in scripts)


def test_centre_page_lists_its_live_stories_and_walks(client, germany, neuhausen):
    StoryPageFactory(
        parent=germany, slug="a-cup-of-coffee", title="A cup of coffee", centre=neuhausen
    )
    StoryPageFactory(parent=germany, slug="not-yet", title="Not yet", centre=neuhausen, live=False)
    walk = WalkPageFactory(
        parent=germany, slug="through-the-centre", title="Through the centre", centre=neuhausen
    )
    other = CentrePageFactory(parent=germany, title="Another centre")
    StoryPageFactory(parent=germany, slug="elsewhere", title="Elsewhere", centre=other)

    soup = soup_of(client.get(neuhausen.url))
    stories = soup.find(id="stories-heading").find_parent("section")
    assert [a.get_text(strip=True) for a in stories.select(".card__title a")] == ["A cup of coffee"]
    walks = soup.find(id="walks-heading").find_parent("section")
    assert [a["href"] for a in walks.select(".card__title a")] == [walk.url]


def test_country_page_lists_its_centres_stories_walks_and_events(client, germany, neuhausen):
    StoryPageFactory(parent=germany, slug="a-story", title="A story from Germany")
    WalkPageFactory(parent=germany, slug="a-walk", title="A walk in Munich")
    EventPageFactory(
        parent=germany, title="Bavarian meeting of mother centres", kind="network_meeting"
    )
    germany.contact_organisation = "Mütterzentren Bundesverband"
    germany.contact_email = "info@bundesverband.example"
    germany.save_revision().publish()

    soup = soup_of(client.get("/en/network/germany/"))
    assert soup.find(id="centres-heading").get_text(strip=True) == "1 centre"
    assert [a.get_text(strip=True) for a in soup.select(".centre-list h3 a")] == [
        "Mütter-Väter-Zentrum Neuhausen"
    ]
    assert soup.select_one("[data-centres-map]")["data-country"] == "germany"
    contact = soup.find(id="contact-heading").find_parent("section")
    assert "Mütterzentren Bundesverband" in contact.get_text()
    assert contact.find("a", href="mailto:info@bundesverband.example")
    sections = {
        h2.get_text(strip=True): h2.find_parent("section") for h2 in soup.select("section > h2")
    }
    assert (
        sections["Stories"].select_one(".card__title").get_text(strip=True)
        == "A story from Germany"
    )
    assert (
        sections["Virtual walks"].select_one(".card__title").get_text(strip=True)
        == "A walk in Munich"
    )
    assert sections["Events"].select_one(".card__title").get_text(strip=True) == (
        "Bavarian meeting of mother centres"
    )


def test_country_page_links_to_the_filtered_directory_when_it_has_many_centres(client, slovakia):
    from network.factories import bulk_centres

    bulk_centres(slovakia, 13, prefix="Materské centrum")
    soup = soup_of(client.get("/en/network/slovakia/"))
    assert len(soup.select(".centre-list li")) == 12
    link = soup.find("a", string=lambda s: s and "See all 13 centres in Slovakia" in s)
    assert link["href"] == "/en/network/?country=slovakia#results"


def test_centre_in_the_api_has_its_fields_and_location_as_numbers(client, neuhausen):
    data = client.get(f"/api/v2/pages/{neuhausen.pk}/").json()
    assert data["meta"]["type"] == "network.CentrePage"
    assert data["location"] == {"lat": 48.1562, "lng": 11.5377}
    assert data["address"] == {
        "street_address": "Landshuter Allee 37",
        "postcode": "80637",
        "city": "München",
        "country": "Germany",
    }
    assert data["kind"] == "mother_centre"
    assert data["languages"] == ["de", "en"]
    assert data["opening_hours"] == "Mon–Fri 9:00–12:00\nTue 15:00–18:00"
    assert data["member_since"] == 1998
    assert data["email"] == "info@mvz-neuhausen.example"
    assert data["website"] == "https://www.mvz-neuhausen.example/"
    assert data["description"] == "<p>An open café for parents with small children.</p>"
    assert data["logo"]["alt"] == "The centre's logo"
    assert data["logo"]["renditions"]["thumbnail"]["url"].startswith("http://testserver/")
    assert data["directory_key"] == "mutter-vater-zentrum-neuhausen"
    assert "directory_text" not in data


def test_centres_can_be_listed_in_the_api_with_chosen_fields(client, neuhausen, slovakia):
    CentrePageFactory(parent=slovakia, title="MC Nezábudka Žilina")
    response = client.get("/api/v2/pages/?type=network.CentrePage&fields=location,kind,address")
    items = {item["title"]: item for item in response.json()["items"]}
    assert items["MC Nezábudka Žilina"]["location"] == {"lat": 49.2231, "lng": 18.7394}
    assert items["Mütter-Väter-Zentrum Neuhausen"]["kind"] == "mother_centre"


def test_country_in_the_api(client, germany):
    germany.contact_organisation = "Mütterzentren Bundesverband"
    germany.save_revision().publish()
    data = client.get(f"/api/v2/pages/{germany.pk}/").json()
    assert data["country_code"] == "DE"
    assert data["contact"] == {
        "organisation": "Mütterzentren Bundesverband",
        "name": "",
        "email": "",
        "phone": "",
        "website": "",
    }


def test_translators_are_not_offered_places_or_contact_details(neuhausen):
    synchronised = {
        field.field_name
        for field in get_translatable_fields(CentrePage)
        if isinstance(field, SynchronizedField) and not field.is_overridable(neuhausen)
    }
    assert {
        "latitude",
        "longitude",
        "street_address",
        "postcode",
        "city",
        "email",
        "phone",
        "website",
        "languages",
    } <= synchronised
    translation = translate_page(
        neuhausen, "de", {"Mütter-Väter-Zentrum Neuhausen": "Mütter-Väter-Zentrum Neuhausen"}
    )
    source = TranslationSource.objects.get_for_instance(neuhausen)
    offered = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Mütter-Väter-Zentrum Neuhausen" in offered
    assert any("9:00–12:00" in text for text in offered)  # opening hours are translated
    for private in ("Landshuter Allee 37", "80637", "München", "+49 89 123456"):
        assert private not in offered
    assert (translation.latitude, translation.longitude) == (48.1562, 11.5377)
    assert translation.url == "/de/network/germany/mutter-vater-zentrum-neuhausen/"


def test_a_centre_needs_both_coordinates_and_a_unique_key(slovakia):
    first = CentrePageFactory(parent=slovakia, title="First centre")
    half = CentrePage(title="Half", slug="half", latitude=48.1, locale=slovakia.locale)
    with pytest.raises(ValidationError) as error:
        half.clean()
    assert "longitude" in error.value.message_dict
    twin = CentrePage(
        title="Twin", slug="twin", directory_key=first.directory_key, locale=slovakia.locale
    )
    with pytest.raises(ValidationError) as error:
        twin.clean()
    assert "directory_key" in error.value.message_dict


def test_site_search_finds_a_centre_by_its_town(client, neuhausen):
    soup = soup_of(client.get("/en/search/?q=München"))
    assert "Mütter-Väter-Zentrum Neuhausen" in soup.get_text()
