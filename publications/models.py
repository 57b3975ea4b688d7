"""The joint publication: a book made of chosen stories and walks, and the files of each edition."""

import re

from django.db import models
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.api_schema import BOOLEAN, INTEGER, PAGE_LINK, STRING, nullable, obj
from cms.blocks.text import RICH_TEXT_FEATURES
from cms.pages import BasePage
from cms.serializers import absolute_url, serialize_page_link

from .blocks import ChaptersBlock
from .chapters import resolve_contents
from .panels import PublicationStatusPanel

NO_CHAPTERS_MESSAGE = _(
    "A publication needs at least one chapter before it can be published: choose a published "
    "story or walk, or add a text written for the book."
)


class EditionFile(models.Model):
    """The PDF or EPUB file of one language edition, and how its last build went."""

    PDF = "pdf"
    EPUB = "epub"
    FORMATS = [(PDF, "PDF"), (EPUB, "EPUB")]
    CONTENT_TYPES = {PDF: "application/pdf", EPUB: "application/epub+zip"}

    page = models.ForeignKey(
        "publications.PublicationPage",
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="edition_files",
    )
    format = models.CharField(_("format"), max_length=8, choices=FORMATS)
    file = models.FileField(_("file"), upload_to="publications/", blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    built_at = models.DateTimeField(_("last built"), null=True, blank=True)
    error = models.TextField(
        _("why the last build failed"),
        blank=True,
        help_text=_("Empty when the last build worked. Readers keep the previous file meanwhile."),
    )
    failed_at = models.DateTimeField(_("last failed build"), null=True, blank=True)

    class Meta:
        verbose_name = _("edition file")
        verbose_name_plural = _("edition files")
        constraints = [
            models.UniqueConstraint(fields=["page", "format"], name="one_file_per_edition_format")
        ]

    def __str__(self) -> str:
        return f"{self.page} ({self.get_format_display()})"

    @property
    def download_name(self) -> str:
        """“Making care visible (en).pdf”: the title, readable in the reader's downloads folder."""
        title = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", self.page.title).strip() or "publication"
        return f"{title} ({self.page.locale.language_code}).{self.format}"


class PublicationPageForm(WagtailAdminPageForm):
    """Refuses to publish a publication without chapters, with a message the editor understands."""

    def clean(self):
        cleaned_data = super().clean()
        publishing = "action-publish" in self.data or "action-submit" in self.data
        if publishing and "chapters" in cleaned_data:
            kinds = {block.block_type for block in cleaned_data["chapters"]}
            if not kinds - {"part"}:
                self.add_error("chapters", NO_CHAPTERS_MESSAGE)
        return cleaned_data


class DownloadsField(Field):
    """The PDF and EPUB of this edition in the API: URL, size and when each was built."""

    api_schema = {
        "type": "array",
        "items": obj(
            {
                "format": STRING,
                "label": STRING,
                "url": nullable(STRING),
                "ready": BOOLEAN,
                "size": nullable(INTEGER),
                "built_at": nullable({"type": "string", "format": "date-time"}),
            }
        ),
    }

    def to_representation(self, page):
        return page.downloads_api()


class ChapterLinksField(Field):
    """The chapters of this edition in the API, as page links (texts written for the book by title)."""

    api_schema = {
        "type": "array",
        "items": obj(
            {
                "number": INTEGER,
                "type": STRING,
                "title": STRING,
                "language": nullable(STRING),
                "part": nullable(STRING),
                "page": nullable(PAGE_LINK),
                "url": nullable(STRING),
            }
        ),
    }

    def to_representation(self, page):
        contents = page.contents
        return [
            {
                "number": chapter.number,
                "type": chapter.kind,
                "title": chapter.title,
                "language": chapter.language,
                "part": chapter.part.heading if chapter.part else None,
                "page": serialize_page_link(chapter.page) if chapter.page else None,
                "url": absolute_url(
                    page.url + page.reverse_subpage("chapter", args=[chapter.number])
                )
                if page.url
                else None,
            }
            for chapter in contents.chapters
        ]


class PublicationPage(RoutablePageMixin, BasePage):
    """/<lang>/<slug>/: the book online (contents, chapters), and its PDF and EPUB downloads."""

    subtitle = models.CharField(
        _("subtitle"),
        max_length=200,
        blank=True,
        help_text=_("Printed under the title, e.g. “Stories from the Bridges network”."),
    )
    cover_image = models.ForeignKey(
        "core.BridgesImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The picture on the cover of the book and at the top of its page."),
    )
    publication_date = models.DateField(
        _("date of publication"),
        null=True,
        blank=True,
        help_text=_("Printed on the title page. Leave empty while the book is being prepared."),
    )
    foreword = RichTextField(
        _("foreword"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Opens the book: who made it, and for whom."),
    )
    editors = models.CharField(
        _("edited by"),
        max_length=300,
        blank=True,
        help_text=_(
            "The names of the editors, e.g. “MINE – Mother Centers International Network”."
        ),
    )
    credits = RichTextField(
        _("credits"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Everyone who wrote, photographed, translated or helped, printed after the title page."
        ),
    )
    funders = RichTextField(
        _("funders"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Who paid for the project, e.g. “Funded by the State Ministry of Baden-Württemberg”."
        ),
    )
    chapters = StreamField(
        ChaptersBlock(),
        blank=True,
        verbose_name=_("chapters"),
        help_text=_(
            "The chapters in the order of the book: stories, walks and texts written for the book. "
            "Add a part heading to start a new part. Only published pages appear in the book."
        ),
    )

    base_form_class = PublicationPageForm
    content_panels = [
        *BasePage.content_panels,
        PublicationStatusPanel(heading=_("The book's files and chapters")),
        FieldPanel("subtitle"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("editors"),
                FieldPanel("foreword"),
                FieldPanel("credits"),
                FieldPanel("funders"),
            ],
            heading=_("Title pages"),
        ),
        FieldPanel("chapters"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("foreword"),
        index.SearchField("chapters"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("subtitle"),
        APIField("publication_date"),
        APIField("editors"),
        APIField("foreword"),
        APIField("credits"),
        APIField("funders"),
        APIField("table_of_contents", serializer=ChapterLinksField(source="*")),
        APIField("downloads", serializer=DownloadsField(source="*")),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("publication")

    @cached_property
    def contents(self):
        return resolve_contents(self)

    def downloads(self) -> list[dict]:
        """Each format: its URL on this page, and the file's size and date once it is built."""
        files = self.edition_files_by_format
        result = []
        for fmt, label in EditionFile.FORMATS:
            record = files.get(fmt)
            ready = record is not None and bool(record.file)
            result.append(
                {
                    "format": fmt,
                    "label": label,
                    "url": self.url + self.reverse_subpage("download", args=[fmt])
                    if self.url
                    else "",
                    "ready": ready,
                    "size": record.size if ready else None,
                    "built_at": record.built_at if ready else None,
                }
            )
        return result

    @cached_property
    def edition_files_by_format(self) -> dict[str, EditionFile]:
        return {f.format: f for f in self.edition_files.all()} if self.pk else {}

    def downloads_api(self) -> list[dict]:
        return [
            {
                "format": item["format"],
                "language": self.locale.language_code,
                "url": absolute_url(item["url"]) if item["ready"] else None,
                "size": item["size"],
                "built_at": item["built_at"].isoformat() if item["built_at"] else None,
                "status": "ready" if item["ready"] else "being prepared",
            }
            for item in self.downloads()
        ]

    # The reading view: the contents, one chapter at a time, the downloads.

    @path("")
    def index(self, request):
        return self.render(
            request, context_overrides={"contents": self.contents, "downloads": self.downloads()}
        )

    @path("chapters/<int:number>/", name="chapter")
    def chapter(self, request, number: int):
        chapters = self.contents.chapters
        if not 1 <= number <= len(chapters):
            raise Http404
        chapter = chapters[number - 1]
        return self.render(
            request,
            template="publications/chapter_page.html",
            context_overrides={
                "contents": self.contents,
                "chapter": chapter,
                "previous_chapter": chapters[number - 2] if number > 1 else None,
                "next_chapter": chapters[number] if number < len(chapters) else None,
                "mode": "web",
            },
        )

    @path("download/<str:fmt>/", name="download")
    def download(self, request, fmt: str):
        if fmt not in dict(EditionFile.FORMATS):
            raise Http404
        record = self.edition_files_by_format.get(fmt)
        if record is None or not record.file:
            # Never make a reader wait for a build: say it is coming and when to try again.
            response = TemplateResponse(
                request,
                "publications/being_prepared.html",
                {"page": self, "format": dict(EditionFile.FORMATS)[fmt]},
                status=503,
            )
            response["Retry-After"] = "300"
            return response
        return FileResponse(
            record.file.open("rb"),
            as_attachment=True,
            filename=record.download_name,
            content_type=EditionFile.CONTENT_TYPES[fmt],
        )
