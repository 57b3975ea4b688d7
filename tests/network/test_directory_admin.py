"""The "Network directory" admin screen, driven through HTTP: upload a CSV or Excel file, see every
row's result before anything is saved, confirm, download; country editors stay in their country."""

import csv
import io
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from wagtail.models import GroupPagePermission

from network.centres_table import COLUMNS
from network.factories import CentrePageFactory, CountryPageFactory
from network.models import CentrePage

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).with_name("centres-example.csv")
INDEX = "/admin/network-directory/"


@pytest.fixture
def countries(network):
    return {
        "SK": CountryPageFactory(parent=network, title="Slovakia", country_code="SK"),
        "DE": CountryPageFactory(parent=network, title="Germany", country_code="DE"),
        "SI": CountryPageFactory(parent=network, title="Slovenia", country_code="SI"),
    }


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    return client


@pytest.fixture
def slovak_editor(client, django_user_model, countries):
    """An editor of the Slovak section only, with the permissions setup_groups gives."""
    group = Group.objects.create(name="Editors: Slovakia")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=countries["SK"], permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("jana", "jana@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def upload(client, data: bytes, name: str = "centres.csv"):
    return client.post(INDEX, {"file": SimpleUploadedFile(name, data)})


def rows_of(response) -> dict[int, dict]:
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        int(tr["data-row"]): {
            "result": tr["data-result"],
            "cells": [td.get_text(" ", strip=True) for td in tr.find_all("td")],
        }
        for tr in soup.select("tr[data-row]")
    }


def token_of(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.select_one("form[action$='confirm/'] input[name=token]")
    return field["value"] if field else ""


def csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode()


def test_preview_shows_every_row_and_saves_nothing_until_confirmed(admin_client, countries):
    CentrePageFactory(
        parent=countries["SK"],
        title="MC Nezábudka Žilina",
        directory_key="mc-nezabudka-zilina",
        city="Žilina",
        latitude=49.2231,
        longitude=18.7394,
        summary="Old summary.",
    )
    data = EXAMPLE.read_bytes() + (
        b"bad-row,Centre nowhere,mother_centre,XX,,,,,,,,,,,,,\n"
        b"bad-mail,Centre with a bad mail,mother_centre,SK,,,,,,,not-an-address,,,,,,\n"
    )
    response = upload(admin_client, data)
    rows = rows_of(response)
    # Row numbers are the spreadsheet's (Munich's multi-line cells are one row).
    assert [(number, row["result"]) for number, row in rows.items()] == [
        (2, "created"),
        (3, "updated"),  # Žilina: a known key, a new summary
        (4, "created"),
        (5, "refused"),
        (6, "refused"),
    ]
    results = {row["cells"][1]: row for row in rows.values()}
    assert results["MC Nezábudka Žilina mc-nezabudka-zilina"]["result"] == "updated"
    assert "summary" in results["MC Nezábudka Žilina mc-nezabudka-zilina"]["cells"][3]
    nowhere = results["Centre nowhere bad-row"]
    assert nowhere["result"] == "refused" and "unknown country “XX”" in nowhere["cells"][3]
    bad_mail = results["Centre with a bad mail bad-mail"]
    assert "not an e-mail address" in bad_mail["cells"][3]
    # Nothing is written by the preview.
    assert CentrePage.objects.count() == 1
    assert CentrePage.objects.get().summary == "Old summary."

    token = token_of(response)
    assert len(token) == 32
    done = admin_client.post(reverse("network_directory:confirm"), {"token": token})
    assert {row["result"] for row in rows_of(done).values()} == {"created", "updated", "refused"}
    assert CentrePage.objects.count() == 3
    assert CentrePage.objects.get(directory_key="mc-nezabudka-zilina").summary == (
        "A mother centre in Žilina."
    )
    munich = CentrePage.objects.get(directory_key="mutter-vater-zentrum-neuhausen")
    assert munich.live and munich.get_parent().specific == countries["DE"]
    # The file is used once: a second confirmation imports nothing more.
    again = admin_client.post(reverse("network_directory:confirm"), {"token": token}, follow=True)
    assert "no longer here" in again.content.decode()


def test_refused_rows_name_their_row_number_and_reason(admin_client, countries):
    data = csv_bytes(
        [
            {"name": "Good centre", "country": "SK", "city": "Martin"},
            {"name": "", "country": "SK"},
            {"name": "No place", "country": "SK", "latitude": "48.1"},
            {"name": "Too far north", "country": "SK", "latitude": "91", "longitude": "18"},
            {"name": "Odd key", "key": "Odd Key!", "country": "SK"},
            {"name": "Good centre", "key": "good-centre", "country": "SK"},
        ]
    )
    rows = rows_of(upload(admin_client, data))
    assert rows[2]["result"] == "created"
    reasons = {number: row["cells"][3] for number, row in rows.items() if number > 2}
    assert reasons == {
        3: "the name is missing",
        4: "give both latitude and longitude, or neither",
        5: "latitude 91 is out of range (-90 to 90)",
        6: "the key “Odd Key!” may only hold small letters, digits and dashes (at most 100)",
        7: "the key “good-centre” is also used by row 2",
    }
    assert CentrePage.objects.count() == 0


def test_a_model_validator_refuses_what_the_importer_does_not_check(admin_client, countries):
    # The phone's length is checked by the model field, not restated in the importer.
    data = csv_bytes([{"name": "Long phone", "country": "SK", "phone": "1" * 60}])
    rows = rows_of(upload(admin_client, data))
    assert rows[2]["result"] == "refused"
    assert rows[2]["cells"][3].startswith("phone: ")


def test_an_excel_workbook_is_previewed_imported_and_exported(admin_client, countries):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "country", "city", "postcode", "latitude", "longitude", "member_since"])
    sheet.append(["Materské centrum Martin", "SK", "Martin", 3601, 49.0665, 18.9239, 2004])
    out = io.BytesIO()
    workbook.save(out)
    response = upload(admin_client, out.getvalue(), "centres.xlsx")
    assert [row["result"] for row in rows_of(response).values()] == ["created"]
    admin_client.post(reverse("network_directory:confirm"), {"token": token_of(response)})
    martin = CentrePage.objects.get()
    assert (martin.postcode, martin.latitude, martin.member_since) == ("3601", 49.0665, 2004)

    download = admin_client.get(reverse("network_directory:export") + "?format=xlsx")
    assert download["Content-Disposition"] == 'attachment; filename="centres.xlsx"'
    sheet = load_workbook(io.BytesIO(download.content)).active
    header, row = [[cell.value for cell in r] for r in sheet.iter_rows()]
    assert header == COLUMNS
    assert {name: value or "" for name, value in zip(header, row, strict=True)} == {
        **dict.fromkeys(COLUMNS, ""),
        "key": "materske-centrum-martin",
        "name": "Materské centrum Martin",
        "kind": "mother_centre",
        "country": "SK",
        "postcode": "3601",
        "city": "Martin",
        "latitude": "49.0665",
        "longitude": "18.9239",
        "member_since": "2004",
    }
    # The exported workbook imports again as unchanged.
    again = upload(admin_client, download.content, "centres.xlsx")
    assert [row["result"] for row in rows_of(again).values()] == ["unchanged"]
    assert token_of(again) == ""  # nothing to confirm


