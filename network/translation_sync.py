"""Translated pages take over their source's synchronised fields (location, address, contact) when
the source changes outside the editor (the centres import)."""

from wagtail_localize.models import Translation, TranslationSource


def sync_translations(page) -> None:
    """Translations of `page` take over its synchronised fields and are published."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return
    source.update_from_db()
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(publish=True)
