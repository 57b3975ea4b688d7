from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Stories of care work, and the public “Tell your story” submissions."""

    name = "stories"
