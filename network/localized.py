"""Pages in the reader's language, or in the site's default language where no translation exists.

Most centres are entered once, in English; a Hungarian reader should still find them in /hu/network/
(in English) until someone translates them, and never see a centre twice.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from wagtail.models import Locale, Page


def in_language(queryset: QuerySet, locale: Locale, default: Locale | None = None) -> QuerySet:
    """Each page once: its live translation in `locale`, else its version in the default locale."""
    default = default or Locale.get_default()
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, live=True
    )
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))
