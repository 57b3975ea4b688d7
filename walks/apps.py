from django.apps import AppConfig


class WalksConfig(AppConfig):
    """Virtual walks: stop by stop through a centre or a neighbourhood."""

    name = "walks"
