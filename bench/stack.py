"""`make bench`, part one: wrk (Debian's native load generator) against the production stack.

In one run, on a copy of the demo database (cms.settings.production, DEBUG off, SQLite unless
DATABASE_URL names another): a static file through nginx (the ceiling), the same through gunicorn,
the home page, a story and a walk through Varnish (deploy/varnish/default.vcl, cached) and straight
from gunicorn (uncached), the API detail of a story and a 20-item `fields=*` listing. Prints req/s,
p50/p99 latency, SQL queries per request and each row's ratio to the ceiling. Asserts nothing.

    BENCH_SECONDS=10 BENCH_CONNECTIONS=4 BENCH_THREADS=2 make bench
"""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402  (the database copy, the URLs and the query counts)
from tests.cache.servers import Varnish, free_port, stop, wait_for_port  # noqa: E402

ROOT = run.ROOT
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")


def install(binary: str, package: str) -> str:
    path = shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/usr/bin")
    if path:
        return path
    print(f"Installing {package} (apt-get) ...", flush=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", package],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return shutil.which(binary, path="/usr/sbin:/usr/bin")


def start_nginx(static_root: Path) -> tuple[subprocess.Popen, int, Path]:
    """nginx serving /static/ as deploy/nginx/bridges.conf does (the ceiling of any page)."""
    port = free_port()
    prefix = run.WORK / "nginx"
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    include /etc/nginx/mime.types;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        location /static/ {{ alias {static_root}/; expires 1y; }}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [install("nginx", "nginx"), "-c", str(conf), "-p", str(prefix), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    return process, port


def wrk(url: str) -> dict:
    output = subprocess.run(
        [
            install("wrk", "wrk"),
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rate": rate,
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def story_id() -> int:
    script = (
        "import django; django.setup()\n"
        "from stories.models import StoryPage\n"
        "print(StoryPage.objects.live().filter(locale__language_code='en').first().pk)\n"
    )
    return int(
        subprocess.run(
            [run.PYTHON, "-c", script], cwd=ROOT, env=run.ENV, capture_output=True, text=True
        ).stdout.strip()
    )


def main():
    print("Preparing a copy of the demo database and the static files ...", flush=True)
    run.prepare_database()
    pages = dict(run.discover_urls())
    home, story, walk = "/en/", pages["stories.StoryPage"], pages["walks.WalkPage"]
    pk = story_id()
    api_detail = f"/api/v2/pages/{pk}/"
    api_list = "/api/v2/pages/?type=stories.StoryPage&fields=*&limit=20"
    static = "/static/css/bridges.css"
    queries = run.count_queries(
        [(n, u) for n, u in [("", home), ("", story), ("", walk), ("", api_detail), ("", api_list)]]
    )

    gunicorn_port = free_port()
    gunicorn = subprocess.Popen(
        [run.PYTHON, "-m", "gunicorn", "--config", str(ROOT / "deploy/gunicorn.conf.py")],
        cwd=ROOT,
        env={
            **run.ENV,
            "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}",
            "GUNICORN_WORKERS": WORKERS,
            "GUNICORN_ACCESS_LOG": "/dev/null",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    install("varnishd", "varnish")
    nginx = varnish = None
    try:
        wait_for_port(gunicorn_port, gunicorn, 60)
        varnish = Varnish(gunicorn_port)
        nginx, nginx_port = start_nginx(run.WORK / "static")
        direct = f"http://127.0.0.1:{gunicorn_port}"
        cached = varnish.url
        rows = [
            ("static file, nginx (ceiling)", f"http://127.0.0.1:{nginx_port}{static}", 0),
            ("static file, gunicorn", direct + static, 0),
            ("home, Varnish", cached + home, 0),
            ("story, Varnish", cached + story, 0),
            ("walk, Varnish", cached + walk, 0),
            ("home, uncached", direct + home, queries.get(home, ("", 0))[1]),
            ("story, uncached", direct + story, queries.get(story, ("", 0))[1]),
            ("walk, uncached", direct + walk, queries.get(walk, ("", 0))[1]),
            ("API detail (story)", direct + api_detail, queries.get(api_detail, ("", 0))[1]),
            ("API 20 stories fields=*", direct + api_list, queries.get(api_list, ("", 0))[1]),
        ]
        results = []
        for name, url, count in rows:
            for _ in range(3):  # warm: renditions, caches, Varnish
                subprocess.run(["curl", "-s", "-o", "/dev/null", url], check=False)
            results.append((name, url, count, wrk(url)))
            time.sleep(0.5)
    finally:
        for process in (nginx, gunicorn):
            if process is not None:
                stop(process)
        if varnish is not None:
            varnish.stop()

    ceiling = results[0][3]["rate"] or 1
    print()
    print(
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s; gunicorn {WORKERS} workers "
        f"(cms.settings.production, DEBUG off); Varnish with deploy/varnish/default.vcl"
    )
    header = f"{'what':30} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'vs nginx':>9} {'non-2xx':>8}"
    print(header)
    print("-" * len(header))
    for name, _url, count, result in results:
        print(
            f"{name:30} {result['rate']:9.0f} {result['p50']:8.2f} {result['p99']:8.2f} "
            f"{count:8d} {result['rate'] / ceiling:9.3f} {result['errors']:8d}"
        )


if __name__ == "__main__":
    main()
