"""Build an edition's PDF (WeasyPrint, tagged PDF/UA-1) and EPUB 3 (ebooklib), and store them.

A build reads only the site's own files (static files and media through the storage) and never the
network. A failed build keeps the previous file and records why, for the editors.
"""

import base64
import hashlib
import logging
import mimetypes
import posixpath
import uuid
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import EditionFile, PublicationPage

logger = logging.getLogger(__name__)

# Latin with its extensions (German, Hungarian, Czech, Slovak, Slovenian, Dutch, Italian, Serbian
# Latin) and Cyrillic (Bulgarian, Serbian, Ukrainian): every script of the eleven locales.
FONT_SUBSETS = ("latin", "latin-ext", "cyrillic", "cyrillic-ext")
FONT_FILES = [("400", "normal"), ("700", "normal"), ("400", "italic"), ("700", "italic")]


def book_fonts() -> dict:
    """@font-face rules for Noto Serif and Noto Sans from npm (@fontsource), one family per subset.

    Each subset gets a family name of its own: WeasyPrint tells embedded fonts apart by family, weight
    and style, so subsets sharing one family name would overwrite each other's glyphs in the PDF.
    Readers get the first family of the list that has the character.
    """
    faces, stacks = [], {}
    for package, generic in (("noto-serif", "serif"), ("noto-sans", "sans-serif")):
        families = []
        for subset in FONT_SUBSETS:
            family = f"Book {package} {subset}"
            families.append(f'"{family}"')
            for weight, style in FONT_FILES:
                faces.append(
                    {
                        "family": family,
                        "weight": weight,
                        "style": style,
                        "path": f"vendor/{package}/files/{package}-{subset}-{weight}-{style}.woff",
                    }
                )
        stacks[generic] = ", ".join([*families, generic])
    return {"font_faces": faces, "serif_stack": stacks["serif"], "sans_stack": stacks["sans-serif"]}


def site_root(page: PublicationPage) -> str:
    site = page.get_site()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def local_file(url: str, root: str) -> tuple[bytes, str] | None:
    """The bytes and media type of a static file or an upload named by `url`, read locally."""
    path = unquote(urlsplit(url).path)
    if url.startswith(("http://", "https://")) and not url.startswith(root + "/"):
        media_base = settings.MEDIA_URL
        if not (media_base.startswith("http") and url.startswith(media_base)):
            return None
        path = "/" + url[len(media_base) :].lstrip("/")
        name = unquote(path.lstrip("/"))
        return _read_storage(name)
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        found = finders.find(name)
        if found:
            with open(found, "rb") as handle:
                return handle.read(), _media_type(name)
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as handle:
                return handle.read(), _media_type(name)
        return None
    if path.startswith(settings.MEDIA_URL):
        return _read_storage(path[len(settings.MEDIA_URL) :])
    return None


def _read_storage(name: str) -> tuple[bytes, str] | None:
    if ".." in name.split("/") or not default_storage.exists(name):
        return None
    with default_storage.open(name) as handle:
        return handle.read(), _media_type(name)


def _media_type(name: str) -> str:
    guessed = mimetypes.guess_type(name)[0]
    if name.endswith(".woff2"):
        return "font/woff2"
    if name.endswith(".woff"):
        return "font/woff"
    return guessed or "application/octet-stream"


def render_book_html(page: PublicationPage, template: str, **extra) -> str:
    with translation.override(page.locale.language_code):
        return render_to_string(
            template,
            {
                "page": page,
                "contents": page.contents,
                "edition_language": page.locale.language_code,
                **extra,
            },
        )


# PDF


