"""Translators hear when their translations go out of date: the moment a source page is published
with new or changed text, its translations are marked (cms/core/translation_status.py) and each
language's translators get an e-mail through the task queue and see it on their dashboard."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.admin.ui.components import Component
from wagtail_localize.models import Translation

from cms import mail
from cms.core.models import SourceChange
from cms.core.translators import languages_of_translator, translators_of

ON_DASHBOARD = 20


def on_page_published(sender, instance, **kwargs):
    from cms.core.translation_status import note_source_published

    change = note_source_published(instance)
    if change is not None:
        tell_translators.enqueue(change.pk)


@task(priority=20)  # a mail: before builds, as cms.mail.deliver
def tell_translators(change_id: int) -> int:
    """E-mail the translators of each language the changed page is translated into."""
    change = SourceChange.objects.select_related("source").filter(pk=change_id).first()
    if change is None:
        return 0
    source = change.source
    sync_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtail_localize:update_translations", args=[source.pk]
    )
    sent = 0
    codes = Translation.objects.filter(source=source, enabled=True).values_list(
        "target_locale__language_code", flat=True
    )
    for code in codes:
        recipients = [user.email for user in translators_of(code)]
        if not recipients:
            continue
        with translation.override(code):
            subject = _("Translation out of date: %(title)s") % {"title": source.object_repr}
            text = render_to_string(
                "core/mail/translation_out_of_date.txt",
                {"change": change, "title": source.object_repr, "sync_url": sync_url},
            )
        mail.send(to=recipients, subject=subject, text=text, language=code, about=change)
        sent += 1
    return sent


def out_of_date_for(user):
    """The out-of-date translations in the user's languages: (change, language codes), newest
    first. Three queries however many changes there are (the user's languages, the changes that
    concern them, their languages): never one per change."""
    codes = languages_of_translator(user)
    if user.is_superuser and not codes:
        codes = None  # an administrator sees every language
    concerned = Translation.objects.filter(source_id=OuterRef("source_id"), enabled=True)
    if codes is not None:
        concerned = concerned.filter(target_locale__language_code__in=codes)
    changes = list(
        SourceChange.objects.filter(changed_at__gt=F("source__last_updated_at"))
        .filter(Exists(concerned))
        .select_related("source")
        .order_by("-changed_at")[:ON_DASHBOARD]
    )
    languages = defaultdict(list)
    translations = Translation.objects.filter(
        source_id__in=[change.source_id for change in changes], enabled=True
    )
    if codes is not None:
        translations = translations.filter(target_locale__language_code__in=codes)
    for source_id, code in translations.order_by("target_locale__language_code").values_list(
        "source_id", "target_locale__language_code"
    ):
        languages[source_id].append(code)
    return [(change, languages[change.source_id]) for change in changes]


class OutOfDatePanel(Component):
    name = "translations_out_of_date"
    order = 80
    template_name = "core/admin/translations_out_of_date_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {
            "items": [
                {
                    "change": change,
                    "languages": languages,
                    "sync_url": reverse(
                        "wagtail_localize:update_translations", args=[change.source_id]
                    ),
                }
                for change, languages in out_of_date_for(self.request.user)
            ],
            "report_url": reverse("bridges_translations_report"),
        }
