"""Settings shared by every environment; each value comes from the environment with a safe default."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A failed CSRF check (an expired session) answers with a Bridges page that keeps what was typed.
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

INSTALLED_APPS = [
    # Bridges
    "cms.core",
    "home",
    "network",
    "stories",
    "walks",
    "publications",
    # Wagtail and friends
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailmedia",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "wagtail_headless_preview",  # drafts for a headless front end: cms/preview.py
    "drf_spectacular_sidecar",  # Swagger UI's files for the API docs, served as our static files
    "csp",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",  # failed logins counted: password guessing is locked out (settings below)
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Cache-Control for shared caches (Varnish, a CDN): outside everything that sets cookies or Vary.
    "cms.caching.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware reads the /<lang>/ prefix; without it every locale's pages resolve as English.
    "cms.middleware.LocaleMiddleware",
    # The request's Wagtail site and home page from the cache (a query each on every request).
    "cms.caching.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    # Last: answers a locked-out login attempt (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite for development, PostgreSQL (psycopg 3) in production, both from DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The development server, the task worker and the admin's autosave write at once: wait for
    # the lock (not "database is locked" after 5 s, which left half-made pages), take it when a
    # transaction starts (no deadlock between two readers that both want to write), and let
    # readers read while one writes (WAL). Django's documented settings for concurrent SQLite.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# HTTP caching of anonymous pages (cms/caching.py): how long a shared cache (Varnish, a CDN) may keep
# a page (it is purged on publish, so this may be long), how long a browser may, and how long a
# stale copy may be served while a fresh one is fetched.
BRIDGES_CACHE_SECONDS = int(env("BRIDGES_CACHE_SECONDS", "3600"))
BRIDGES_BROWSER_CACHE_SECONDS = int(env("BRIDGES_BROWSER_CACHE_SECONDS", "60"))
BRIDGES_STALE_SECONDS = int(env("BRIDGES_STALE_SECONDS", "60"))

# Purge on publish (cms/frontend_cache.py) through wagtail.contrib.frontend_cache's backends: the
# Varnish of deploy/varnish/default.vcl when BRIDGES_VARNISH_URL is set. A CDN instead: see README.
BRIDGES_PURGE_MAX_ATTEMPTS = int(env("BRIDGES_PURGE_MAX_ATTEMPTS", "6"))
BRIDGES_PURGE_RETRY_DELAY = int(env("BRIDGES_PURGE_RETRY_DELAY", "10"))
if env("BRIDGES_VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "cms.frontend_cache.VarnishBackend",
            "LOCATION": env("BRIDGES_VARNISH_URL"),
        }
    }

# Cache: Redis when REDIS_URL is set, otherwise memory of this process.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "bridges",
        }
    }
    # Sessions in Redis too (kept in the database behind it): any app server reads any session.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Room for a site's worth of keys: the default 300 would cull header fragments and locale
    # lookups as soon as a listing's renditions are cached (Wagtail keeps those here too).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the eleven locales of MINE's network. English is the default and the fallback.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("hu", "Magyar"),
    ("sk", "Slovenčina"),
    ("cs", "Čeština"),
    ("sl", "Slovenščina"),
    ("nl", "Nederlands"),
    ("it", "Italiano"),
    ("bg", "Български"),
    ("sr", "Srpski"),
    ("uk", "Українська"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "Europe/Berlin")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static")))
STATICFILES_DIRS = [
    BASE_DIR / "assets",
    # Front-end libraries come from the npm registry (package.json), never from a CDN at run time;
    # only their built files are served.
    ("vendor/leaflet", BASE_DIR / "node_modules/leaflet/dist"),
    ("vendor/leaflet.markercluster", BASE_DIR / "node_modules/leaflet.markercluster/dist"),
    ("vendor/photo-sphere-viewer", BASE_DIR / "node_modules/@photo-sphere-viewer/core"),
    ("vendor/three", BASE_DIR / "node_modules/three/build"),
    # Workbox: the service worker's routing and range requests (saved walks, offline pages).
    # tus-js-client: the resumable upload of a story told by voice (stories/recorder.js).
    ("vendor/tus-js-client", BASE_DIR / "node_modules/tus-js-client/dist"),
    ("vendor/workbox-core", BASE_DIR / "node_modules/workbox-core/build"),
    ("vendor/workbox-routing", BASE_DIR / "node_modules/workbox-routing/build"),
    ("vendor/workbox-range-requests", BASE_DIR / "node_modules/workbox-range-requests/build"),
    # The publication's fonts (PDF and print): Noto covers the Latin and Cyrillic scripts of all 11 locales.
    ("vendor/noto-sans", BASE_DIR / "node_modules/@fontsource/noto-sans"),
    ("vendor/noto-serif", BASE_DIR / "node_modules/@fontsource/noto-serif"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible object storage for uploads; credentials and endpoint come from the AWS_* variables
    # that django-storages reads (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_S3_ENDPOINT_URL, ...).
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)

FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # large StreamFields post many fields from the admin

# E-mail: console output unless EMAIL_URL names a real server (smtp://user:pass@host:587/?tls=True).
if env("EMAIL_URL"):
    vars().update(dj_email_url.parse(env("EMAIL_URL")))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Every mail (ours, Wagtail's moderation notices, password resets) is recorded and sent by the task
# worker (cms/mail.py), never while a visitor waits: EMAIL_BACKEND only queues, the backend above
# delivers, giving up on a silent server after EMAIL_TIMEOUT seconds and trying again later.
EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "10"))
# Attempts per message (the first and the retries, waiting 1, 5, 25, ... minutes between them).
EMAIL_MAX_ATTEMPTS = int(env("EMAIL_MAX_ATTEMPTS", "5"))
EMAIL_RETRY_DELAY = int(env("EMAIL_RETRY_DELAY", "60"))
# Days after which the text of sent mail is deleted (its recipients, subject and status stay).
EMAIL_KEEP_SENT_DAYS = int(env("EMAIL_KEEP_SENT_DAYS", "14"))

# Background tasks (django-tasks): kept in the database and run by `manage.py db_worker`, a process
# beside the web server (`make run` starts one). Tests run tasks at once (cms/settings/test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Bridges <bridges@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Bridges"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.BridgesImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "vtt", "xlsx", "zip"]
WAGTAILMEDIA = {"MEDIA_MODEL": "core.BridgesMedia"}
# The database's own search: on PostgreSQL with a text search configuration per language
# (cms/search_backend.py), on SQLite its full text search.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = (
    False  # a translation is published only when translated
)

# The public API (Wagtail API v2): read-only, CORS-enabled for the origins listed.
# One public address (cms/site_address.py): the API's absolute URLs use the same base as the
# Site record, canonical links, the sitemap, feeds and mails; it is not configurable apart.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # links resolved to public URLs, not Wagtail's db_html
WAGTAILAPI_LIMIT_MAX = 100
# Every API answer may be reused this many seconds by browsers and proxies, then served stale
# while one request fetches it anew (ETag: a conditional request gets a 304).
API_CACHE_MAX_AGE = int(env("API_CACHE_MAX_AGE", "60"))
API_CACHE_STALE_WHILE_REVALIDATE = int(env("API_CACHE_STALE_WHILE_REVALIDATE", "300"))
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
# A headless front end's preview page: an editor's Preview opens it with ?content_type=…&token=…,
# and it reads the draft from /api/v2/preview/ with them (cms/preview.py). Empty: Preview shows
# the site's own templates. A token is good for HEADLESS_PREVIEW_MAX_AGE seconds.
HEADLESS_PREVIEW_URL = env("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = int(env("HEADLESS_PREVIEW_MAX_AGE", "1800"))
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL or "/"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Background tasks and publishing log every step at INFO; only problems matter here.
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint reports every layout step at INFO; a PDF build needs only its warnings.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Collections whose files are never listed in the API: submissions wait there for review.
BRIDGES_PRIVATE_COLLECTIONS = ("Submissions",)
# Serve uploads from Django itself (a small site without object storage or a web server in front).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Files sent in by visitors and waiting for review: a storage the web server never serves (a folder
# outside MEDIA_ROOT, or a private prefix of the bucket); editors download them through the admin.
BRIDGES_PRIVATE_MEDIA_ROOT = Path(
    env("BRIDGES_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
)
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "location": env("BRIDGES_PRIVATE_MEDIA_PREFIX", "private"),
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
else:
    STORAGES["private"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BRIDGES_PRIVATE_MEDIA_ROOT, "base_url": None},
    }
# How many proxies (each appending the address it saw to X-Forwarded-For) stand between the
# visitors and Django: 0 when Django faces the internet, 1 behind one nginx. Read by cms.client_ip.
BRIDGES_TRUSTED_PROXY_COUNT = int(env("BRIDGES_TRUSTED_PROXY_COUNT", "0"))

# Password guessing at the admin's login: after
# AXES_FAILURE_LIMIT wrong passwords from one address, that address may not log in for
# AXES_COOLOFF_MINUTES (django-axes). Counted in the database (shared by every app server), on
# the visitor's address as the trusted proxies report it (cms.client_ip).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # no record of successful logins (addresses are personal data)

# Maps (network directory, walks): OpenStreetMap tiles unless another tile server is configured.
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_ATTRIBUTION = env(
    "MAP_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)


# Content-Security-Policy (django-csp): the site's pages run only its own scripts (and the one
# inline import map, by nonce); images, media and frames come from the hosts named here. The admin
# (Wagtail's inline scripts and styles) gets its own, relaxed policy: cms.middleware.
def origin(url: str | None) -> str | None:
    """`https://host:port` of an absolute URL; None for a path or nothing."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Video providers whose players the embed blocks show; add a provider's player host here.
