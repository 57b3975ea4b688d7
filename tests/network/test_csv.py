"""The centres spreadsheet: import (create, update, unchanged, refused with row and reason,
dry run) and export in the same format, through the management commands."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from network.centres_csv import import_centres
from network.centres_table import COLUMNS
from network.factories import CountryPageFactory
from network.models import CentrePage

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).with_name("centres-example.csv")
HEADER = ",".join(COLUMNS)


@pytest.fixture
def countries(network):
    return {
        "SK": CountryPageFactory(parent=network, title="Slovakia", country_code="SK"),
        "DE": CountryPageFactory(parent=network, title="Germany", country_code="DE"),
        "SI": CountryPageFactory(parent=network, title="Slovenia", country_code="SI"),
    }


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_example_file_imports_every_centre(countries):
    output = run("import_centres", str(EXAMPLE))
    assert (
        "row 2: created “Mütter-Väter-Zentrum Neuhausen e. V.” (mutter-vater-zentrum-neuhausen)"
        in output
    )
    assert "3 created, 0 updated, 0 unchanged, 0 refused" in output
    munich = CentrePage.objects.get(directory_key="mutter-vater-zentrum-neuhausen")
    assert munich.live and munich.get_parent().specific == countries["DE"]
    assert munich.url == "/en/network/germany/mutter-vater-zentrum-neuhausen-e-v/"
    assert (munich.latitude, munich.longitude) == (48.1562, 11.5377)
    assert munich.languages == ["de", "en"]
    assert munich.opening_hours == "Mon–Fri 9:00–12:00\nTue and Thu 15:00–18:00"
    assert munich.member_since == 1998
    assert munich.description == (
        "<p>An open café for parents with small children.</p>\n\n"
        "<p>Courses and childcare on a drop-in basis, run by the parents themselves.</p>"
    )
    ljubljana = CentrePage.objects.get(directory_key="family-center-mala-ulica")
    assert ljubljana.website == "https://www.example.org/mala-ulica"  # https:// added
    assert ljubljana.get_parent().slug == "slovenia"  # the country's address works too


def test_imported_centres_are_on_the_site_in_search_and_on_the_map(client, countries):
    import_centres(EXAMPLE.read_bytes())
    response = client.get("/en/network/?q=zilina")
    assert "MC Nezábudka Žilina" in response.content.decode()
    names = [
        f["properties"]["name"]
        for f in client.get("/en/network/centres.geojson").json()["features"]
    ]
    assert len(names) == 3
    assert "MC Nezábudka Žilina" in client.get("/en/search/?q=Nezábudka").content.decode()
    assert client.get("/en/network/slovakia/mc-nezabudka-zilina/").status_code == 200


def test_bad_rows_are_refused_with_row_and_reason_and_good_rows_still_import(countries):
    data = "\n".join(
        [
            HEADER,
            "a,Good centre,,SK,,,Martin,49.06,18.92,,,,,,,,",
            "b,Lost centre,,Narnia,,,Cair Paravel,10,10,,,,,,,,",
            "c,Far north,,SK,,,Pole,123.5,18,,,,,,,,",
            "d,,,SK,,,Nowhere,49,18,,,,,,,,",
            "e,Half a place,,SK,,,Košice,48.7,,,,,,,,,",
            "f,Bad mail,,SK,,,Košice,48.7,21.2,,not-an-address,,,,,,",
            "g,Strange kind,hotel,SK,,,Košice,48.7,21.2,,,,,,,,",
            "a,Twice,,SK,,,Martin,49.06,18.92,,,,,,,,",
            'h,Another good one,family centre,sk,,,Trnava,"48,377","17,588",,,,sk,,,,',
        ]
    )
    report = import_centres(data)
    refused = {r.row: r.reason for r in report.refused}
    assert refused == {
        3: "unknown country “Narnia” (known: SK (Slovakia), DE (Germany), SI (Slovenia))",
        4: "latitude 123.5 is out of range (-90 to 90)",
        5: "the name is missing",
        6: "give both latitude and longitude, or neither",
        7: "the e-mail “not-an-address” is not an e-mail address",
        8: "unknown kind “hotel” (one of: mother_centre, family_centre, multi_generation_centre, national_network, umbrella_organisation)",
        9: "the key “a” is also used by row 2",
    }
    assert report.count("created") == 2
    trnava = CentrePage.objects.get(directory_key="h")
    assert (trnava.kind, trnava.latitude, trnava.longitude) == ("family_centre", 48.377, 17.588)
    assert set(CentrePage.objects.values_list("title", flat=True)) == {
        "Good centre",
        "Another good one",
    }


def test_the_command_reports_refused_rows_and_does_not_fail(countries, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "\nx,Lost,,Atlantis,,,,,,,,,,,,,\n", encoding="utf-8")
    output = run("import_centres", str(path))
    assert "row 2: refused “Lost” (x) — unknown country “Atlantis”" in output
    assert "0 created, 0 updated, 0 unchanged, 1 refused (rows 2)" in output


def test_a_file_without_the_needed_columns_is_refused_as_a_whole(countries, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("title;town\nA;B\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing: name, country"):
        run("import_centres", str(path))
    with pytest.raises(CommandError, match="No such file"):
        run("import_centres", str(tmp_path / "missing.csv"))


def test_dry_run_changes_nothing(countries):
    output = run("import_centres", str(EXAMPLE), "--dry-run")
    assert "3 created" in output and "Dry run: nothing was saved." in output
    assert not CentrePage.objects.exists()


def test_importing_again_updates_what_changed_and_keeps_the_rest(countries):
    import_centres(EXAMPLE.read_bytes())
    munich = CentrePage.objects.get(directory_key="mutter-vater-zentrum-neuhausen")
    # An editor improves the description in the admin (rich text the CSV cannot hold).
    munich.description = "<p>An <b>open café</b> for parents with small children.</p>"
    munich.save_revision().publish()
    text = EXAMPLE.read_text(encoding="utf-8").replace("+49 89 123456", "+49 89 654321")
    text = text.replace("MC Nezábudka Žilina,mother_centre,SK", "MC Nezábudka,mother_centre,SK")
    report = import_centres(text)
    actions = {r.key: (r.action, r.changes) for r in report.results}
    assert actions["mutter-vater-zentrum-neuhausen"] == ("updated", ["phone", "description"])
    assert actions["mc-nezabudka-zilina"] == ("updated", ["name"])
    assert actions["family-center-mala-ulica"] == ("unchanged", [])
    munich.refresh_from_db()
    assert munich.phone == "+49 89 654321"
    assert munich.get_latest_revision().content["phone"] == "+49 89 654321"  # history kept
    zilina = CentrePage.objects.get(directory_key="mc-nezabudka-zilina")
    assert zilina.title == "MC Nezábudka"
    assert zilina.slug == "mc-nezabudka-zilina"  # its address stays
    assert CentrePage.objects.count() == 3


def test_a_formatted_description_survives_a_round_trip(countries):
    import_centres(EXAMPLE.read_bytes())
    munich = CentrePage.objects.get(directory_key="mutter-vater-zentrum-neuhausen")
    munich.description = "<p>An <b>open café</b>.</p><p>Second paragraph.</p>"
    munich.save_revision().publish()
    out = io.StringIO()
    call_command("export_centres", stdout=out)
    report = import_centres(out.getvalue())
    assert report.count("unchanged") == 3
    munich.refresh_from_db()
    assert "<b>open café</b>" in munich.description


def test_moving_a_centre_to_another_country(countries):
    import_centres(EXAMPLE.read_bytes())
    text = EXAMPLE.read_text(encoding="utf-8").replace("mother_centre,SK,", "mother_centre,DE,")
    report = import_centres(text)
    (moved,) = [r for r in report.results if r.action == "updated"]
    assert moved.changes == ["country"]
    zilina = CentrePage.objects.get(directory_key="mc-nezabudka-zilina")
    assert zilina.url == "/en/network/germany/mc-nezabudka-zilina/"


def test_a_centre_with_unpublished_edits_is_not_overwritten(countries):
    import_centres(EXAMPLE.read_bytes())
    zilina = CentrePage.objects.get(directory_key="mc-nezabudka-zilina")
    zilina.summary = "Draft by an editor"
    zilina.save_revision()  # saved as a draft, not published
    report = import_centres(EXAMPLE.read_text(encoding="utf-8").replace("2005", "2006"))
    (refused,) = report.refused
    assert refused.row == 3 and "unpublished changes" in refused.reason
    assert zilina.get_latest_revision().content["summary"] == "Draft by an editor"


def test_export_writes_the_import_format(countries, tmp_path):
    import_centres(EXAMPLE.read_bytes())
    path = tmp_path / "centres.csv"
    call_command("export_centres", str(path), stderr=io.StringIO())
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert list(rows[0]) == COLUMNS
    by_key = {row["key"]: row for row in rows}
    assert by_key["mutter-vater-zentrum-neuhausen"] == {
        "key": "mutter-vater-zentrum-neuhausen",
        "name": "Mütter-Väter-Zentrum Neuhausen e. V.",
        "kind": "mother_centre",
        "country": "DE",
        "street_address": "Landshuter Allee 37",
        "postcode": "80637",
        "city": "München",
        "latitude": "48.1562",
        "longitude": "11.5377",
        "website": "https://www.example.org/mvz-neuhausen",
        "email": "info@mvz-neuhausen.example",
        "phone": "+49 89 123456",
        "languages": "de en",
        "opening_hours": "Mon–Fri 9:00–12:00\nTue and Thu 15:00–18:00",
        "member_since": "1998",
        "summary": "The mothers’ and fathers’ centre of Munich-Neuhausen.",
        "description": "An open café for parents with small children.\n\n"
        "Courses and childcare on a drop-in basis, run by the parents themselves.",
    }
    # Exported and imported again: nothing to do.
    assert import_centres(path.read_bytes()).count("unchanged") == 3


def test_spreadsheet_exports_with_semicolons_and_a_byte_order_mark_are_read(countries):
    text = EXAMPLE.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    report = import_centres(("\ufeff" + out.getvalue()).encode("utf-8"))
    assert report.count("created") == 3, [str(r) for r in report.refused]


def test_importing_1000_centres_takes_seconds(countries):
    from network.demo import generated_centres_csv

    CountryPageFactory(
        parent=countries["SK"].get_parent(), title="Czech Republic", country_code="CZ"
    )
    for title, code in [
        ("Hungary", "HU"),
        ("Netherlands", "NL"),
        ("Italy", "IT"),
        ("Bulgaria", "BG"),
        ("Serbia", "RS"),
    ]:
        CountryPageFactory(parent=countries["SK"].get_parent(), title=title, country_code=code)
    report = import_centres(generated_centres_csv(1000))
    assert report.count("created") == 1000, [str(r) for r in report.refused[:3]]
    assert CentrePage.objects.live().count() == 1000
    # Not a timed test (speed goes in benchmarks), but the report says how long it took.
    assert report.seconds > 0


def test_imported_centres_reach_every_language_and_their_updates_too(
    client, countries, sync_locales
):
    # What publishing gives a page, the import gives the centres it writes directly: Slovak
    # readers find them (aliases), and a changed name reaches the Slovak alias.
    sync_locales("sk")
    import_centres(EXAMPLE.read_bytes())
    assert client.get("/sk/network/slovakia/mc-nezabudka-zilina/").status_code == 200
    assert "MC Nezábudka Žilina" in client.get("/sk/network/slovakia/").content.decode()
    renamed = EXAMPLE.read_text().replace("MC Nezábudka Žilina", "MC Nezábudka v Žiline")
    import_centres(renamed.encode())
    alias = CentrePage.objects.get(directory_key="mc-nezabudka-zilina", locale__language_code="sk")
    assert alias.title == "MC Nezábudka v Žiline"
