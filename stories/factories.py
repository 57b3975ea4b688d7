"""Factories for the stories index, stories and themes, for the demo content and the tests."""

import factory
from django.utils.text import slugify
from wagtail.models import Locale

from cms.core.factories import PageFactory

from .models import StoryIndexPage, StoryPage, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    """A theme in the default language, or the one with that slug (the migrations make the usual
    themes: care, community, resilience...)."""

    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Theme {n + 1}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(Locale.get_default)


def themes_named(slugs) -> list[Theme]:
    """Themes by slug (in the default language, as editors pick them), Theme objects kept."""
    default = Locale.get_default()
    return [ThemeFactory(slug=s, locale=default) if isinstance(s, str) else s for s in slugs]


class StoryIndexPageFactory(PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"


class StoryPageFactory(PageFactory):
    """A published story: `StoryPageFactory(parent=slovakia, title=..., themes=["care"])`; themes
    are slugs or Theme objects."""

    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story {n + 1}")
    summary = factory.LazyAttribute(lambda o: f"{o.title}: a story of care.")
    themes = ()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["themes"] = themes_named(kwargs.get("themes", ()))
        return super()._create(model_class, *args, **kwargs)