CSP_EMBED_HOSTS = env_list(
    "CSP_EMBED_HOSTS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CSP_MEDIA_HOSTS = [
    host
    for host in (
        origin(MAP_TILE_URL.replace("{s}", "*")),  # Leaflet spreads tiles over a, b, c
        origin(MEDIA_URL),
        f"https://{env('AWS_S3_CUSTOM_DOMAIN')}" if env("AWS_S3_CUSTOM_DOMAIN") else None,
        origin(env("AWS_S3_ENDPOINT_URL")),
    )
    if host
] + env_list("CSP_EXTRA_MEDIA_HOSTS")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_HOSTS],
        "media-src": [SELF, "blob:", *CSP_MEDIA_HOSTS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_EMBED_HOSTS],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The admin: Wagtail's own inline scripts and styles, avatars, the address search of the stop map.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        # The admin's map pickers also fetch from the address search (BRIDGES_GEOCODER_URL's origin,
        # added per request by cms.middleware so a changed setting is followed).
        "connect-src": [SELF],
        # Preview shows the headless front end in a frame when one is configured.
        "frame-src": [
            *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"],
            *([origin(HEADLESS_PREVIEW_URL)] if origin(HEADLESS_PREVIEW_URL) else []),
        ],
    }
}
# No avatars from gravatar.com in the admin: editors' addresses are not sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Address search of every admin map (centres, walk stops, event venues): Nominatim's API or one
# that answers like it. Empty turns the search box off. WALKS_GEOCODER_URL is the old name.
BRIDGES_GEOCODER_URL = env(
    "BRIDGES_GEOCODER_URL",
    env("WALKS_GEOCODER_URL", "https://nominatim.openstreetmap.org/search"),
)

