from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    """The joint publication: stories and walks gathered into a book, read online, as PDF and EPUB."""

    name = "publications"
    verbose_name = "Publications"

    def ready(self) -> None:
        from . import signals  # noqa: F401