def test_csv_download_reimports_unchanged(admin_client, countries):
    CentrePageFactory(
        parent=countries["DE"], title="Mütterzentrum Stuttgart", city="Stuttgart", languages=["de"]
    )
    download = admin_client.get(reverse("network_directory:export") + "?format=csv")
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    text = download.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = rows_of(upload(admin_client, download.content))
    assert [row["result"] for row in rows.values()] == ["unchanged"]


def test_a_bad_file_is_refused_as_a_whole_with_a_reason(admin_client, countries):
    response = upload(admin_client, b"title;place\nA;B\n")
    soup = BeautifulSoup(response.content, "html.parser")
    assert "missing: name, country" in soup.select_one(".error-message").get_text()
    response = upload(admin_client, b"PK\x03\x04 not really a workbook", "centres.xlsx")
    assert "could not be read as an Excel workbook" in response.content.decode()
    response = upload(admin_client, b"hello", "centres.pdf")
    assert "Choose a CSV file (.csv) or an Excel workbook (.xlsx)." in response.content.decode()


def test_a_country_editor_imports_and_exports_only_her_country(slovak_editor, countries):
    CentrePageFactory(
        parent=countries["DE"], title="Mütterzentrum Stuttgart", directory_key="mz-stuttgart"
    )
    CentrePageFactory(
        parent=countries["SK"], title="MC Bambino", directory_key="mc-bambino", city="Martin"
    )
    page = slovak_editor.get(INDEX)
    assert page.status_code == 200
    assert "You can import centres into: Slovakia." in " ".join(
        BeautifulSoup(page.content, "html.parser").get_text().split()
    )
    data = csv_bytes(
        [
            {"name": "MC Slniečko", "country": "SK", "city": "Trnava"},
            {"name": "Mütterzentrum Ulm", "country": "DE", "city": "Ulm"},
            # A known German centre's key, moved into Slovakia: not hers to move.
            {"name": "Mütterzentrum Stuttgart", "key": "mz-stuttgart", "country": "SK"},
        ]
    )
    response = upload(slovak_editor, data)
    rows = rows_of(response)
    assert rows[2]["result"] == "created"
    assert rows[3]["result"] == "refused"
    assert rows[3]["cells"][3] == (
        "the country is Germany: you may import centres only into Slovakia"
    )
    assert rows[4]["cells"][3] == (
        "this centre is in another country's section: you may import centres only into Slovakia"
    )
    slovak_editor.post(reverse("network_directory:confirm"), {"token": token_of(response)})
    assert CentrePage.objects.get(title="MC Slniečko").get_parent().specific == countries["SK"]
    assert not CentrePage.objects.filter(title="Mütterzentrum Ulm").exists()
    assert CentrePage.objects.get(directory_key="mz-stuttgart").get_parent().slug == "germany"

    download = slovak_editor.get(reverse("network_directory:export"))
    names = [
        row["name"] for row in csv.DictReader(io.StringIO(download.content.decode("utf-8-sig")))
    ]
    assert sorted(names) == ["MC Bambino", "MC Slniečko"]


