"""Collections (the folders of images, documents and media) looked up by name, made when missing."""

from wagtail.models import Collection


def get_or_create_collection(name: str) -> Collection:
    """A collection directly under the root, created when missing."""
    existing = Collection.objects.filter(name=name).first()
    return existing or Collection.get_first_root_node().add_child(name=name)
