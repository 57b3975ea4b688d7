"""`make bench`: how long a 100-chapter publication takes to build as PDF and EPUB, and its peak memory.

Runs on a throw-away SQLite database and media folder: 100 stories, each with three paragraphs and
a photo, gathered in one publication in two parts, then each file is built once.
"""

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

CHAPTERS = int(os.environ.get("BENCH_CHAPTERS", "100"))


def main():
    base = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(base))
    work = Path(tempfile.mkdtemp(prefix="bridges-bench-publication-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("migrate", verbosity=0)

    from cms.core.demo import demo_image, english_home
    from publications.builds import build_epub, build_pdf
    from publications.factories import PublicationPageFactory, chapter, part
    from publications.models import PublicationPage
    from stories.models import StoryPage

    home = english_home()
    print(f"Making {CHAPTERS} stories with a photo each ...", flush=True)
    chapters = [part("Part one")]
    for number in range(1, CHAPTERS + 1):
        photo = demo_image(
            f"Bench photo {number % 10}", "Mothers and children together", number % 10
        )
        story = StoryPage(
            title=f"Story {number}: care in the kitchen",
            locale=home.locale,
            image=photo,
            body=[
                ("paragraph", f"<p>Paragraph {n} of story {number}. " + "Care work. " * 40 + "</p>")
                for n in range(3)
            ],
        )
        home.add_child(instance=story)
        story.save_revision().publish()
        chapters.append(chapter("story", story))
        if number == CHAPTERS // 2:
            chapters.append(part("Part two"))
    page = PublicationPageFactory(parent=home, chapters=chapters, publish=True)
    page = PublicationPage.objects.get(pk=page.pk)

    print(f"{'file':6} {'chapters':>8} {'seconds':>8} {'size MB':>8} {'peak Python MB':>15}")
    for name, build in (("PDF", build_pdf), ("EPUB", build_epub)):
        page = PublicationPage.objects.get(pk=page.pk)  # contents resolved inside the timing
        tracemalloc.start()
        started = time.perf_counter()
        data = build(page)
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"{name:6} {CHAPTERS:>8} {seconds:>8.1f} {len(data) / 1e6:>8.1f} {peak / 1e6:>15.0f}",
            flush=True,
        )
    # ru_maxrss is in kilobytes on Linux: the whole process, Pango and fonts included.
    print(
        f"peak resident memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
