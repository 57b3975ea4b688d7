"""The centres spreadsheet (CSV or Excel): the directory in and out of the site, one row per centre.

Rows are matched to centres on their directory key, so a file can be exported, corrected in a
spreadsheet program and imported again. A bad row is refused with its row number and the reason;
the good rows are imported all the same. Column reference: docs/network.md. Reading the file:
network/centres_table.py; the export: network/centres_export.py. The admin's
"Network directory" screen (network/directory_admin.py) and the import_centres/export_centres
commands both use this module.
"""

import dataclasses
import re
import time
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.search.backends import get_search_backends

from cms.caching import bump_pages_version
from cms.core.locale_sync import alias_in_synced_locales
from cms.frontend_cache import enqueue_purge, urls_showing
from cms.tree import bulk_add_children
from network.centres_table import COLUMNS, read_table
from network.directory import invalidate_geojson
from network.languages import SPOKEN_LANGUAGE_NAMES
from network.models import CentreKind, CentrePage, CountryPage
from network.text import fold, plain_to_rich, rich_to_plain
from network.translation_sync import sync_translations

# The columns copied to the page as they are: all but the key, the name and the country (which
# place the page) and the description (rich text).
PLAIN_FIELDS = [c for c in COLUMNS if c not in {"key", "name", "country", "description"}]


class RowError(Exception):
    """One row is refused; the message says why, in words an editor understands."""


@dataclasses.dataclass
class RowResult:
    row: int
    action: str  # created, updated, unchanged or refused
    key: str = ""
    name: str = ""
    reason: str = ""
    changes: list[str] = dataclasses.field(default_factory=list)

    def __str__(self):
        label = f"row {self.row}: {self.action}"
        who = f" “{self.name}”" if self.name else ""
        who += f" ({self.key})" if self.key else ""
        if self.action == "refused":
            return f"{label}{who} — {self.reason}"
        if self.changes:
            return f"{label}{who}: {', '.join(self.changes)}"
        return f"{label}{who}"


