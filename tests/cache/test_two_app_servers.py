"""Two app servers (gunicorn with deploy/gunicorn.conf.py) sharing PostgreSQL, Redis and S3 (moto),
a task worker beside them, Varnish (deploy/varnish/default.vcl) in front of the second: an editor
unpublishes on the first, and readers of the second get the change through the cache at once."""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.db import connection

from stories.factories import StoryPageFactory
from tests.cache.servers import ROOT, Gunicorn, MotoS3, Varnish, free_port, get, stop

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REDIS_URL = "redis://127.0.0.1:6379/13"  # a database of its own, emptied first


@pytest.fixture
def cluster(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip(
            "two app servers share one database: PostgreSQL only (SQLite tests are in memory)"
        )
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    s3 = MotoS3()
    db = connection.settings_dict
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "SECRET_KEY": "two-app-servers-test-secret",
        "ALLOWED_HOSTS": "*",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "AWS_STORAGE_BUCKET_NAME": "bridges-media",
        "AWS_S3_ENDPOINT_URL": s3.url,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "BRIDGES_PURGE_RETRY_DELAY": "1",
    }
    varnish_port = free_port()
    env["BRIDGES_VARNISH_URL"] = f"http://127.0.0.1:{varnish_port}"
    first, second = Gunicorn(env), Gunicorn(env)
    varnish = Varnish(second.port, port=varnish_port)
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield first, second, varnish
    stop(worker)
    for server in (first, second, varnish, s3):
        server.stop()


class Browser:
    """An editor's browser: cookies kept, forms posted with their CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post_form(self, path: str, data: dict) -> int:
        html = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.status


def wait_for(check, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_unpublish_on_one_server_is_fresh_through_the_cache_of_the_other(
    cluster, slovakia, section_pages
):
    first, second, varnish = cluster
    story = StoryPageFactory(parent=slovakia, title="Read through the cache")
    editor_user = User.objects.create_superuser("editor", "editor@example.org")
    # The servers run the production hashers (the tests' MD5 is unknown to them).
    editor_user.password = PBKDF2PasswordHasher().encode("a-long-test-password", "salt1234", 1000)
    editor_user.save()

    status, headers, body = get(varnish.url + story.url)
    assert status == 200 and "Read through the cache" in body
    assert get(varnish.url + story.url)[1]["X-Cache"] == "HIT"
    listing = section_pages["stories"].url
    get(varnish.url + listing)
    assert "Read through the cache" in get(varnish.url + listing)[2]

    editor = Browser(first.url)
    editor.post_form(
        "/admin/login/",
        {"username": "editor", "password": "a-long-test-password", "next": "/admin/"},
    )
    assert editor.post_form(f"/admin/pages/{story.pk}/unpublish/", {}) == 200

    # The first server queued the purge; the worker sent it; the second's readers see the change.
    story.refresh_from_db()
    assert not story.live
    assert wait_for(lambda: get(varnish.url + story.url)[0] == 404), "still served from the cache"
    assert "Read through the cache" not in get(varnish.url + listing)[2]
