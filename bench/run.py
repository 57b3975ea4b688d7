"""Benchmarks: requests per second and latency of Bridges' pages under the production server.

Starts gunicorn (cms.settings.production, DEBUG off) on a copy of the demo database, measures the
home page, a small static file served by the same server, and one live page of every page type the
demo has, then prints a table. It asserts nothing: it is a measurement, not a test.

    make bench                         # defaults
    BENCH_SECONDS=20 BENCH_CONCURRENCY=8 make bench
"""

import http.client
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
DATABASE = WORK / "bench.sqlite3"
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
WORKERS = os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2))
PYTHON = sys.executable

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
    "ALLOWED_HOSTS": f"{HOST},localhost",
    "DATABASE_URL": f"sqlite:///{DATABASE}",
    "STATIC_ROOT": str(WORK / "static"),
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "LOG_LEVEL": "WARNING",
}


def manage(*args, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def prepare_database():
    WORK.mkdir(exist_ok=True)
    source = ROOT / "db.sqlite3"
    if source.exists():
        shutil.copyfile(source, DATABASE)  # a copy: the benchmark never touches your data
    elif DATABASE.exists():
        DATABASE.unlink()
    manage("migrate", "--noinput")
    manage("load_demo_content")
    manage("collectstatic", "--noinput", "--clear")


def discover_urls():
    """One live English page of every page type in the demo, plus the static file."""
    script = (
        "import django; django.setup()\n"
        "from wagtail.models import Page\n"
        "seen = {}\n"
        "for page in Page.objects.live().public().filter(depth__gt=1, locale__language_code='en')"
        ".select_related('content_type').order_by('path'):\n"
        "    key = page.content_type.app_label + '.' + page.content_type.model_class().__name__\n"
        "    seen.setdefault(key, page.url)\n"
        "for key, url in seen.items(): print(key, url)\n"
    )
    output = subprocess.run(
        [PYTHON, "-c", script], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True
    ).stdout
    urls = [("static file", "/static/css/bridges.css")]
    for line in output.splitlines():
        name, url = line.split(" ", 1)
        urls.append((name, url))
    return urls


def count_queries(urls):
    script = (
        "import django, sys; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(HTTP_HOST='127.0.0.1')\n"
        "for url in sys.argv[1:]:\n"
        "    client.get(url)\n"
        "    with CaptureQueriesContext(connection) as ctx:\n"
        "        status = client.get(url).status_code\n"
        "    print(url, status, len(ctx.captured_queries))\n"
    )
    output = subprocess.run(
        [PYTHON, "-c", script, *[url for _name, url in urls]],
        cwd=ROOT,
        env={**ENV, "DJANGO_SETTINGS_MODULE": "cms.settings.production"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {
        line.split()[0]: (line.split()[1], int(line.split()[2])) for line in output.splitlines()
    }


def load(url):
    """CONCURRENCY clients request `url` for SECONDS; returns (requests/s, latencies in ms, errors)."""
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.perf_counter() + SECONDS

    def client():
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", url, headers={"Host": HOST})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
            with lock:
                if ok:
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / (time.perf_counter() - began), latencies, errors[0]


def wait_for_server(process):
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit("gunicorn did not start")
        try:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=1)
            connection.request("GET", "/static/css/bridges.css", headers={"Host": HOST})
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer")


def main():
    print("Preparing a copy of the demo database and the static files ...", flush=True)
    prepare_database()
    urls = discover_urls()
    queries = count_queries(urls)
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "cms.wsgi",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            WORKERS,
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
    )
    try:
        wait_for_server(server)
        rows = []
        for name, url in urls:
            load_url = url
            for _ in range(20):  # warm caches and renditions
                connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
                connection.request("GET", load_url, headers={"Host": HOST})
                connection.getresponse().read()
            rate, latencies, errors = load(load_url)
            rows.append((name, url, rate, latencies, errors))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    static_rate = rows[0][2] or 1
    print()
    print(
        f"gunicorn, {WORKERS} workers, {CONCURRENCY} concurrent clients, {SECONDS:.0f} s per URL "
        f"(cms.settings.production, DEBUG off, SQLite copy of the demo database)"
    )
    header = f"{'page':24} {'url':44} {'req/s':>8} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'vs static':>10} {'errors':>7}"
    print(header)
    print("-" * len(header))
    for name, url, rate, latencies, errors in rows:
        median = statistics.median(latencies) if latencies else float("nan")
        p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) >= 20 else float("nan")
        status, count = queries.get(url, ("-", 0))
        shown = url if len(url) <= 44 else url[:41] + "..."
        print(
            f"{name:24} {shown:44} {rate:8.1f} {median:10.1f} {p95:8.1f} {count:8d} "
            f"{rate / static_rate:10.2f} {errors:7d}"
        )


if __name__ == "__main__":
    main()
