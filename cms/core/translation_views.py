"""wagtail-localize's "Translate" and "Sync" screens, kept to what the user may do: a translator
is offered only the languages she translates into, syncs only the translations she may edit, and
sees exactly which texts changed before she syncs."""

import contextlib
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from cms.core.translation_status import segment_changes
from cms.core.translators import locales_user_may_translate_into, may_edit_translation


def target_of(translation: Translation):
    """The translated page or snippet, or None once it has been deleted."""
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def for_own_languages(view):
    """wagtail-localize's translation editor views (strings, overrides, PO files, preview, stop)
    check a page's rights, which already keep a translator to her language's tree, but a snippet
    only by its model's permission: wrapped, a snippet's translation also needs her language."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        target = target_of(get_object_or_404(Translation, pk=translation_id))
        if target is not None and not may_edit_translation(request.user, target):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


class OwnLanguagesMixin:
    """The "Translate" form offers only the languages the user translates into; a language
    posted by hand is refused by the form like any other choice it does not offer."""

    def get_form(self):
        form = super().get_form()
        allowed = locales_user_may_translate_into(self.request.user)
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(
            pk__in=allowed.values("pk")
        )
        return form


class BridgesSubmitPageTranslationView(OwnLanguagesMixin, SubmitPageTranslationView):
    pass


class BridgesSubmitSnippetTranslationView(OwnLanguagesMixin, SubmitSnippetTranslationView):
    pass


class BridgesUpdateTranslationsView(UpdateTranslationsView):
    """Sync: the source is read again (it is shared by every language, as in wagtail-localize), but
    only the translations the user may edit are saved or published; one who may edit none of them
    is refused, as she would be on their edit screens."""

    template_name = "core/admin/update_translations.html"

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object()
        translations = source.translations.filter(enabled=True).select_related("target_locale")
        self.targets = [
            (translation, target)
            for translation in translations
            if (target := target_of(translation)) is not None
            and may_edit_translation(request.user, target)
        ]
        if not self.targets:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = {translation.target_locale_id for translation, _target in self.targets}
        context["translations"] = [
            item for item in context["translations"] if item["locale"].pk in mine
        ]
        context["changes"] = segment_changes(self.object)
        return context

    @transaction.atomic
    def form_valid(self, form):
        user = self.request.user
        self.object.update_from_db()
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation, _target in self.targets:
                apply_machine_translation(translation.pk, user, machine_translator)
        publish = form.cleaned_data["publish_translations"]
        left_alone = False
        for translation, target in self.targets:
            may_publish = (
                not isinstance(target, Page) or target.permissions_for_user(user).can_publish()
            )
            if publish and may_publish:
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=user, publish=True)
                continue
            # Not published: as wagtail-localize's own Sync, only the view restrictions follow the
            # source. Saving a "draft" (save_target(publish=False)) would write the new content
            # into the page itself, which a live page shows at once, publisher or not; the new
            # texts wait in the translation editor for whoever publishes that language.
            left_alone = left_alone or publish
            with contextlib.suppress(ValidationError):
                translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(
            self.object,
            sources_and_translations={self.object: [t for t, _target in self.targets]},
        )
        messages.success(self.request, self.get_success_message())
        if left_alone:
            messages.info(
                self.request,
                _(
                    "Translations in languages you do not publish were not changed: whoever "
                    "publishes them finds the new texts in the translation editor."
                ),
            )
        return redirect(self.get_success_url() or self.get_default_success_url())
