"""For tests of the mail queue: a mail server that accepts connections and never answers, the
settings that put mail through the database queue to it, and one run of the task worker."""

import contextlib
import socket
import threading
from unittest import mock

from django.core.management import call_command
from django.test import override_settings

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@contextlib.contextmanager
def silent_smtp_server():
    """A real socket on 127.0.0.1 that accepts every connection and never says a word (the SMTP
    client waits for the server's greeting). Yields its port."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.1)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)  # held open, never answered

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in accepted:
            connection.close()
        listener.close()


def queued_mail_to(port: int, timeout: float = 1, **more):
    """Settings as in production (every mail queued in the database, delivered over SMTP by the
    worker), with the SMTP server on `port`."""
    return override_settings(
        TASKS=DATABASE_TASKS,
        EMAIL_BACKEND="cms.mail.QueuedEmailBackend",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_TIMEOUT=timeout,
        **more,
    )


def run_worker() -> None:
    """The task worker, once through every task that is due (`manage.py db_worker --batch`).

    The worker closes "old" database connections between tasks as a request would; inside a test's
    transaction (autocommit off) Django counts the test's own connection as one and PostgreSQL's is
    closed under the test, so that step is left out here, as Django's test client leaves it out."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0
        )


class FailingBackend:
    """EMAIL_DELIVERY_BACKEND of a mail server that refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
