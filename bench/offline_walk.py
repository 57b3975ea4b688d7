"""`make bench`: how big a saved demo walk is, and how long saving it takes on a slow phone connection.

Loads the demo content into a throw-away SQLite database, starts the development server (it serves
the photos and recordings), opens the demo walk "A walk through Family Center Mala Ulica" in Debian's
chromium (Playwright) with the connection throttled through the DevTools protocol, presses "Save this
walk for offline use" and prints the size the server announced, what was stored, and the time. The
machine has no connection to the tile server: map tiles are answered locally with 20 KB each and are
not throttled (their share of the total is small; the announced size counts them at 25 KB each).

    BENCH_THROTTLE=fast3g|slow4g|none  (default fast3g: 1.6 Mbit/s down, 150 ms round trip)
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench" / "offline"
PYTHON = sys.executable
PROFILES = {
    # Chrome DevTools' presets: bytes per second and milliseconds.
    "fast3g": {"latency": 150, "down": 1.6e6 / 8, "up": 750e3 / 8},
    "slow4g": {"latency": 75, "down": 9e6 / 8, "up": 1.5e6 / 8},
    "none": None,
}
WALK_SLUG = "walk-mala-ulica"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    profile_name = os.environ.get("BENCH_THROTTLE", "fast3g")
    profile = PROFILES[profile_name]
    # Kept between runs: loading the demo again only fills in what is missing.
    WORK.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{WORK / 'db.sqlite3'}",
        "MEDIA_ROOT": str(WORK / "media"),
        "LOG_LEVEL": "WARNING",
    }
    print("Loading the demo content ...", flush=True)
    for args in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    url_script = (
        "import django; django.setup()\n"
        "from walks.models import WalkPage\n"
        "walk = WalkPage.objects.live().filter(locale__language_code='en')"
        ".order_by('first_published_at').first()\n"
        "print(walk.url)\n"
    )
    walk_url = subprocess.run(
        [PYTHON, "-c", url_script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        measure(f"http://127.0.0.1:{port}", walk_url, profile_name, profile)
    finally:
        server.terminate()
        server.wait(10)


def measure(base, walk_url, profile_name, profile):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        # The service worker is left out: saving needs only the page and Cache Storage, and the
        # worker's own fetches would escape the page's throttling (DevTools throttles one target).
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, service_workers="block"
        )
        context.route(
            "https://tile.openstreetmap.org/**",
            lambda route: route.fulfill(
                status=200,
                body=b"\0" * 20_000,
                headers={"Content-Type": "image/png", "Access-Control-Allow-Origin": "*"},
            ),
        )
        page = context.new_page()
        page.goto(base + walk_url)
        expect(page.locator("[data-walk-offline-size]")).to_contain_text("MB", timeout=60_000)
        announced = page.locator("[data-walk-offline-size]").inner_text()
        manifest = page.evaluate(
            "url => fetch(url).then(r => r.json())",
            page.locator("[data-walk-offline]").get_attribute("data-manifest"),
        )
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        transferred = []
        cdp.on(
            "Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"])
        )
        if profile:
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": profile["latency"],
                    "downloadThroughput": profile["down"],
                    "uploadThroughput": profile["up"],
                },
            )
        started = time.perf_counter()
        page.get_by_role("button", name="Save this walk for offline use").click()
        expect(page.locator("[data-walk-offline-status]")).to_have_text(
            "The walk is saved on this phone.", timeout=900_000
        )
        seconds = time.perf_counter() - started
        over_the_network = sum(transferred)
        stored = page.evaluate("""async () => {
            let bytes = 0, files = 0;
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    bytes += (await response.arrayBuffer()).byteLength; files += 1;
                }
            }
            return {bytes, files};
        }""")
        browser.close()
    kinds = {}
    for entry in manifest["files"]:
        count, size = kinds.get(entry["kind"], (0, 0))
        kinds[entry["kind"]] = (count + 1, size + (entry["bytes"] or 0))
    print(f"\nSaving the demo walk {walk_url} for offline use ({profile_name})")
    print(f"  announced: {announced}")
    for kind, (count, size) in sorted(kinds.items()):
        print(f"  {kind:<9} {count:>4} files {size / 1e6:>7.2f} MB")
    print(
        f"  manifest total {manifest['bytes'] / 1e6:.2f} MB; stored {stored['files']} responses, "
        f"{stored['bytes'] / 1e6:.2f} MB (the offline page and its styles included)"
    )
    print(
        f"  over the network while saving: {over_the_network / 1e6:.2f} MB in {len(transferred)} "
        "responses (styles and scripts the page had loaded answer 304 Not Modified)"
    )
    print(f"  time to save: {seconds:.1f} s")


if __name__ == "__main__":
    main()
