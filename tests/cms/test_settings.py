"""Production settings: refuse to start without SECRET_KEY; no warning from check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    # A clean environment as on a server: no secret, no test-only switches.
    scrubbed = {"SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in scrubbed}
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Bridges will not start: set the SECRET_KEY environment variable (a long random value)."
    ]


def test_production_passes_check_deploy_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-secret-for-this-test-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="bridges.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
