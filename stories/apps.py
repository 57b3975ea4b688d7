from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Stories of care work, and the public “Tell your story” submissions."""

    name = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from . import signals  # noqa: F401
