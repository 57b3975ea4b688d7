"""The story page's edit form in the admin (its `base_form_class`)."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale

from .themes import Theme


class StoryPageForm(WagtailAdminPageForm):
    """Offers each theme once, named in the story's language where it is translated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" not in self.fields:
            return
        locale = self.instance.locale if self.instance.locale_id else Locale.get_default()
        themes = Theme.for_locale(locale)
        self.fields["themes"].queryset = Theme.objects.filter(pk__in=[t.pk for t in themes])
        if self.instance.pk:
            # A translated story links its source's themes: tick their versions in this language.
            by_key = {theme.translation_key: theme.pk for theme in themes}
            self.initial["themes"] = [
                by_key.get(theme.translation_key, theme.pk) for theme in self.instance.themes.all()
            ]
