"""Which chapters an edition of a publication contains, in which language, and which dropped out.

The rule is the one every listing follows: each chosen story or walk is read in the edition's language
where a live, public translation exists, otherwise in its original language (marked so). Drafts, pages
under a private section, and aliases (untranslated copies made by tree synchronisation) never appear.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.localized import language_code
from cms.visibility import is_public

PAGE_CHAPTERS = ("story", "walk")


@dataclass
class Chapter:
    number: int
    kind: str  # "story", "walk" or "text"
    title: str
    language: str  # the language the chapter is written in
    page: Page | None = None  # the story or walk, specific, in the language it is read in
    value: object = None  # the text block's value, for texts written for the book
    part: "Part | None" = None

    @property
    def anchor(self) -> str:
        return f"chapter-{self.number}"


@dataclass
class Part:
    number: int
    heading: str
    introduction: str = ""
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"part-{self.number}"


@dataclass
class DroppedChapter:
    position: int  # 1-based position in the editor's list of chapters
    title: str
    reason: str


@dataclass
class Contents:
    """An edition's table of contents: parts (the first may be None: chapters before any part)."""

    sections: list[tuple[Part | None, list[Chapter]]]
    chapters: list[Chapter]
    dropped: list[DroppedChapter]

    def __bool__(self) -> bool:
        return bool(self.chapters)


def _readable_pages(chosen_ids: set[int], locale_id: int) -> dict[int, Page]:
    """For each chosen page id, the page to read: its live translation in `locale_id`, else itself."""
    if not chosen_ids:
        return {}
    keys = dict(Page.objects.filter(pk__in=chosen_ids).values_list("pk", "translation_key"))
    # Public is checked on each page against the cached restricted paths: Wagtail's `.public()`
    # reads every view restriction from the database.
    candidates = (
        Page.objects.live()
        .filter(alias_of__isnull=True)
        .filter(translation_key__in=set(keys.values()))
        .specific()
    )
    by_key: dict = {}
    originals: dict[int, Page] = {}
    for page in candidates:
        if not is_public(page):
            continue
        if page.locale_id == locale_id:
            by_key[page.translation_key] = page
        if page.pk in chosen_ids:
            originals[page.pk] = page
    return {
        pk: by_key.get(key) or originals.get(pk)
        for pk, key in keys.items()
        if by_key.get(key) or originals.get(pk)
    }


def resolve_contents(publication) -> Contents:
    """The chapters of `publication` (one language edition) as its readers get them."""
    stream = publication.chapters
    raw = stream.raw_data
    chosen_ids = {
        item["value"]
        for item in raw
        if item.get("type") in PAGE_CHAPTERS and isinstance(item.get("value"), int)
    }
    readable = _readable_pages(chosen_ids, publication.locale_id)
    edition_language = language_code(publication.locale_id)

    sections: list[tuple[Part | None, list[Chapter]]] = []
    chapters: list[Chapter] = []
    dropped: list[DroppedChapter] = []
    current_part: Part | None = None
    current: list[Chapter] = []
    part_count = 0
    for position, item in enumerate(raw, start=1):
        kind = item.get("type")
        if kind == "part":
            if current or current_part is not None:
                sections.append((current_part, current))
            part_count += 1
            value = item.get("value") or {}
            current_part = Part(part_count, value.get("heading", ""), value.get("introduction", ""))
            current = []
            continue
        if kind in PAGE_CHAPTERS:
            page = readable.get(item.get("value"))
            expected = "stories.StoryPage" if kind == "story" else "walks.WalkPage"
            if page is None or page.specific_class is None or (page._meta.label != expected):
                dropped.append(
                    DroppedChapter(position, _dropped_title(item.get("value")), _dropped_reason())
                )
                continue
            chapter = Chapter(
                number=len(chapters) + 1,
                kind=kind,
                title=page.title,
                language=language_code(page.locale_id),
                page=page,
                part=current_part,
            )
        elif kind == "text":
            value = stream[position - 1].value
            chapter = Chapter(
                number=len(chapters) + 1,
                kind="text",
                title=value["title"],
                language=edition_language,
                value=value,
                part=current_part,
            )
        else:
            continue
        chapters.append(chapter)
        current.append(chapter)
        if current_part is not None:
            current_part.chapters.append(chapter)
    if current or current_part is not None:
        sections.append((current_part, current))
    return Contents(sections=sections, chapters=chapters, dropped=dropped)


def _dropped_title(page_id) -> str:
    page = Page.objects.filter(pk=page_id).only("title").first() if page_id else None
    return page.title if page is not None else _("a page that was deleted")


def _dropped_reason() -> str:
    return _("It is not published, or it is private, so readers do not get it in the book.")


def publications_containing(page: Page):
    """Every publication (any language) with `page`, or one of its translations, as a chapter."""
    # The models import this module (a publication resolves its chapters): a real cycle.
    from .models import PublicationPage

    ids = set(
        Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    )
    found = []
    for publication in PublicationPage.objects.all().only("pk", "chapters"):
        chosen = {
            item.get("value")
            for item in publication.chapters.raw_data
            if item.get("type") in PAGE_CHAPTERS
        }
        if chosen & ids:
            found.append(publication.pk)
    return found
