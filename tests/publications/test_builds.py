"""The PDF and EPUB of each edition: built through the task queue, readable, valid, failures reported."""

import shutil
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from pypdf import PdfReader

from publications import builds
from publications.models import EditionFile, PublicationPage
from publications.tasks import build_publication

pytestmark = pytest.mark.django_db
EPUBCHECK = "/usr/share/java/epubcheck.jar"


def queued_builds(queue) -> list:
    return [r.args for r in queue.results if r.task.func is build_publication.func]


def run_queue(queue) -> None:
    for result in list(queue.results):
        result.task.call(*result.args, **result.kwargs)
    queue.clear()


def edition_files(page) -> dict[str, EditionFile]:
    return {f.format: f for f in EditionFile.objects.filter(page=page)}


@pytest.fixture
def built(publication, task_queue) -> PublicationPage:
    run_queue(task_queue)
    return PublicationPage.objects.get(pk=publication.pk)


def test_publishing_queues_a_build_and_readers_never_wait(client, publication, task_queue):
    assert queued_builds(task_queue) == [[publication.pk]]
    assert EditionFile.objects.filter(page=publication).count() == 0

    soup = BeautifulSoup(client.get(publication.url).content, "html.parser")
    downloads = [li.get_text(" ", strip=True) for li in soup.select(".publication__downloads li")]
    assert downloads == [
        "PDF file: being prepared. Please come back in a few minutes.",
        "EPUB file: being prepared. Please come back in a few minutes.",
    ]
    response = client.get(publication.url + "download/pdf/")
    assert response.status_code == 503
    assert response["Retry-After"] == "300"

    run_queue(task_queue)
    files = edition_files(publication)
    assert set(files) == {"pdf", "epub"}
    soup = BeautifulSoup(client.get(publication.url).content, "html.parser")
    links = soup.select(".publication__downloads a")
    assert [a["href"] for a in links] == [
        publication.url + "download/pdf/",
        publication.url + "download/epub/",
    ]
    meta = soup.select_one(".publication__file-meta").get_text(" ", strip=True).replace("\xa0", " ")
    assert meta.startswith(f"{files['pdf'].size / 1024:.1f} KB, made ")

    response = client.get(publication.url + "download/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Making care visible (en).pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_publishing_a_chapter_rebuilds_the_publications_that_contain_it(
    publication, story, walk, task_queue, django_capture_on_commit_callbacks
):
    task_queue.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert queued_builds(task_queue) == [[publication.pk]]
    task_queue.clear()
    with django_capture_on_commit_callbacks(execute=True):
        walk.unpublish()
    assert queued_builds(task_queue) == [[publication.pk]]


def outline_titles(reader: PdfReader) -> list:
    def walk(items):
        return [walk(item) if isinstance(item, list) else item.title for item in items]

    return walk(reader.outline)


def alt_texts(node, found=None) -> list[str]:
    """Every /Alt in the PDF's structure tree (tagged PDF): what a screen reader says for images."""
    found = [] if found is None else found
    node = node.get_object()
    if isinstance(node, dict):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        if "/K" in node:
            alt_texts(node["/K"], found)
    elif isinstance(node, list):
        for child in node:
            alt_texts(child, found)
    return found


def test_the_pdf_has_the_chapters_a_linked_contents_and_alt_texts(built):
    reader = PdfReader(edition_files(built)["pdf"].file.open("rb"))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in [
        "Making care visible",
        "Care work is everywhere and seen nowhere.",
        "Майчините центрове в България",  # Cyrillic, from a font that covers it
        "Every Tuesday the kitchen of the centre is open to all.",
        "Narration of stop 2.",
        "Welcome to our centre, says Maja.",  # the sound's transcript, printed in full
        "Funded by the State Ministry of Baden-Württemberg.",
    ]:
        assert expected in text
    # The cover's title is not a bookmark: the outline starts with the book's first section.
    assert outline_titles(reader) == [
        "About this book",
        "Contents",
        "Why this book",
        "Part one: stories",
        ["A kitchen table for everyone", ["Soup for forty"]],
        "Part two: walks",
        [
            "A walk through Žilina",
            [
                "Stop 1: 1. Family Center Mala Ulica",
                "Stop 2: 2. Prešeren Square",
                "Stop 3: 3. Triple Bridge",
            ],
        ],
    ]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    alts = alt_texts(root["/StructTreeRoot"])
    assert "Children playing in a courtyard" in alts
    assert "The courtyard seen all around" in alts
    assert "QR code: scan it to follow this walk online" in alts
    # The contents page links to the chapters (internal links), and pages are numbered.
    contents_page = next(p for p in reader.pages if "Contents" in p.extract_text())
    links = [a.get_object() for a in contents_page.get("/Annots", [])]
    assert sum(1 for link in links if link.get("/Subtype") == "/Link") >= 5
    assert reader.pages[3].extract_text().strip().endswith("4")