def build_pdf(page: PublicationPage) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = site_root(page)

    class LocalFetcher(URLFetcher):
        """Static files and uploads come from disk or storage; nothing is fetched over the network."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = local_file(url, root)
            if found is None:
                raise ValueError(f"not a file of this site: {url}")
            body, media_type = found
            return URLFetcherResponse(url, body, {"Content-Type": media_type})

    html = render_book_html(page, "publications/book/pdf.html", **book_fonts())
    document = HTML(string=html, base_url=root + "/", url_fetcher=LocalFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


# EPUB


def build_epub(page: PublicationPage) -> bytes:
    import io

    from ebooklib import epub
    from lxml import html as lxml_html

    language = page.locale.language_code
    root = site_root(page)
    contents = page.contents
    book = epub.EpubBook()
    # One stable identifier per language edition, so reading systems recognise a new build.
    book.set_identifier(f"urn:uuid:{uuid.uuid5(page.translation_key, language)}")
    book.set_title(page.title)
    book.set_language(language)
    if page.editors:
        book.add_author(page.editors)
    book.add_metadata(
        "DC", "publisher", "MINE – Mother Centers International Network for Empowerment"
    )
    if page.publication_date:
        book.add_metadata("DC", "date", page.publication_date.isoformat())
    if page.subtitle:
        book.add_metadata("DC", "description", page.subtitle)

    style = epub.EpubItem(
        uid="style",
        file_name="style/book.css",
        media_type="text/css",
        content=render_to_string("publications/book/epub.css").encode(),
    )
    book.add_item(style)
    embedded: dict[str, str] = {}  # source URL -> file name inside the EPUB

    def embed(src: str) -> str | None:
        if src in embedded:
            return embedded[src]
        if src.startswith("data:"):
            header, _sep, data = src.partition(",")
            media_type = header[5:].split(";")[0] or "image/png"
            body = base64.b64decode(data) if ";base64" in header else unquote(data).encode()
        else:
            found = local_file(src, root)
            if found is None:
                return None
            body, media_type = found
        extension = mimetypes.guess_extension(media_type) or ".bin"
        name = f"images/{hashlib.sha1(src.encode()).hexdigest()[:16]}{extension}"
        uid = name.replace("/", "-").replace(".", "-")
        book.add_item(epub.EpubItem(uid=uid, file_name=name, media_type=media_type, content=body))
        embedded[src] = name
        return name

    def xhtml_item(file_name: str, title: str, body_html: str, lang: str) -> epub.EpubHtml:
        tree = lxml_html.fragment_fromstring(body_html, create_parent="div")
        for image in tree.iter("img"):
            name = embed(image.get("src", ""))
            if name is None:
                # An image the book cannot carry: keep its description for the reader.
                text = lxml_html.Element("span")
                text.text, text.tail = image.get("alt", ""), image.tail
                image.getparent().replace(image, text)
                continue
            image.set("src", name)
        for link in tree.iter("a"):
            href = link.get("href", "")
            if href.startswith("/"):
                link.set("href", root + href)
        content = lxml_html.tostring(tree, encoding="unicode")
        item = epub.EpubHtml(title=title, file_name=file_name, lang=lang)
        item.content = content
        item.add_item(style)
        book.add_item(item)
        return item

    spine: list = ["nav"]
    toc: list = []
    with translation.override(language):
        front = xhtml_item(
            "title.xhtml",
            page.title,
            render_to_string("publications/book/epub_front.html", {"page": page}),
            language,
        )
        spine.append(front)
        toc.append(epub.Link(front.file_name, _("Title page"), "title"))
        if page.foreword:
            foreword = xhtml_item(
                "foreword.xhtml",
                _("Foreword"),
                render_to_string("publications/book/epub_foreword.html", {"page": page}),
                language,
            )
            spine.append(foreword)
            toc.append(epub.Link(foreword.file_name, _("Foreword"), "foreword"))
        for part, chapters in contents.sections:
            entries = []
            part_item = None
            if part is not None:
                part_item = xhtml_item(
                    f"part-{part.number}.xhtml",
                    part.heading,
                    render_to_string("publications/book/epub_part.html", {"part": part}),
                    language,
                )
                spine.append(part_item)
            for chapter in chapters:
                item = xhtml_item(
                    f"chapter-{chapter.number}.xhtml",
                    chapter.title,
                    render_to_string(
                        "publications/book/chapter_content.html",
                        {
                            "chapter": chapter,
                            "offset": 0,
                            "edition_language": language,
                            "page": page,
                        },
                    ),
                    chapter.language,
                )
                spine.append(item)
                entries.append(
                    epub.Link(item.file_name, chapter.title, f"chapter-{chapter.number}")
                )
            if part_item is not None:
                toc.append((epub.Section(part.heading, part_item.file_name), entries))
            else:
                toc.extend(entries)
    book.toc = toc
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav()
    nav.add_item(style)
    book.add_item(nav)
    book.spine = spine
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue()


BUILDERS = {EditionFile.PDF: build_pdf, EditionFile.EPUB: build_epub}


def build_edition(page: PublicationPage, fmt: str) -> EditionFile:
    """Build one file of one edition; on failure keep the old file and record the reason."""
    record, _created = EditionFile.objects.get_or_create(page=page, format=fmt)
    try:
        data = BUILDERS[fmt](page)
    except Exception as error:
        logger.exception("Building the %s of publication %s failed", fmt, page.pk)
        record.error = _("%(kind)s: %(message)s") % {
            "kind": type(error).__name__,
            "message": str(error) or _("no details"),
        }
        record.failed_at = timezone.now()
        record.save(update_fields=["error", "failed_at"])
        raise
    old_name = record.file.name if record.file else ""
    name = f"{page.pk}/{posixpath.basename(page.slug) or 'publication'}-{page.locale.language_code}.{fmt}"
    record.file.save(name, ContentFile(data), save=False)
    record.size = len(data)
    record.built_at = timezone.now()
    record.error = ""
    record.failed_at = None
    record.save()
    if old_name and old_name != record.file.name:
        transaction.on_commit(lambda: default_storage.delete(old_name))
    return record
