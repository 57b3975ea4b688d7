"""Translate pages in code exactly as a translator does in wagtail-localize's editor.

Demo content and tests use this so translation records (source, segments, string translations)
exist as if a person had typed them, and later edits in the admin carry on from them.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator


def translate_page(page: Page, language_code: str, strings: dict[str, str], user=None) -> Page:
    """Translate `page` into `language_code` and publish the translation.

    `strings` maps each source text (a field value, or one paragraph of rich text) to its
    translation. Text without a translation keeps the source text, as wagtail-localize's
    "use the original" does; slugs stay the same, so /de/stories/ mirrors /en/stories/.
    Running it again updates the translation in place.
    """
    page = page.specific
    locale = Locale.objects.get(language_code=language_code)
    with transaction.atomic():
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()  # picks up edits made to the source since it was submitted
        # The strings go in before the translated page is built, so it is built once.
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            text = strings.get(segment.string.data)
            if text is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                    "has_error": False,
                },
            )
        # "Translate this page" in the admin: the translation record, related snippets, a draft.
        # (settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off, so it stays a draft.)
        TranslationCreator(user, [locale]).create_translations(page)
        # wagtail-localize would publish in transaction.on_commit, from a page object loaded before
        # the children were translated: inside a larger transaction (a test, a command) that stale
        # object overwrites the tree's child count and the children stop being found. We publish a
        # freshly loaded revision at once instead.
        target = page.get_translation(locale)
        target.get_latest_revision().publish(user=user)
    return page.get_translation(locale).specific