@dataclasses.dataclass
class ImportReport:
    results: list[RowResult]
    dry_run: bool
    seconds: float = 0.0

    def count(self, action: str) -> int:
        return sum(1 for result in self.results if result.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {
            action: self.count(action) for action in ("created", "updated", "unchanged", "refused")
        }

    @property
    def refused(self) -> list[RowResult]:
        return [result for result in self.results if result.action == "refused"]

    def summary(self) -> str:
        parts = [
            f"{self.count(action)} {action}"
            for action in ("created", "updated", "unchanged", "refused")
        ]
        text = ", ".join(parts)
        if self.refused:
            text += " (rows " + ", ".join(str(r.row) for r in self.refused) + ")"
        text += f" in {self.seconds:.1f} s."
        if self.dry_run:
            text += " Dry run: nothing was saved."
        return text


# -- reading -----------------------------------------------------------------------------------


class Countries:
    """Country sections of the default language, found by code (SK), address (slovakia) or name."""

    def __init__(self, locale: Locale):
        self.pages = list(CountryPage.objects.filter(locale=locale).order_by("path"))
        self.lookup = {}
        for page in self.pages:
            for name in (page.country_code, page.slug, page.title):
                if name:
                    self.lookup[fold(name)] = page

    def find(self, text: str) -> CountryPage | None:
        return self.lookup.get(fold(text))

    def choices(self) -> str:
        return ", ".join(f"{p.country_code or p.slug} ({p.title})" for p in self.pages)


KINDS = {fold(value): value for value in CentreKind.values} | {
    fold(str(label)): value for value, label in CentreKind.choices
}


def _valid(field_name: str, value) -> bool:
    """Whether the centre page's own validators for this field (length, range, web address,
    e-mail, key pattern) accept `value`: the spreadsheet accepts exactly what the edit form does."""
    try:
        CentrePage._meta.get_field(field_name).run_validators(value)
    except ValidationError:
        return False
    return True


def _limits(field_name: str) -> tuple[float, float]:
    """The lowest and highest value the centre page's field accepts (its Min/MaxValueValidator)."""
    validators = CentrePage._meta.get_field(field_name).validators
    low = next(v.limit_value for v in validators if isinstance(v, MinValueValidator))
    high = next(v.limit_value for v in validators if isinstance(v, MaxValueValidator))
    return low, high


def _number(text: str, name: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError as error:
        raise RowError(
            _("%(column)s “%(value)s” is not a number") % {"column": name, "value": text}
        ) from error
    if not _valid(name, value):
        low, high = _limits(name)
        raise RowError(
            _("%(column)s %(value)s is out of range (%(low)s to %(high)s)")
            % {"column": name, "value": text, "low": f"{low:g}", "high": f"{high:g}"}
        )
    return value


def parse_row(values: dict, countries: Countries) -> dict:
    """The page values of one row, or RowError saying what is wrong."""
    name = values.get("name", "")
    if not name:
        raise RowError(_("the name is missing"))
    if not _valid("title", name):
        raise RowError(_("the name is longer than 255 characters"))
    country_text = values.get("country", "")
    if not country_text:
        raise RowError(_("the country is missing"))
    country = countries.find(country_text)
    if country is None:
        raise RowError(
            _("unknown country “%(country)s” (known: %(known)s)")
            % {"country": country_text, "known": countries.choices()}
        )
    key = values.get("key") or slugify(name)[:100]
    if not _valid("directory_key", key):
        raise RowError(
            _("the key “%(key)s” may only hold small letters, digits and dashes (at most 100)")
            % {"key": key}
        )
    parsed = {"key": key, "title": name, "country": country}

    if "kind" in values:
        kind = values["kind"]
        if kind and fold(kind) not in KINDS:
            raise RowError(
                _("unknown kind “%(kind)s” (one of: %(kinds)s)")
                % {"kind": kind, "kinds": ", ".join(CentreKind.values)}
            )
        parsed["kind"] = KINDS.get(fold(kind), CentreKind.MOTHER_CENTRE)
    for column in ("street_address", "postcode", "city", "phone", "opening_hours", "summary"):
        if column in values:
            parsed[column] = values[column].replace("\r\n", "\n")
    if not _valid("summary", parsed.get("summary", "")):
        raise RowError(_("the summary is longer than 300 characters"))

    latitude, longitude = values.get("latitude", ""), values.get("longitude", "")
    if "latitude" in values or "longitude" in values:
        if bool(latitude) != bool(longitude):
            raise RowError(_("give both latitude and longitude, or neither"))
        parsed["latitude"] = _number(latitude, "latitude") if latitude else None
        parsed["longitude"] = _number(longitude, "longitude") if longitude else None

    if "website" in values:
        website = values["website"]
        if website and not re.match(r"^https?://", website, re.I):
            website = "https://" + website
        if website and not _valid("website", website):
            raise RowError(
                _("the website “%(website)s” is not a web address") % {"website": values["website"]}
            )
        parsed["website"] = website
    if "email" in values:
        email = values["email"]
        if email and not _valid("email", email):
            raise RowError(_("the e-mail “%(email)s” is not an e-mail address") % {"email": email})
        parsed["email"] = email
    if "languages" in values:
        codes = [code.lower() for code in re.split(r"[\s,;]+", values["languages"]) if code]
        unknown = [code for code in codes if code not in SPOKEN_LANGUAGE_NAMES]
        if unknown:
            raise RowError(
                _("unknown language code “%(code)s” (codes such as %(examples)s)")
                % {"code": unknown[0], "examples": ", ".join(list(SPOKEN_LANGUAGE_NAMES)[:6])}
            )
        parsed["languages"] = list(dict.fromkeys(codes))
    if "member_since" in values:
        year = values["member_since"]
        # The model accepts years up to 2100; a spreadsheet row cannot be a member from the future.
        if year and not (
            year.isdigit()
            and _valid("member_since", int(year))
            and int(year) <= timezone.now().year
        ):
            raise RowError(
                _("member since “%(year)s” is not a year between 1980 and today") % {"year": year}
            )
        parsed["member_since"] = int(year) if year else None
    if "description" in values:
        parsed["description_text"] = values["description"].replace("\r\n", "\n")
    return parsed


# -- writing -----------------------------------------------------------------------------------


def changed_fields(page: CentrePage, parsed: dict) -> list[str]:
    changes = []
    if page.title != parsed["title"]:
        changes.append("name")
    for name in PLAIN_FIELDS:
        if name in parsed and getattr(page, name) != parsed[name]:
            changes.append(name)
    if (
        "description_text" in parsed
        and rich_to_plain(page.description) != parsed["description_text"]
    ):
        changes.append("description")
    return changes


def apply_values(page: CentrePage, parsed: dict) -> None:
    page.title = parsed["title"]
    page.draft_title = parsed["title"]
    for name in PLAIN_FIELDS:
        if name in parsed:
            setattr(page, name, parsed[name])
    if (
        "description_text" in parsed
        and rich_to_plain(page.description) != parsed["description_text"]
    ):
        page.description = plain_to_rich(parsed["description_text"])
    page.directory_key = parsed["key"]
    page.fill_directory_fields()


def unique_slug(wanted: str, taken: set[str]) -> str:
    base = slugify(wanted)[:240] or "centre"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def create_centres(country: CountryPage, centres: list[CentrePage], user=None) -> None:
    """Add many published centres under one country at once: the tree insert is one shared helper
    (cms.tree), then a log entry each and the search index in bulk. The pages have no revision
    yet: the admin edits the page itself, and the first save there starts its history.
    """
    if not centres:
        return
    now = timezone.now()
    for centre in centres:
        centre.live = True
        centre.has_unpublished_changes = False
        centre.first_published_at = centre.last_published_at = now
        centre.draft_title = centre.title
        centre.owner = user
        centre.fill_directory_fields()
    bulk_add_children(country, centres)
    content_type = ContentType.objects.get_for_model(CentrePage)
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=content_type,
                label=centre.title,
                action="wagtail.create",
                timestamp=now,
                page_id=centre.pk,
                user=user,
                data={},
            )
            for centre in centres
        ],
        batch_size=500,
    )
    for backend in get_search_backends():
        backend.add_bulk(CentrePage, centres)