def test_nobody_confirms_another_sessions_file(admin_client, client, django_user_model, countries):
    response = upload(admin_client, csv_bytes([{"name": "MC Slniečko", "country": "SK"}]))
    token = token_of(response)
    other = django_user_model.objects.create_superuser("other", "o@example.org", "pw")
    client.force_login(other)
    refused = client.post(reverse("network_directory:confirm"), {"token": token}, follow=True)
    assert "no longer here" in refused.content.decode()
    forged = admin_client.post(
        reverse("network_directory:confirm"), {"token": "../../etc/passwd"}, follow=True
    )
    assert "no longer here" in forged.content.decode()
    assert not CentrePage.objects.exists()


def test_editors_without_a_country_cannot_open_the_screen(client, django_user_model, countries):
    user = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns the refusal into a way back to the dashboard with a message.
    for url in (INDEX, reverse("network_directory:export")):
        response = client.get(url)
        assert (response.status_code, response.url) == (302, "/admin/")
    menu = client.get("/admin/").content.decode()
    assert "network-directory" not in menu


def test_the_screen_is_in_the_menu_and_beside_the_countries(admin_client, countries):
    assert INDEX in admin_client.get("/admin/").content.decode()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(countries["SK"].pk,)))
    assert "Import or export centres" in edit.content.decode()


def test_a_thousand_rows_preview_and_import_within_a_request(admin_client, countries, capsys):
    rows = [
        {
            "name": f"Centre {number}",
            "country": ("SK", "DE", "SI")[number % 3],
            "city": "Town",
            "latitude": f"{48 + number / 10000:.4f}",
            "longitude": f"{17 + number / 10000:.4f}",
            "languages": "sk en",
            "summary": "A centre.",
        }
        for number in range(1000)
    ]
    started = time.perf_counter()
    response = upload(admin_client, csv_bytes(rows))
    previewed = time.perf_counter()
    assert {row["result"] for row in rows_of(response).values()} == {"created"}
    admin_client.post(reverse("network_directory:confirm"), {"token": token_of(response)})
    imported = time.perf_counter()
    assert CentrePage.objects.count() == 1000
    with capsys.disabled():
        print(
            f"\n1,000 rows: preview {previewed - started:.1f} s, import {imported - previewed:.1f} s"
        )
    # Well inside a request's time (a proxy's usual 60 s).
    assert imported - started < 60


def test_refusal_reasons_speak_the_editors_language(client, django_user_model, countries):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("greta", "greta@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    data = csv_bytes(
        [
            {"name": "", "country": "SK"},
            {"name": "Nirgendwo", "country": "XX"},
            {"name": "Zu weit", "country": "SK", "latitude": "91", "longitude": "18"},
        ]
    )
    reasons = {number: row["cells"][3] for number, row in rows_of(upload(client, data)).items()}
    assert reasons[2] == "der Name fehlt"
    assert reasons[3].startswith("unbekanntes Land „XX“ (bekannt: ")
    assert reasons[4] == "latitude 91 liegt außerhalb des Bereichs (-90 bis 90)"
    response = upload(client, b"title;place\nA;B\n")
    message = BeautifulSoup(response.content, "html.parser").select_one(".error-message")
    assert "Die erste Zeile muss die Spalten benennen; es fehlen: name, country." in (
        message.get_text()
    )
