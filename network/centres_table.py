"""The centres spreadsheet's columns, and reading a CSV or Excel file into rows of them (the
importer is network/centres_csv.py, the export network/centres_export.py)."""

import csv
import datetime
import io

from django.utils.translation import gettext as _
from openpyxl import load_workbook

COLUMNS = [
    "key",
    "name",
    "kind",
    "country",
    "street_address",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "website",
    "email",
    "phone",
    "languages",
    "opening_hours",
    "member_since",
    "summary",
    "description",
]
REQUIRED_COLUMNS = ["name", "country"]


class CsvFormatError(Exception):
    """The file as a whole cannot be read (not CSV, or without the needed columns)."""


def read_csv(data: bytes | str) -> list[tuple[int, dict]]:
    """Rows as (spreadsheet row number, {column: text}); the header is row 1.

    Accepts what spreadsheet programs write: UTF-8 with or without a byte order mark, and comma,
    semicolon or tab as the separator.
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CsvFormatError(
                _(
                    "The file is not UTF-8 text. Save it from your spreadsheet program as “CSV UTF-8”."
                )
            ) from error
    else:
        text = data.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _table_rows(reader)


def _cell_text(value) -> str:
    """An Excel cell as the text a CSV would hold (1998, not 1998.0; dates as 2024-05-01)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def read_xlsx(data: bytes) -> list[tuple[int, dict]]:
    """The first sheet of an Excel workbook (.xlsx), read like a CSV file."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors) on bad files
        raise CsvFormatError(
            _(
                "The file could not be read as an Excel workbook (.xlsx). Save it again from your "
                "spreadsheet program as “Excel workbook” or as “CSV UTF-8”."
            )
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return _table_rows(
            [_cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)
        )
    finally:
        workbook.close()


def read_table(data: bytes | str, filename: str = "") -> list[tuple[int, dict]]:
    """A CSV or Excel file's rows; Excel is recognised by its name or its zip signature."""
    if isinstance(data, bytes) and (
        filename.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04"
    ):
        return read_xlsx(data)
    return read_csv(data)


def _table_rows(reader) -> list[tuple[int, dict]]:
    rows_iter = iter(reader)
    header = [(name or "").strip().lower() for name in next(rows_iter, [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise CsvFormatError(
            _(
                "The first row must name the columns; missing: %(missing)s. Expected columns: %(expected)s."
            )
            % {"missing": ", ".join(missing), "expected": ", ".join(COLUMNS)}
        )
    rows = []
    for index, raw in enumerate(rows_iter, start=2):
        cells = dict(zip(header, raw, strict=False))
        values = {
            column: (cells.get(column) or "").strip()
            for column in COLUMNS
            if column in header  # a column left out of the file is left alone on update
        }
        if any(values.values()):
            rows.append((index, values))
    return rows
