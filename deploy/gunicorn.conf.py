"""gunicorn settings for Bridges (deploy/systemd/bridges-web.service uses them; so do the tests).

Every value can be changed from the environment: GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core is gunicorn's rule of thumb; pages are CPU-bound (templates).
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1))))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# The story form's uploads can take a while on a phone's connection.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Varnish and nginx sit on this machine: trust their X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
wsgi_app = "cms.wsgi:application"
