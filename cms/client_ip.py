"""The visitor's address, read through the configured number of trusted proxies (django-ipware),
and the per-client limits counted on it (the story form, the recorder, event registration)."""

import dataclasses
import hashlib
import ipaddress
import warnings

from django.conf import settings
from django.core.cache import cache
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


def client_bucket(request) -> str:
    """What a limit counts as one client: an IPv4 address, or an IPv6 client's whole /64.

    A provider gives each connection at least a /64, and its holder may use any of its 2**64
    addresses: counting each one alone would give one household unlimited attempts.
    """
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


@dataclasses.dataclass(frozen=True)
class RateLimit:
    """At most a setting's number of counted requests per client in a window (seconds), counted
    in the cache (shared by all processes with Redis). The settings are read at each use.

    Only a hash of the client's address is kept, and only for the window.
    """

    scope: str
    limit_setting: str
    window_setting: str

    @property
    def limit(self) -> int:
        return getattr(settings, self.limit_setting)

    @property
    def window(self) -> int:
        return getattr(settings, self.window_setting)

    def key(self, request) -> str:
        digest = hashlib.sha256(client_bucket(request).encode()).hexdigest()[:32]
        return f"rate-limit:{self.scope}:{digest}"

    def reached(self, request) -> bool:
        return cache.get(self.key(request), 0) >= self.limit

    def count(self, request) -> None:
        key = self.key(request)
        cache.add(key, 0, timeout=self.window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window)
