"""`make bench`, part two: how listing and search latency grows with the number of stories.

Adds generated stories (bulk inserts: 100,000 through Wagtail's page API would take hours) to a copy
of the demo database and times, in-process with Django's test client (median of 5 warm requests,
the HTTP cache not involved): the API listing (20 items, fields=*), the stories list (first and
last page, with and without filters) and search. SQLite by default; PostgreSQL with
BENCH_DATABASE_URL (a database of its own: it is emptied). Asserts nothing.

    BENCH_SIZES=100,1000,10000,100000 .venv/bin/python bench/scale.py
"""

import os
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "100,1000,10000,100000").split(",")]
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK / 'scale.sqlite3'}")


def prepare():
    WORK.mkdir(exist_ok=True)
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    if DATABASE_URL.startswith("sqlite"):
        target = Path(DATABASE_URL.removeprefix("sqlite:///"))
        if (ROOT / "db.sqlite3").exists():
            shutil.copyfile(ROOT / "db.sqlite3", target)
        elif target.exists():
            target.unlink()
    else:
        # A fresh database: `flush` would also remove the locales the migrations made.
        parts = urlsplit(DATABASE_URL)
        admin = urlunsplit(parts._replace(path="/postgres"))
        name = parts.path.lstrip("/")
        for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
            subprocess.run(["psql", admin, "-qc", sql], check=True)
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def setup_django():
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DEBUG"] = "false"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


def add_stories(count: int) -> None:
    """`count` more live English stories, copies of a demo story, spread over the countries."""
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from network.models import CountryPage
    from stories.models import StoryPage

    template = StoryPage.objects.filter(locale__language_code="en").live().first()
    themes = list(template.themes.all())
    countries = list(CountryPage.objects.filter(locale_id=template.locale_id))
    fields = [f for f in StoryPage._meta.local_concrete_fields if f.column != "page_ptr_id"]
    columns = ["page_ptr_id", *[f.column for f in fields]]
    values = [f.get_db_prep_save(getattr(template, f.attname), connection) for f in fields]
    through = StoryPage.themes.through
    now = timezone.now()
    with transaction.atomic():
        for batch_start in range(0, count, 2000):
            batch = range(batch_start, min(count, batch_start + 2000))
            pages = []
            for n in batch:
                parent = countries[n % len(countries)]
                parent.numchild += 1
                slug = f"generated-{uuid.uuid4().hex[:10]}"
                pages.append(
                    Page(
                        path=parent._get_path(parent.path, parent.depth + 1, parent.numchild),
                        depth=parent.depth + 1,
                        numchild=0,
                        title=f"Generated story {n} about care",
                        draft_title=f"Generated story {n} about care",
                        slug=slug,
                        url_path=f"{parent.url_path}{slug}/",
                        content_type_id=template.content_type_id,
                        locale_id=template.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            created = Page.objects.filter(slug__in=[p.slug for p in pages]).values_list(
                "pk", flat=True
            )
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {StoryPage._meta.db_table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join(['%s'] * len(columns))})",
                    [[pk, *values] for pk in created],
                )
            through.objects.bulk_create(
                [through(storypage_id=pk, theme_id=theme.pk) for pk in created for theme in themes]
            )
        for country in countries:
            Page.objects.filter(pk=country.pk).update(numchild=country.numchild)


def timed(client, url) -> float:
    client.get(url)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main():
    print(f"Preparing {DATABASE_URL.split('@')[-1]} ...", flush=True)
    prepare()
    setup_django()
    from django.core.cache import cache
    from django.test import Client

    from network.models import CountryPage
    from stories.models import StoryIndexPage, StoryPage, Theme

    index = StoryIndexPage.objects.get(locale__language_code="en")
    theme = Theme.objects.filter(locale_id=index.locale_id).first()
    # A country whose section holds generated stories (add_stories spreads them over these).
    country = CountryPage.objects.filter(locale_id=index.locale_id).first()
    client = Client()
    rows, total = [], StoryPage.objects.count()
    for size in SIZES:
        if size > total:
            started = time.perf_counter()
            add_stories(size - total)
            print(
                f"  {size - total} stories added in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
            total = size
        cache.clear()
        live = StoryPage.objects.live().filter(locale_id=index.locale_id).count()
        last = max(1, (live + 11) // 12)
        api = "/api/v2/pages/?type=stories.StoryPage&fields=*&limit=20"
        in_country = f"{index.url}?theme={theme.slug}&country={country.slug}"
        urls = {
            "API 20 fields=*": api,
            "API last": f"{api}&offset={max(0, live - 20)}",
            "API hu fallback": f"{api}&locale=hu&fallback=true",
            "API hu fallback last": f"{api}&locale=hu&fallback=true&offset={max(0, live - 20)}",
            "stories p.1": index.url,
            "stories last p.": f"{index.url}?page={last}",
            "stories filtered p.1": f"{index.url}?theme={theme.slug}&language=en",
            "stories filtered last": f"{index.url}?theme={theme.slug}&language=en&page=999999",
            "country+theme p.1": in_country,
            "country+theme last": f"{in_country}&page=999999",
            "search care": "/en/search/?q=care",
        }
        rows.append((size, {name: timed(client, url) for name, url in urls.items()}))
        print(
            f"  {size}: " + ", ".join(f"{k} {v:.0f} ms" for k, v in rows[-1][1].items()), flush=True
        )
    names = list(rows[0][1])
    print()
    width = max(len(n) for n in names) + 1
    print(f"Latency (ms, median of 5) by number of stories; {DATABASE_URL.split(':')[0]}")
    # One line per request, one column per size: the table stays readable in a terminal.
    print(f"{'stories':<{width}}" + "".join(f"{size:>9}" for size, _ in rows))
    for name in names:
        print(f"{name:<{width}}" + "".join(f"{result[name]:>9.0f}" for _, result in rows))


if __name__ == "__main__":
    main()
