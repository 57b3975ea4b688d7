"""Where a page's time goes: SQL queries and a pyinstrument profile of one page type each.

    .venv/bin/python bench/profile.py [URL ...]      # default: one page of every type in the demo

Runs in-process (Django's test client, production-like settings, DEBUG off) on the database of
DATABASE_URL; prints each page's query count, its repeated queries and pyinstrument's call tree.
"""

import os
import sys
from collections import Counter

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("DEBUG", "false")

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pyinstrument import Profiler  # noqa: E402
from wagtail.models import Page  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]


def default_urls():
    seen = {}
    for page in (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, locale__language_code="en")
        .select_related("content_type")
        .order_by("path")
    ):
        key = f"{page.content_type.app_label}.{page.content_type.model_class().__name__}"
        seen.setdefault(key, page.url)
    return list(seen.values())


def main(urls):
    client = Client(HTTP_HOST="127.0.0.1")
    for url in urls:
        client.get(url)  # warm caches and renditions
        with CaptureQueriesContext(connection) as ctx:
            status = client.get(url).status_code
        shapes = Counter(q["sql"].split(" WHERE ")[0][:110] for q in ctx.captured_queries)
        print(f"\n=== {url} {status}: {len(ctx.captured_queries)} queries")
        for shape, count in shapes.most_common(6):
            print(f"  {count:3d} x {shape}")
        if os.environ.get("PROFILE", "1") == "1":
            profiler = Profiler(interval=0.0005)
            profiler.start()
            for _ in range(20):
                client.get(url)
            profiler.stop()
            print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])


if __name__ == "__main__":
    main(sys.argv[1:] or default_urls())
