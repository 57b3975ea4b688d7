from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page, standard pages and the site-wide demo content."""

    name = "home"