@pytest.mark.skipif(
    shutil.which("java") is None, reason="epubcheck needs Java (make test installs it)"
)
def test_the_epub_is_valid_navigable_and_describes_its_images(built, tmp_path):
    path = tmp_path / "book.epub"
    path.write_bytes(edition_files(built)["epub"].file.open("rb").read())
    check = subprocess.run(
        ["java", "-jar", EPUBCHECK, str(path)], capture_output=True, text=True, timeout=300
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No errors or warnings detected." in check.stdout

    with zipfile.ZipFile(path) as epub:
        nav = BeautifulSoup(epub.read("EPUB/nav.xhtml"), "html.parser")
        assert [a.get_text(strip=True) for a in nav.select("nav li a, nav li span")] == [
            "Title page",
            "Why this book",
            "Part one: stories",
            "A kitchen table for everyone",
            "Part two: walks",
            "A walk through Žilina",
        ]
        walk = BeautifulSoup(epub.read("EPUB/chapter-3.xhtml"), "html.parser")
        assert walk.html["lang"] == "en"
        images = walk.find_all("img")
        assert len(images) == 3  # the QR code, the photo, the 360° photo printed flat
        assert all(img["alt"].strip() for img in images)
        assert all(img["src"].startswith("images/") for img in images)
        assert {img["src"] for img in images} <= set(epub.namelist()) | {
            n.removeprefix("EPUB/") for n in epub.namelist()
        }


def test_a_failed_build_keeps_the_previous_file_and_tells_the_editors(
    built, admin_client, client, monkeypatch, run_builds, django_capture_on_commit_callbacks
):
    before = edition_files(built)
    old_pdf = before["pdf"].file.name

    def broken(page):
        raise RuntimeError("the cover image file is missing")

    monkeypatch.setitem(builds.BUILDERS, "pdf", broken)
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append(task_result)

    task_finished.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            built.save_revision().publish()
    finally:
        task_finished.disconnect(record)

    after = edition_files(built)
    assert after["pdf"].file.name == old_pdf and default_storage.exists(old_pdf)
    assert after["pdf"].error == "RuntimeError: the cover image file is missing"
    assert after["pdf"].failed_at is not None
    assert after["epub"].error == "" and after["epub"].built_at > before["epub"].built_at
    builds_run = [r for r in finished if r.task.func is build_publication.func]
    assert [r.status for r in builds_run] == [TaskResultStatus.FAILED]

    assert client.get(built.url + "download/pdf/").status_code == 200
    edit = admin_client.get(f"/admin/pages/{built.pk}/edit/")
    soup = BeautifulSoup(edit.content, "html.parser")
    alert = soup.select_one(".publication-status [role=alert]").get_text(" ", strip=True)
    assert "The last PDF build failed" in alert
    assert "Readers still get the previous file." in alert
    assert "RuntimeError: the cover image file is missing" in alert


def test_one_build_waits_in_the_queue_for_an_edition_however_often_it_changes(
    publication, story, walk, settings, django_capture_on_commit_callbacks
):
    # Publishing a chapter publishes its aliases in every language too; each asked for a build.
    from django_tasks_db.models import DBTaskResult

    from tests.mail_helpers import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            story.save_revision().publish()
    builds = DBTaskResult.objects.filter(task_path=build_publication.module_path)
    assert [row.args_kwargs["args"] for row in builds] == [[publication.pk]]
    assert builds.get().priority < 0  # after mails and purges