# --- network: settings of the network app (countries, centres, events) ---
# Where replies to event confirmation e-mails go (e.g. the events team); empty: the sender.
NETWORK_EVENTS_REPLY_TO = env("NETWORK_EVENTS_REPLY_TO", "")
# Event registration from one client (cms.client_ip): at most this many registrations (each one
# queues a mail and may take a place) and this many tries of the form in the window (seconds).
NETWORK_REGISTRATION_LIMIT = int(env("NETWORK_REGISTRATION_LIMIT", "10"))
NETWORK_REGISTRATION_ATTEMPT_LIMIT = int(env("NETWORK_REGISTRATION_ATTEMPT_LIMIT", "30"))
NETWORK_REGISTRATION_LIMIT_WINDOW = int(env("NETWORK_REGISTRATION_LIMIT_WINDOW", "3600"))

# --- stories: settings of the stories app (story pages, public submissions) ---
# Limits of "Tell your story": sizes in megabytes, the story's length in characters.
STORIES_MAX_PHOTO_MB = int(env("STORIES_MAX_PHOTO_MB", "10"))
STORIES_MAX_MEDIA_MB = int(env("STORIES_MAX_MEDIA_MB", "200"))
STORIES_MAX_PHOTOS = int(env("STORIES_MAX_PHOTOS", "5"))
STORIES_MIN_STORY_LENGTH = int(env("STORIES_MIN_STORY_LENGTH", "100"))
STORIES_MAX_STORY_LENGTH = int(env("STORIES_MAX_STORY_LENGTH", "20000"))
# Spam: at most this many stories received from one client in the window (seconds), and this
# many tries of the form or the recorder (mistakes included), counted in the cache.
STORIES_RATE_LIMIT = int(env("STORIES_RATE_LIMIT", "5"))
STORIES_ATTEMPT_LIMIT = int(env("STORIES_ATTEMPT_LIMIT", "30"))
STORIES_RATE_LIMIT_WINDOW = int(env("STORIES_RATE_LIMIT_WINDOW", "3600"))
# Deprecated and ignored (it trusted what the visitor wrote): use BRIDGES_TRUSTED_PROXY_COUNT.
STORIES_CLIENT_IP_HEADER = env("STORIES_CLIENT_IP_HEADER", "")
# Photos larger than this many pixels are refused from their header, before they are decoded.
STORIES_MAX_IMAGE_PIXELS = int(env("STORIES_MAX_IMAGE_PIXELS", "40000000"))
# Files kept for a form that came back with an error: at most this many MB per address and day.
STORIES_KEPT_FILES_QUOTA_MB = int(env("STORIES_KEPT_FILES_QUOTA_MB", "300"))
# Who hears of new stories, besides the users who may publish in the story's section.
STORIES_NOTIFY_EMAILS = env_list("STORIES_NOTIFY_EMAILS")
# Where a storyteller writes to have her story and data deleted (named on the thank-you page).
STORIES_CONTACT_EMAIL = env("STORIES_CONTACT_EMAIL", "")

