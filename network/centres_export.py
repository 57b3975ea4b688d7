"""The centres spreadsheet out of the site (CSV or Excel), in the columns the importer reads."""

import csv
import io

from openpyxl import Workbook
from wagtail.models import Locale

from network.centres_table import COLUMNS
from network.models import CentrePage, CountryPage
from network.text import rich_to_plain


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def centre_rows(locale: Locale | None = None, countries: list[CountryPage] | None = None):
    """Every centre of the default language (live or not) as rows of the import's columns;
    with `countries`, only the centres in those sections."""
    locale = locale or Locale.get_default()
    sections = {page.path: page for page in CountryPage.objects.filter(locale=locale)}
    centres = CentrePage.objects.filter(locale=locale).order_by("path")
    if countries is not None:
        paths = [country.path for country in countries]
        centres = [c for c in centres if any(c.path.startswith(path) for path in paths)]
    for centre in centres:
        country = next((c for p, c in sections.items() if centre.path.startswith(p)), None)
        yield [
            centre.directory_key,
            centre.title,
            centre.kind,
            (country.country_code or country.slug) if country else "",
            centre.street_address,
            centre.postcode,
            centre.city,
            _coordinate(centre.latitude),
            _coordinate(centre.longitude),
            centre.website,
            centre.email,
            centre.phone,
            " ".join(centre.languages or []),
            centre.opening_hours,
            centre.member_since or "",
            centre.summary,
            rich_to_plain(centre.description),
        ]


def export_centres(out, locale: Locale | None = None, countries=None) -> int:
    """Write the centres in the import's format (CSV) to a text stream; returns how many."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in centre_rows(locale, countries):
        writer.writerow(row)
        count += 1
    return count


def export_centres_xlsx(locale: Locale | None = None, countries=None) -> bytes:
    """The same rows as an Excel workbook; every cell is text, so codes and postcodes keep their
    leading zeros and a re-import reads back exactly what was exported."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Centres")
    sheet.append(COLUMNS)
    for row in centre_rows(locale, countries):
        sheet.append([str(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