def after_import(created: list[CentrePage], updated: list[CentrePage], countries) -> None:
    """What publishing does for a page, for the pages the import wrote to the database directly
    (`create_centres`, the quick `bulk_update`): the new centres' aliases in the synchronised
    languages, the aliases of updated ones brought up to date, and the caches that show them
    (fragments, the map, the shared HTTP cache: the countries' pages and lists)."""
    # Read back: the bulk insert's objects lack what a saved page has (the alias would not
    # point at them).
    for centre in CentrePage.objects.filter(pk__in=[centre.pk for centre in created]):
        alias_in_synced_locales(centre)
    for centre in updated:
        centre.update_aliases()
    bump_pages_version()
    invalidate_geojson()
    enqueue_purge(set().union(*(urls_showing(country) for country in countries)))


# The fields a row sets, checked with the model's own validators (max lengths, URL, e-mail,
# ranges, the key's pattern) after parse_row has turned the text into values.
VALIDATED_FIELDS = {"title", "directory_key", *PLAIN_FIELDS}


def validate_with_model(page: CentrePage) -> None:
    """The model's field validators on the values a row sets; RowError names the first problem."""
    exclude = [f.name for f in CentrePage._meta.fields if f.name not in VALIDATED_FIELDS]
    try:
        page.clean_fields(exclude=exclude)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        label = CentrePage._meta.get_field(field).verbose_name
        raise RowError(f"{label}: {' '.join(str(m) for m in messages)}") from error


