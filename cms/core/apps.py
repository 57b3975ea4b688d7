from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every Bridges app shares: image and media models, template tags, site-wide commands."""

    name = "cms.core"
    label = "core"
    verbose_name = "Bridges core"

    def ready(self):
        from cms.core import locale_sync
        from cms.visibility import connect_signals

        connect_signals()
        locale_sync.connect_signals()
