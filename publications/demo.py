"""The demo publication: “Making care visible”, made of the demo stories and walks, in en, de and hu."""

from django.db import transaction
from wagtail.models import Locale

from cms.core.demo import demo_image, translate_once
from stories.models import StoryPage
from walks.models import WalkPage

from .factories import PublicationPageFactory, chapter, part, text_chapter
from .models import EditionFile, PublicationPage
from .tasks import build_publication

SLUG = "making-care-visible"
TITLE = "Making care visible"
SUBTITLE = "Stories and walks from the Bridges network"
EDITORS = "MINE – Mother Centers International Network for Empowerment"
FOREWORD = (
    "<p>This book gathers what mothers and mother centres told during the project “Let’s build "
    "bridges” (15 December 2020 – 31 December 2022): stories of care work, and walks through the "
    "places where it happens. It is free to read, print and pass on.</p>"
)
FUNDERS = "<p>The project is funded by the State Ministry of Baden-Württemberg.</p>"
CREDITS = (
    "<p>Told by the mothers and the teams of the mother centres in the Bridges network. "
    "Photos: the centres and MINE.</p>"
)
INTRO_TITLE = "Why this book"
INTRO = (
    "Care work is everywhere and seen nowhere. The call “Tell your story” asked mothers in twenty "
    "countries to make it visible."
)
AFTERWORD_TITLE = "After the project"
AFTERWORD = "The stories stay online, and the centres keep telling new ones."
PART_STORIES = "Stories of care"
PART_WALKS = "Virtual walks"

TRANSLATIONS = {
    "de": {
        TITLE: "Fürsorge sichtbar machen",
        SUBTITLE: "Geschichten und Rundgänge aus dem Bridges-Netzwerk",
        INTRO_TITLE: "Warum dieses Buch",
        INTRO: "Sorgearbeit ist überall und wird nirgends gesehen. Der Aufruf „Erzählen Sie Ihre "
        "Geschichte“ bat Mütter in zwanzig Ländern, sie sichtbar zu machen.",
        AFTERWORD_TITLE: "Nach dem Projekt",
        AFTERWORD: "Die Geschichten bleiben online, und die Zentren erzählen weiter neue.",
        PART_STORIES: "Geschichten der Fürsorge",
        PART_WALKS: "Virtuelle Rundgänge",
        "The project is funded by the State Ministry of Baden-Württemberg.": "Das Projekt wird "
        "vom Staatsministerium Baden-Württemberg gefördert.",
    },
    "hu": {
        TITLE: "Láthatóvá tenni a gondoskodást",
        SUBTITLE: "Történetek és séták a Bridges-hálózatból",
        INTRO_TITLE: "Miért ez a könyv",
        INTRO: "A gondoskodó munka mindenhol ott van, mégsem látja senki. A „Mesélje el "
        "történetét” felhívás húsz ország anyáit kérte, hogy tegyék láthatóvá.",
        AFTERWORD_TITLE: "A projekt után",
        AFTERWORD: "A történetek online maradnak, és a központok továbbra is újakat mesélnek.",
        PART_STORIES: "A gondoskodás történetei",
        PART_WALKS: "Virtuális séták",
        "The project is funded by the State Ministry of Baden-Württemberg.": "A projektet "
        "Baden-Württemberg Állami Minisztériuma támogatja.",
    },
}


def originals(page_class):
    """Each live story or walk once: the English version where there is one, else its original."""
    chosen = {}
    english = Locale.objects.get(language_code="en")
    pages = page_class.objects.live().public().filter(alias_of__isnull=True).order_by("pk")
    for page in pages:
        key = page.translation_key
        if key not in chosen or page.locale_id == english.pk:
            chosen[key] = page
    return sorted(chosen.values(), key=lambda page: page.pk)


def load(home, **options):
    page = PublicationPage.objects.child_of(home).filter(slug=SLUG).first()
    fresh = set()  # editions published in this run: publishing queues their builds already
    if page is None:
        stories, walks = originals(StoryPage), originals(WalkPage)
        if not stories and not walks:
            return "skipped: no stories or walks (run their demos first)"
        chapters = [
            text_chapter(INTRO_TITLE, INTRO),
            part(PART_STORIES),
            *[chapter("story", story) for story in stories],
            part(PART_WALKS),
            *[chapter("walk", walk) for walk in walks],
            text_chapter(AFTERWORD_TITLE, AFTERWORD),
        ]
        page = PublicationPageFactory(
            parent=home,
            slug=SLUG,
            title=TITLE,
            subtitle=SUBTITLE,
            editors=EDITORS,
            foreword=FOREWORD,
            credits=CREDITS,
            funders=FUNDERS,
            summary="MINE’s storytelling book: stories and walks of the Bridges network, "
            "online, as PDF and as EPUB.",
            cover_image=demo_image(
                "Making care visible: the cover", "Mothers and children together", 30
            ),
            chapters=chapters,
            publish=True,
        )
        fresh.add(page.pk)
    editions = [page]
    for language, strings in TRANSLATIONS.items():
        existed = page.get_translation_or_none(Locale.objects.get(language_code=language))
        edition = translate_once(page, language, strings)
        if existed is None:
            fresh.add(edition.pk)
        editions.append(edition)
    # Editions whose files are missing (built before, then deleted, or a failed build) get a build.
    for edition in editions:
        built = EditionFile.objects.filter(page=edition).exclude(file="").count()
        if edition.pk not in fresh and built < 2:
            transaction.on_commit(lambda pk=edition.pk: build_publication.enqueue(pk))
    return f"“{TITLE}”: {len(page.contents.chapters)} chapters, in en, de and hu"
