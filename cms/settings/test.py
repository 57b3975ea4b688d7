"""Tests: the same settings as production in shape, on SQLite or DATABASE_URL, fast and quiet."""

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "bridges-tests-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# No internet on the test machines: YouTube and Vimeo embeds come from a stub finder.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.stub_embeds.StubEmbedFinder"}]
