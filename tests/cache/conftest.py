"""Session-wide servers for the cache tests (started once per xdist worker)."""

from urllib.parse import urlsplit

import pytest

from cms.frontend_cache import VarnishBackend
from tests.cache.servers import Varnish


@pytest.fixture(scope="session")
def varnish(live_server):
    """Varnish with deploy/varnish/default.vcl in front of pytest-django's live server."""
    server = Varnish(urlsplit(live_server.url).port)
    yield server
    server.stop()


@pytest.fixture
def purging_varnish(varnish, settings):
    """Publishing purges `varnish` (cms.frontend_cache); it starts each test empty."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "cms.frontend_cache.VarnishBackend", "LOCATION": varnish.url}
    }
    VarnishBackend({"LOCATION": varnish.url}).ban_prefix("/")
    return varnish