# --- walks: settings of the walks app (virtual walks) ---
# Where the stop map opens before a walk has any stop: the middle of MINE's network in Europe.
WALKS_MAP_DEFAULT_CENTER = [
    float(value) for value in env_list("WALKS_MAP_DEFAULT_CENTER", "48.2,16.4")
]
WALKS_MAP_DEFAULT_ZOOM = int(env("WALKS_MAP_DEFAULT_ZOOM", "4"))
WALKS_PER_PAGE = int(env("WALKS_PER_PAGE", "12"))

# Walks saved for offline use (walks/offline.py): the route map's tiles go along unless turned off,
# and never more than this many (the tile server's usage policy forbids bulk downloads).
WALKS_OFFLINE_TILES = env_bool("WALKS_OFFLINE_TILES", True)
WALKS_OFFLINE_MAX_TILES = int(env("WALKS_OFFLINE_MAX_TILES", "120"))

# Stories told by voice (stories/recordings.py): the longest recording, where uploads wait while they
# arrive (a local folder outside the media), the size of each part the browser sends, and the
# programs that check and clean a recording (Debian's ffmpeg).
STORIES_MAX_RECORDING_SECONDS = int(env("STORIES_MAX_RECORDING_SECONDS", "900"))
STORIES_RECORDINGS_DIR = Path(
    env("STORIES_RECORDINGS_DIR", str(BRIDGES_PRIVATE_MEDIA_ROOT / "recordings-in-progress"))
)
STORIES_RECORDING_CHUNK_KB = int(env("STORIES_RECORDING_CHUNK_KB", "512"))
FFMPEG = env("FFMPEG", "ffmpeg")
FFPROBE = env("FFPROBE", "ffprobe")
