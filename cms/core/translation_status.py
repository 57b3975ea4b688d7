"""Where each page stands in each language: missing, in progress (n % of its text translated),
translated but not published, out of date (its source changed since the last sync) or up to date.

The translation status grid (cms/core/translation_report.py), the translators' dashboard panel and
the out-of-date notices read it from here. `grid()` answers for any number of pages in a fixed
number of queries: wagtail-localize's records are read in bulk, never page by page.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from cms.core.models import SourceChange
from cms.core.translators import locales_user_may_translate_into

page_permission_policy = PagePermissionPolicy()

SOURCE = "source"
MISSING = "missing"
IN_PROGRESS = "in_progress"
NOT_PUBLISHED = "not_published"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"

STATES = {
    MISSING: _("missing"),
    IN_PROGRESS: _("in progress"),
    NOT_PUBLISHED: _("translated, not published"),
    OUT_OF_DATE: _("out of date"),
    UP_TO_DATE: _("up to date"),
}

# Text that may stay as in the original without readers missing anything: the URL name (slug).
# wagtail-localize publishes an untranslated segment with the original's text, so an English slug
# in the Slovak tree is a working address, not a gap in the translation.
OPTIONAL_PATHS = ("slug",)


@dataclass
class Cell:
    state: str
    language_code: str
    percent: int | None = None  # of the source's text segments translated
    changed_at: datetime | None = None  # out of date: when the source changed
    page_id: int | None = None  # the translated page, when there is one
    live: bool = True  # published (readers see it)
    action_url: str = ""
    action_label: str = ""

    @property
    def label(self) -> str:
        if self.state == SOURCE:
            return str(_("original") if self.live else _("original (draft)"))
        if self.state == IN_PROGRESS and self.percent is not None:
            return _("in progress (%(percent)s %%)") % {"percent": self.percent}
        if self.state == NOT_PUBLISHED and self.live:
            return str(_("translated, changes not published"))
        if self.state == OUT_OF_DATE and self.changed_at:
            when = timezone.localtime(self.changed_at).strftime("%Y-%m-%d")
            return _("out of date (source changed %(date)s)") % {"date": when}
        return str(STATES.get(self.state, self.state))


class Abilities:
    """What a user may do from the grid, worked out once per screen (no query per cell): open a
    page's editor where Wagtail lets her edit it, and translate or sync into the languages the
    "Translate" form offers her. `None` as the user: every action (no one to check)."""

    def __init__(self, user=None):
        self.user = user
        if user is None or user.is_superuser:
            self.everything = True
            return
        self.everything = False
        self.grants = [
            (grant.page.path, grant.permission.codename.rsplit("_", 1)[0])
            for grant in page_permission_policy.get_cached_permissions_for_user(user)
        ]
        if user.has_perm("wagtail_localize.submit_translation"):
            self.locales = set(locales_user_may_translate_into(user).values_list("pk", flat=True))
        else:
            self.locales = set()

    def may_translate_into(self, locale_id: int) -> bool:
        return self.everything or locale_id in self.locales

    def may_edit(self, path: str, owner_id: int | None) -> bool:
        """As Wagtail's PagePermissionTester.can_edit, from the permissions it caches per user."""
        if self.everything:
            return True
        actions = {action for prefix, action in self.grants if path.startswith(prefix)}
        return "change" in actions or ("add" in actions and owner_id == self.user.pk)


def default_locale() -> Locale:
    return Locale.get_default()


