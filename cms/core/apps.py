from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every Bridges app shares: image and media models, template tags, site-wide commands."""

    name = "cms.core"
    label = "core"
    verbose_name = "Bridges core"

    def ready(self):
        from django.db.models.signals import post_migrate

        from cms.site_address import sync_after_migrate
        from cms.visibility import connect_signals

        connect_signals()
        post_migrate.connect(sync_after_migrate, sender=self)
