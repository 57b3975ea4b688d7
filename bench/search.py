"""Benchmark: site search per language with many pages (issue 10).

Fills a database of its own with English, German and Slovak stories (bulk-inserted, then indexed
through the search backend, as the CSV import does for centres), then times the search a reader
runs: /<lang>/search/?q= in full (count, ten results, excerpts, the HTML) and the search query
alone, for a selective word (in one story in a thousand) and a common one (in every story of
its language, a third of the pages). It asserts nothing: it prints a table.

    python bench/search.py                          # SQLite: .bench/search.sqlite3, 10,000 pages
    DATABASE_URL=sqlite:///.bench/search100k.sqlite3 BENCH_SEARCH_PAGES=100000 python bench/search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bridges_bench_search \\
        BENCH_SEARCH_PAGES=100000 python bench/search.py

The database is kept between runs (only missing pages are added); delete it to start again.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
PAGES = int(os.environ.get("BENCH_SEARCH_PAGES", "10000"))
RUNS = int(os.environ.get("BENCH_SEARCH_RUNS", "7"))

os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'search.sqlite3'}")
# The development settings with DEBUG off: the production ones want collected static files.
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
sys.path.insert(0, str(ROOT))

# Words of each language, so that each configuration has something to stem or fold.
WORDS = {
    "en": "mothers mother care family families children centre neighbourhood meeting work women",
    "de": "Mütter Müttern Mutter Familie Familien Kinder Zentrum Nachbarschaft Treffen Arbeit Frauen",
    "sk": "matky matkám matka ženy žien žena rodina rodiny deti centrum susedstvo stretnutie práca",
}
# A word in about one story in a thousand: the selective search (the common words above are in
# nearly every story of their language, a third of all pages).
RARE = {"en": "allotment", "de": "Schrebergarten", "sk": "záhradkári"}
RARE_SHARE = 0.001
QUERIES = [
    ("de", "Schrebergarten", "selective"),
    ("sk", "zahradkari", "selective"),
    ("en", "allotment", "selective"),
    ("de", "Müttern", "common"),
    ("de", "Familie", "common"),  # PostgreSQL: German and English stories ("famili")
    ("sk", "zien", "common"),
    ("en", "mothers care", "common"),
]


def sentence(rng: random.Random, language: str, words: int) -> str:
    chosen = [rng.choice(WORDS[language].split()) for _ in range(words)]
    if rng.random() < RARE_SHARE:
        chosen[rng.randrange(words)] = RARE[language]
    return " ".join(chosen).capitalize() + "."


def setup_django():
    WORK.mkdir(exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def indexes():
    """The stories page of each benchmarked language (made once, translated as an editor would)."""
    from cms.core.translation import translate_page
    from home.factories import english_home
    from stories.factories import StoryIndexPageFactory

    home = english_home()
    english = StoryIndexPageFactory(parent=home, title="Stories", slug="stories")
    result = {"en": english}
    for code in ["de", "sk"]:
        existing = english.get_translation_or_none(_locale(code))
        if existing is None or existing.alias_of_id:
            translate_page(home, code, {})
            existing = translate_page(english, code, {})
        result[code] = existing.specific
    return result


def _locale(code: str):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def add_stories(parent, language: str, count: int, rng: random.Random) -> None:
    """`count` live stories under `parent`, inserted in bulk, then indexed in batches."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F, prefetch_related_objects
    from django.utils import timezone
    from modelsearch.backends import get_search_backends
    from wagtail.models import Page

    from stories.models import StoryPage

    content_type = ContentType.objects.get_for_model(StoryPage)
    own_fields = [f for f in StoryPage._meta.local_concrete_fields if f.column != "page_ptr_id"]
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    batch = 2000
    for start in range(0, count, batch):
        with transaction.atomic():
            parent = Page.objects.get(pk=parent.pk)
            last = parent.get_last_child()
            step = Page._str2int(last.path[-Page.steplen :]) if last else 0
            now = timezone.now()
            stories = []
            for number in range(step + 1, step + 1 + min(batch, count - start)):
                title = sentence(rng, language, 4)[:-1]
                slug = f"bench-{language}-{number}"
                stories.append(
                    StoryPage(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        summary=sentence(rng, language, 40),
                        original_language=language,
                        date=now.date(),
                        body="[]",
                        depth=parent.depth + 1,
                        path=Page._get_path(parent.path, parent.depth + 1, number),
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        locale_id=parent.locale_id,
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            bases = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(s, f.attname) for f in base_fields}) for s in stories]
            )
            for story, base in zip(stories, bases, strict=True):
                story.pk = story.page_ptr_id = base.pk
            columns = ["page_ptr_id", *[f.column for f in own_fields]]
            rows = [
                [
                    story.pk,
                    *[
                        f.get_db_prep_save(getattr(story, f.attname), connection)
                        for f in own_fields
                    ],
                ]
                for story in stories
            ]
            placeholders = ", ".join(["%s"] * len(columns))
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {StoryPage._meta.db_table} ({', '.join(columns)}) "
                    f"VALUES ({placeholders})",
                    rows,
                )
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(stories))
            # The index reads each story's themes: fetched for all at once, not one by one.
            prefetch_related_objects(stories, "themes")
            for backend in get_search_backends():
                backend.add_bulk(StoryPage, stories)
        print(f"  {language}: {start + len(stories)} of {count} stories added", flush=True)


def timed(function) -> list[float]:
    function()  # warm
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main():
    setup_django()
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    from cms.search import (
        RESULTS_PER_PAGE,
        SearchPaginator,
        attach_excerpts,
        search_pages,
        searchable_pages,
    )
    from stories.models import StoryPage

    rng = random.Random(10)
    parents = indexes()
    existing = StoryPage.objects.count()
    missing = max(0, PAGES - existing)
    print(f"{connection.vendor}: {existing} stories, adding {missing}", flush=True)
    for index, (language, parent) in enumerate(parents.items()):
        share = missing // len(parents) + (1 if index < missing % len(parents) else 0)
        if share:
            add_stories(parent, language, share, rng)
    if connection.vendor == "postgresql":
        # Fresh planner statistics, as autovacuum would make after a bulk insert: without them
        # PostgreSQL takes the index entries for a few rows and plans for those.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    total = Page.objects.count()

    client = Client()
    print()
    print(f"Search with {total} pages on {connection.vendor} (median of {RUNS}, ms)")
    print("found: results shown to the reader (counted up to 1,000);")
    print("search: the count, ten results and their excerpts; page: /<lang>/search/ in full")
    print(f"{'query':34} {'kind':>10} {'found':>8} {'search':>8} {'page':>8}")
    for language, query, kind in QUERIES:
        locale = _locale(language)

        def search_only(locale=locale, query=query, language=language):
            results = search_pages(searchable_pages(locale), query, language)
            paginator = SearchPaginator(results, RESULTS_PER_PAGE)
            page = list(paginator.page(1).object_list)
            attach_excerpts(page, query, language)
            return paginator

        paginator = search_only()
        found = f"{paginator.count}+" if paginator.more else str(paginator.count)
        search_ms = statistics.median(timed(search_only))
        url = f"/{language}/search/?q={query}"
        page_ms = statistics.median(timed(lambda url=url: client.get(url)))
        assert client.get(url).status_code == 200
        print(f"{url:34} {kind:>10} {found:>8} {search_ms:>8.1f} {page_ms:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
