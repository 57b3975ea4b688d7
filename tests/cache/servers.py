"""Real servers for the cache and storage tests: Varnish with deploy/'s VCL, gunicorn with deploy/'s
settings, moto's S3 server. Each starts once per test session (per xdist worker) on free ports."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def varnishd() -> str:
    """Debian's varnishd, installed with apt-get when missing; a skip with the reason otherwise."""
    path = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None
    )
    if path:
        return path
    if shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "varnish"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            capture_output=True,
        )
        if os.path.exists("/usr/sbin/varnishd"):
            return "/usr/sbin/varnishd"
    pytest.skip("Varnish is not installed and cannot be installed here (apt-get as root needed)")


class Varnish:
    """varnishd in the foreground with deploy/varnish/default.vcl, its backend pointed at `port`."""

    def __init__(self, backend_port: int, port: int | None = None):
        self.workdir = Path(tempfile.mkdtemp(prefix="bridges-varnish-"))
        os.chmod(self.workdir, 0o755)
        vcl = re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text())
        self.vcl = self.workdir / "default.vcl"
        self.vcl.write_text(vcl)
        os.chmod(self.vcl, 0o644)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                varnishd(),
                "-F",
                "-n",
                str(self.workdir / "n"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-T",
                "none",
                "-f",
                str(self.vcl),
                "-s",
                "malloc,32m",
                # Small and quick: tests run a handful of requests.
                "-p",
                "thread_pool_min=5",
                "-p",
                "thread_pools=1",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_for_port(self.port, self.process)
        except RuntimeError as error:
            stop(self.process)
            err = self.process.stderr.read().decode(errors="replace")[-2000:]
            pytest.skip(f"Varnish did not start: {error}: {err}")

    def stop(self):
        stop(self.process)
        shutil.rmtree(self.workdir, ignore_errors=True)


def get(url: str, headers: dict | None = None):
    """(status, headers, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


class Gunicorn:
    """gunicorn with deploy/gunicorn.conf.py on a free port, with the environment given."""

    def __init__(self, env: dict):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONF)],
            cwd=ROOT,
            env={
                **os.environ,
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": "1",
                "GUNICORN_ACCESS_LOG": "/dev/null",
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process, 60)

    def stop(self):
        stop(self.process)


class MotoS3:
    """moto's S3 server (`moto_server`), a real HTTP S3 on a free port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process, 60)

    def stop(self):
        stop(self.process)
