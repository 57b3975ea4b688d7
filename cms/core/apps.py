from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every Bridges app shares: image and media models, template tags, site-wide commands."""

    name = "cms.core"
    label = "core"
    verbose_name = "Bridges core"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        from cms import caching, frontend_cache, visibility
        from cms.core import locale_sync
        from cms.core.translation_notices import on_page_published
        from cms.site_address import sync_after_migrate

        visibility.connect_signals()
        caching.connect_signals()
        frontend_cache.connect_signals()
        locale_sync.connect_signals()
        post_migrate.connect(sync_after_migrate, sender=self)
        # A source published with changed text: its translations are out of date at once.
        page_published.connect(on_page_published, dispatch_uid="bridges-translations-out-of-date")
