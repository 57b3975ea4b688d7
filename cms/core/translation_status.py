"""Where each page stands in each language: missing, in progress (n % of its text translated),
out of date (its source changed since the last sync) or up to date.

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
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from cms.core.models import SourceChange

SOURCE = "source"
MISSING = "missing"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"

STATES = {
    MISSING: _("missing"),
    IN_PROGRESS: _("in progress"),
    OUT_OF_DATE: _("out of date"),
    UP_TO_DATE: _("up to date"),
}


@dataclass
class Cell:
    state: str
    language_code: str
    percent: int | None = None  # of the source's text segments translated
    changed_at: datetime | None = None  # out of date: when the source changed
    page_id: int | None = None  # the translated page, when there is one
    action_url: str = ""
    action_label: str = ""

    @property
    def label(self) -> str:
        if self.state == SOURCE:
            return str(_("original"))
        if self.state == IN_PROGRESS and self.percent is not None:
            return _("in progress (%(percent)s %%)") % {"percent": self.percent}
        if self.state == OUT_OF_DATE and self.changed_at:
            when = timezone.localtime(self.changed_at).strftime("%Y-%m-%d")
            return _("out of date (source changed %(date)s)") % {"date": when}
        return str(STATES.get(self.state, self.state))


def default_locale() -> Locale:
    return Locale.get_default()


def grid(pages, locales=None) -> dict[int, dict[str, Cell]]:
    """{source page id: {language code: Cell}} for source pages (in the default language)."""
    pages = list(pages)
    locales = list(locales if locales is not None else Locale.objects.order_by("pk"))
    default = default_locale()
    keys = {page.translation_key for page in pages}
    if not pages:
        return {}

    # 1. Every version of these pages in the other languages (an alias is not a translation).
    versions: dict = {}
    for row in (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale=default)
        .values("pk", "translation_key", "locale_id", "live", "has_unpublished_changes")
    ):
        versions[(row["translation_key"], row["locale_id"])] = row

    # 2. The translation sources (one per page in the default language) and when each changed.
    sources: dict = {}
    for row in TranslationSource.objects.filter(object_id__in=keys, locale=default).values(
        "pk", "object_id", "last_updated_at", "bridges_change__changed_at"
    ):
        sources[row["object_id"]] = row
    source_ids = [row["pk"] for row in sources.values()]

    # 3. Which languages each source is being translated into (and whether still synced).
    enabled: dict = {}
    for row in Translation.objects.filter(source_id__in=source_ids).values(
        "source_id", "target_locale_id", "enabled"
    ):
        enabled[(row["source_id"], row["target_locale_id"])] = row["enabled"]

    # 4. Text segments per source, and 5. how many of them each language has translated.
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values_list("source_id")
        .annotate(n=Count("pk"))
    )
    done: dict = {}
    for row in (
        StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk", distinct=True))
    ):
        done[(row["source_id"], row["string__translations__locale_id"])] = row["n"]

    result: dict[int, dict[str, Cell]] = {}
    for page in pages:
        source = sources.get(page.translation_key)
        cells = {}
        for locale in locales:
            code = locale.language_code
            if locale.pk == default.pk:
                cells[code] = Cell(SOURCE, code, page_id=page.pk)
                continue
            version = versions.get((page.translation_key, locale.pk))
            if version is None:
                cells[code] = Cell(
                    MISSING,
                    code,
                    action_url=reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                    + f"?select_locale={code}",
                    action_label=str(_("Translate")),
                )
                continue
            edit_url = reverse("wagtailadmin_pages:edit", args=[version["pk"]])
            percent = None
            is_synced = source is not None and enabled.get((source["pk"], locale.pk), False)
            if is_synced:
                total = totals.get(source["pk"], 0)
                translated = done.get((source["pk"], locale.pk), 0)
                percent = 100 if total == 0 else min(100, translated * 100 // total)
            changed_at = source and source["bridges_change__changed_at"]
            if is_synced and changed_at and changed_at > source["last_updated_at"]:
                cells[code] = Cell(
                    OUT_OF_DATE,
                    code,
                    percent=percent,
                    changed_at=changed_at,
                    page_id=version["pk"],
                    action_url=reverse("wagtail_localize:update_translations", args=[source["pk"]]),
                    action_label=str(_("Sync")),
                )
            elif (percent is not None and percent < 100) or not version["live"]:
                cells[code] = Cell(
                    IN_PROGRESS,
                    code,
                    percent=percent,
                    page_id=version["pk"],
                    action_url=edit_url,
                    action_label=str(_("Continue")),
                )
            else:
                cells[code] = Cell(
                    UP_TO_DATE,
                    code,
                    percent=percent,
                    page_id=version["pk"],
                    action_url=edit_url,
                    action_label=str(_("Edit")),
                )
        result[page.pk] = cells
    return result


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


def is_out_of_date(source: TranslationSource) -> bool:
    change = SourceChange.objects.filter(source=source).first()
    return change is not None and change.changed_at > source.last_updated_at


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
        .annotate_translation(page.locale_id)
        .filter(translation__isnull=True)
        .order_by("order")
        .values_list("context__path", "string__data")
    )
    return [{"field": _label(source_instance, path), "text": text} for path, text in segments]
