"""wagtail-localize's "Translate" and "Sync" screens, kept to what the user may do: a translator
is offered only the languages she translates into, and sees exactly which texts changed before
she syncs."""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from cms.core.translation_status import segment_changes
from cms.core.translators import locales_user_may_translate_into


class BridgesSubmitPageTranslationView(SubmitPageTranslationView):
    def get_form(self):
        form = super().get_form()
        allowed = locales_user_may_translate_into(self.request.user)
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(
            pk__in=allowed.values("pk")
        )
        return form


class BridgesUpdateTranslationsView(UpdateTranslationsView):
    template_name = "core/admin/update_translations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = segment_changes(self.object)
        return context

    @transaction.atomic
    def form_valid(self, form):
        # wagtail-localize publishes every language's translation when asked; a translator may
        # publish only where she has the right to: the others are synced as drafts.
        if not form.cleaned_data.get("publish_translations"):
            return super().form_valid(form)
        user = self.request.user
        targets = [
            (translation, translation.get_target_instance())
            for translation in self.object.translations.filter(enabled=True)
        ]
        may_publish = {
            translation.pk: not isinstance(page, Page)
            or page.permissions_for_user(user).can_publish()
            for translation, page in targets
        }
        if all(may_publish.values()):
            return super().form_valid(form)
        self.object.update_from_db()
        for translation, _page in targets:
            with contextlib.suppress(ValidationError):
                translation.save_target(user=user, publish=may_publish[translation.pk])
        self.components.save(
            self.object,
            sources_and_translations={self.object: [t for t, _page in targets]},
        )
        messages.success(self.request, self.get_success_message())
        messages.info(
            self.request, _("Translations in languages you do not publish were synced as drafts.")
        )
        return redirect(self.get_success_url() or self.get_default_success_url())