def grid(pages, locales=None, abilities: Abilities | None = None) -> dict[int, dict[str, Cell]]:
    """{source page id: {language code: Cell}} for source pages, in whatever language each was
    written: its own language's cell is the original, the others are its translations."""
    pages = list(pages)
    locales = list(locales if locales is not None else Locale.objects.order_by("pk"))
    abilities = abilities or Abilities()
    keys = {page.translation_key for page in pages}
    if not pages:
        return {}

    # 1. Every other version of these pages (an alias is not a translation).
    versions: dict = {}
    for row in (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(pk__in=[page.pk for page in pages])
        .values(
            "pk", "translation_key", "locale_id", "live", "has_unpublished_changes", "path",
            "owner_id",
        )
    ):  # fmt: skip
        versions[(row["translation_key"], row["locale_id"])] = row

    # 2. The translation sources (one per page and language it is translated from), and when
    # each changed.
    sources: dict = {}
    for row in TranslationSource.objects.filter(object_id__in=keys).values(
        "pk", "object_id", "locale_id", "last_updated_at", "bridges_change__changed_at"
    ):
        sources[(row["object_id"], row["locale_id"])] = row
    source_ids = [row["pk"] for row in sources.values()]

    # 3. Which languages each source is being translated into (and whether still synced).
    enabled: dict = {}
    for row in Translation.objects.filter(source_id__in=source_ids).values(
        "source_id", "target_locale_id", "enabled"
    ):
        enabled[(row["source_id"], row["target_locale_id"])] = row["enabled"]

    # 4. Text segments per source, and 5. how many of them each language has translated (as
    # wagtail-localize's Translation.get_progress() counts, without the optional ones).
    segments = StringSegment.objects.filter(source_id__in=source_ids).exclude(
        context__path__in=OPTIONAL_PATHS
    )
    totals = dict(segments.values_list("source_id").annotate(n=Count("pk")))
    done: dict = {}
    for row in (
        segments.filter(
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk", distinct=True))
    ):
        done[(row["source_id"], row["string__translations__locale_id"])] = row["n"]

    result: dict[int, dict[str, Cell]] = {}
    for page in pages:
        source = sources.get((page.translation_key, page.locale_id))
        cells = {}
        for locale in locales:
            code = locale.language_code
            if locale.pk == page.locale_id:
                cells[code] = Cell(SOURCE, code, page_id=page.pk, live=page.live)
                continue
            version = versions.get((page.translation_key, locale.pk))
            if version is None:
                cell = Cell(MISSING, code)
                if abilities.may_translate_into(locale.pk):
                    cell.action_url = (
                        reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                        + f"?select_locale={code}"
                    )
                    cell.action_label = str(_("Translate"))
                cells[code] = cell
                continue
            cells[code] = _version_cell(
                code, locale, version, source, enabled, totals, done, abilities
            )
        result[page.pk] = cells
    return result


def _version_cell(code, locale, version, source, enabled, totals, done, abilities) -> Cell:
    percent = None
    is_synced = source is not None and enabled.get((source["pk"], locale.pk), False)
    if is_synced:
        total = totals.get(source["pk"], 0)
        translated = done.get((source["pk"], locale.pk), 0)
        percent = 100 if total == 0 else min(100, translated * 100 // total)
    changed_at = source and source["bridges_change__changed_at"]
    cell = Cell(UP_TO_DATE, code, percent=percent, page_id=version["pk"], live=version["live"])
    may_edit = abilities.may_edit(version["path"], version["owner_id"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[version["pk"]])
    if is_synced and changed_at and changed_at > source["last_updated_at"]:
        cell.state, cell.changed_at = OUT_OF_DATE, changed_at
        # Syncing reaches every language, but a translator acts for hers only.
        if abilities.may_translate_into(locale.pk):
            cell.action_url = reverse("wagtail_localize:update_translations", args=[source["pk"]])
            cell.action_label = str(_("Sync"))
        return cell
    if percent is not None and percent < 100:
        cell.state, cell.action_label = IN_PROGRESS, str(_("Continue"))
    elif not version["live"] or version["has_unpublished_changes"]:
        # Readers see nothing yet, or an older version: not up to date for them.
        cell.state, cell.action_label = NOT_PUBLISHED, str(_("Edit"))
    else:
        cell.action_label = str(_("Edit"))
    if may_edit:
        cell.action_url = edit_url
    else:
        cell.action_label = ""
    return cell


# Segments that changed: what the translators are told and shown when they sync.


def _label(instance, path: str) -> str:
    name = path.split(".", 1)[0]
    try:
        field = instance._meta.get_field(name)
        label = str(getattr(field, "verbose_name", name))
    except Exception:
        label = name
    return label[:1].upper() + label[1:]


def segment_changes(source: TranslationSource, instance=None) -> list[dict]:
    """The text segments of `instance` (by default the source as it is now) that are new or
    changed since the source was last synced, and those that are gone, in page order."""
    instance = instance if instance is not None else source.get_source_instance()
    now_by_path: dict[str, list[str]] = defaultdict(list)
    order: list[str] = []
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            if segment.path not in now_by_path:
                order.append(segment.path)
            now_by_path[segment.path].append(segment.string.data)
    before_by_path: dict[str, list[str]] = defaultdict(list)
    for path, text in (
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context__path", "string__data")
    ):
        before_by_path[path].append(text)

    changes = []
    for path in order:
        before = before_by_path.get(path, [])
        remaining = Counter(before)
        gone = [text for text in before if text not in now_by_path[path]]
        for text in now_by_path[path]:
            if remaining[text] > 0:
                remaining[text] -= 1
                continue
            was = gone.pop(0) if gone else ""
            changes.append(
                {
                    "kind": "changed" if was else "new",
                    "field": _label(instance, path),
                    "text": text,
                    "was": was,
                }
            )
    for path, before in before_by_path.items():
        if path not in now_by_path:
            for text in before:
                changes.append(
                    {"kind": "removed", "field": _label(instance, path), "text": "", "was": text}
                )
    return changes


def note_source_published(page) -> SourceChange | None:
    """A page was published: if it is the source of translations and its text changed since they
    were last synced, mark them out of date (now) and return the change."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id)
        .order_by("-last_updated_at")
        .first()
    )
    if source is None or not source.translations.filter(enabled=True).exists():
        return None
    changes = segment_changes(source, page.specific)
    if not changes:
        return None
    change, _created = SourceChange.objects.update_or_create(
        source=source, defaults={"changed_at": timezone.now(), "changes": changes}
    )
    return change


def missing_segments(page) -> list[dict]:
    """The texts of a translated page that have no translation yet, in page order."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return []
    source_instance = translation.source.get_source_instance()
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .exclude(context__path__in=OPTIONAL_PATHS)
        .annotate_translation(page.locale_id)
        .filter(translation__isnull=True)
        .order_by("order")
        .values_list("context__path", "string__data")
    )
    return [{"field": _label(source_instance, path), "text": text} for path, text in segments]
