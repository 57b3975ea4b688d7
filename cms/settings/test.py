"""Tests: the same settings as production in shape, on SQLite or DATABASE_URL, fast and quiet."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bridges-tests-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Mail is still recorded and sent by a task, delivered into django.core.mail.outbox.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the request, so a test sees their effect; a test that needs the queue
# (mail retries, a silent mail server) switches to the database backend and runs the worker itself.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {  # as development's without Redis (base.py)
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}
# Each test run writes its uploads to a folder of its own, removed at the end of the session.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bridges-test-media-"))
BRIDGES_PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bridges-test-private-media-"))
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BRIDGES_PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
ALLOWED_HOSTS = ["*"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
# No internet on the test machines: YouTube and Vimeo embeds come from a stub finder.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.stub_embeds.StubEmbedFinder"}]
# Django's test client logs in without a request, which django-axes refuses; the lockout is
# tested with it switched on (tests/cms/test_login_limits.py).
AXES_ENABLED = False
