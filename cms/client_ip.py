"""The visitor's address, read through the configured number of trusted proxies (django-ipware)."""

import warnings

from django.conf import settings
from ipware import get_client_ip


def client_address(request) -> str:
    """The address the request came from, as the nearest trusted proxy saw it.

    With BRIDGES_TRUSTED_PROXY_COUNT = 0 (no proxy) only the socket's address counts: any
    X-Forwarded-For is written by the visitor. With N proxies, each appending the address it saw
    (nginx's $proxy_add_x_forwarded_for), the client is the N-th entry from the right; what the
    visitor wrote further left is never read. ipware counts the proxies *besides* the one that
    connects to Django, hence N - 1.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.BRIDGES_TRUSTED_PROXY_COUNT
    if proxies <= 0:
        legacy = getattr(settings, "STORIES_CLIENT_IP_HEADER", "")
        if legacy:
            warnings.warn(
                "STORIES_CLIENT_IP_HEADER is ignored: set BRIDGES_TRUSTED_PROXY_COUNT instead.",
                DeprecationWarning,
                stacklevel=2,
            )
        return remote
    address, _routable = get_client_ip(
        request,
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or remote
