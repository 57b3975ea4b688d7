"""Chapters are chosen, not copied: they follow the page tree, the languages and the pages' status."""

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from cms.core.translation import translate_page
from publications.chapters import resolve_contents
from publications.factories import chapter
from publications.models import PublicationPage
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def toc_titles(client, page) -> list[str]:
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return [a.get_text(" ", strip=True) for a in soup.select(".publication__toc .toc a")]


def test_parts_and_chapters_follow_the_editors_order(publication):
    contents = resolve_contents(publication)
    shape = [
        (part.heading if part else None, [(c.number, c.kind, c.title) for c in chapters])
        for part, chapters in contents.sections
    ]
    assert shape == [
        (None, [(1, "text", "Why this book")]),
        ("Part one: stories", [(2, "story", "A kitchen table for everyone")]),
        ("Part two: walks", [(3, "walk", "A walk through Žilina")]),
    ]
    assert contents.dropped == []


def test_the_reading_view_has_the_contents_and_each_chapter_a_page(client, publication):
    assert toc_titles(client, publication) == [
        "1. Why this book",
        "2. A kitchen table for everyone",
        "3. A walk through Žilina",
    ]
    response = client.get(publication.url + "chapters/2/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "A kitchen table for everyone"
    assert "Every Tuesday the kitchen" in soup.main.get_text()
    assert soup.select_one("a[rel=prev]")["href"] == publication.url + "chapters/1/"
    assert soup.select_one("a[rel=next]")["href"] == publication.url + "chapters/3/"
    assert client.get(publication.url + "chapters/4/").status_code == 404


def test_a_walk_is_its_stops_with_a_link_and_a_qr_code(client, publication, walk):
    soup = BeautifulSoup(client.get(publication.url + "chapters/3/").content, "html.parser")
    stops = soup.select(".book-stop")
    assert [s.find(["h2", "h3"]).get_text(strip=True) for s in stops] == [
        "Stop 1: 1. Family Center Mala Ulica",
        "Stop 2: 2. Prešeren Square",
        "Stop 3: 3. Triple Bridge",
    ]
    qr = soup.select_one(".walk-online__qr")
    assert qr["src"].startswith("data:image/png;base64,") and "QR code" in qr["alt"]
    assert soup.select_one(".walk-online a")["href"] == walk.full_url
    # The 360° photo is printed flat, with its alt text; a sound is a link and its transcript.
    assert stops[1].img["alt"] == "The courtyard seen all around"
    assert stops[2].select_one(".book-media__link").get_text() == "Listen to the recording online"
    assert "Welcome to our centre, says Maja." in stops[2].select_one(".transcript").get_text()


def test_a_correction_to_a_story_appears_in_the_book(client, publication, story):
    story.title = "A kitchen table for all of us"
    story.save_revision().publish()
    assert "2. A kitchen table for all of us" in toc_titles(client, publication)


def test_drafts_never_appear_and_unpublished_chapters_drop_out(
    client, publication, story, slovakia
):
    draft = StoryPageFactory(parent=slovakia, title="Not ready yet")
    draft.unpublish()
    publication.chapters = [*list(publication.chapters.raw_data), chapter("story", draft)]
    publication.save_revision().publish()
    story.unpublish()

    page = PublicationPage.objects.get(pk=publication.pk)
    titles = toc_titles(client, page)
    assert titles == ["1. Why this book", "2. A walk through Žilina"]
    assert client.get(page.url + "chapters/3/").status_code == 404
    assert [d.title for d in resolve_contents(page).dropped] == [
        "A kitchen table for everyone",
        "Not ready yet",
    ]


def test_private_pages_never_appear(client, publication, slovakia):
    PageViewRestriction.objects.create(page=slovakia, restriction_type="login")
    page = PublicationPage.objects.get(pk=publication.pk)
    assert toc_titles(client, page) == ["1. Why this book"]


def test_each_language_uses_the_chapters_translation_or_the_original_marked(
    client, publication, story, walk
):
    translate_page(story, "de", {"A kitchen table for everyone": "Ein Küchentisch für alle"})
    german = translate_page(publication, "de", {"Making care visible": "Fürsorge sichtbar machen"})
    # An alias (an untranslated copy made by tree synchronisation) is not a translation.
    walk.copy_for_translation(german.locale, copy_parents=True, alias=True)
    assert german.url == "/de/making-care-visible/"

    contents = resolve_contents(german)
    assert [(c.title, c.language) for c in contents.chapters] == [
        ("Why this book", "de"),  # the book's own text: translated with the book
        ("Ein Küchentisch für alle", "de"),
        ("A walk through Žilina", "en"),
    ]
    soup = BeautifulSoup(client.get(german.url).content, "html.parser")
    walk_link = soup.select(".publication__toc .toc a")[2]
    assert walk_link.select_one("[lang=en]").get_text() == "A walk through Žilina"
    assert walk_link.select_one(".language-badge").get_text(strip=True) == "Englisch"

    chapter_page = BeautifulSoup(client.get(german.url + "chapters/3/").content, "html.parser")
    article = chapter_page.select_one("article.chapter")
    assert article["lang"] == "en"
    assert "Englisch" in article.select_one(".language-badge").get_text()
    # The EPUB marks the chapter's language too.
    from publications.builds import build_epub

    with zipfile.ZipFile(io.BytesIO(build_epub(german))) as epub:
        book = BeautifulSoup(epub.read("EPUB/chapter-2.xhtml"), "html.parser")
        assert book.html["lang"] == "de"
        walk_chapter = BeautifulSoup(epub.read("EPUB/chapter-3.xhtml"), "html.parser")
        assert walk_chapter.html["lang"] == "en"