def import_centres(
    data: bytes | str,
    dry_run: bool = False,
    user=None,
    filename: str = "",
    allowed_countries: list[CountryPage] | None = None,
) -> ImportReport:
    """Import a CSV or Excel file's rows. With `allowed_countries` (a country editor's sections),
    rows for any other country, and rows that would move a centre out of another country, are
    refused."""
    started = time.perf_counter()
    rows = read_table(data, filename)
    default = Locale.get_default()
    countries = Countries(default)
    allowed_paths = (
        None if allowed_countries is None else [country.path for country in allowed_countries]
    )
    allowed_names = ", ".join(country.title for country in allowed_countries or [])

    def check_allowed(country_path: str, what: str) -> None:
        if allowed_paths is not None and not any(
            country_path.startswith(path) for path in allowed_paths
        ):
            raise RowError(
                _("%(what)s: you may import centres only into %(allowed)s")
                % {"what": what, "allowed": allowed_names or _("no country")}
            )

    existing = {c.directory_key: c for c in CentrePage.objects.filter(locale=default)}
    results: list[RowResult] = []
    seen: dict[str, int] = {}
    to_create: dict[int, list[CentrePage]] = defaultdict(list)
    to_update: list[tuple[CentrePage, dict, RowResult]] = []
    slugs_by_country: dict[int, set[str]] = {}

    def taken_slugs(country: CountryPage) -> set[str]:
        if country.pk not in slugs_by_country:
            slugs_by_country[country.pk] = set(
                Page.objects.child_of(country).values_list("slug", flat=True)
            )
        return slugs_by_country[country.pk]

    for row_number, values in rows:
        result = RowResult(
            row=row_number,
            action="refused",
            name=values.get("name", ""),
            key=values.get("key", ""),
        )
        results.append(result)
        try:
            parsed = parse_row(values, countries)
            check_allowed(
                parsed["country"].path,
                _("the country is %(country)s") % {"country": parsed["country"].title},
            )
            key = result.key = parsed["key"]
            if key in seen:
                raise RowError(
                    _("the key “%(key)s” is also used by row %(row)s")
                    % {"key": key, "row": seen[key]}
                )
            seen[key] = row_number
            page = existing.get(key)
            if page is None:
                centre = CentrePage(title=parsed["title"])
                apply_values(centre, parsed)
                validate_with_model(centre)
                centre.slug = unique_slug(parsed["title"], taken_slugs(parsed["country"]))
                to_create[parsed["country"].pk].append(centre)
                result.action = "created"
                continue
            check_allowed(page.path, _("this centre is in another country's section"))
            changes = changed_fields(page, parsed)
            moved = not page.path.startswith(parsed["country"].path)
            if moved:
                if page.slug in taken_slugs(parsed["country"]):
                    raise RowError(
                        _(
                            "cannot move it to %(country)s: a page there already has the "
                            "address “%(slug)s”"
                        )
                        % {"country": parsed["country"].title, "slug": page.slug}
                    )
                changes.append("country")
            if not changes:
                result.action = "unchanged"
                continue
            if page.has_unpublished_changes:
                raise RowError(
                    _(
                        "an editor has unpublished changes on this centre: publish or discard "
                        "them in the admin first"
                    )
                )
            apply_values(page, parsed)  # saved only below, and only if the values are valid
            validate_with_model(page)
            result.action, result.changes = "updated", changes
            to_update.append((page, parsed, result))
        except RowError as error:
            result.reason = str(error)

    countries_by_pk = {country.pk: country for country in countries.pages}
    with transaction.atomic():
        for country_pk, centres in to_create.items():
            create_centres(countries_by_pk[country_pk], centres, user=user)
        quick = []
        for page, parsed, result in to_update:
            moved = "country" in result.changes
            apply_values(page, parsed)
            if page.latest_revision_id is None and not moved:
                quick.append(page)  # no history to keep in step: update the rows directly
                continue
            page.save_revision(user=user, log_action=True).publish(user=user)
            if moved:
                page.move(parsed["country"], pos="last-child", user=user)
            sync_translations(page)
        if quick:
            CentrePage.objects.bulk_update(
                quick, ["title", "draft_title", *PLAIN_FIELDS, "description", "directory_text"]
            )
            for backend in get_search_backends():
                backend.add_bulk(CentrePage, quick)
            for page in quick:
                sync_translations(page)
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run and (to_create or to_update):
        created = [centre for centres in to_create.values() for centre in centres]
        touched = {countries_by_pk[pk] for pk in to_create}
        touched.update(parsed["country"] for _page, parsed, _result in to_update)
        after_import(created, quick, touched)
    return ImportReport(results=results, dry_run=dry_run, seconds=time.perf_counter() - started)
