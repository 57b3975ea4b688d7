"""Wagtail hooks of what every app shares: rich text links that never name a private page, and the
Outgoing mail screen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin
from wagtail.rich_text.pages import PageLinkHandler

from cms.core.admin_views import outgoing_mail_viewset
from cms.core.translation_notices import OutOfDatePanel
from cms.core.translators import languages_of_translator, may_edit_translation
from cms.localized import public_translation


class PublicPageLinkHandler(PageLinkHandler):
    """A rich text link to a page keeps its text but loses its address when the page is a draft or
    private, so neither a page nor its slug is revealed through a public page or the API."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        links = []
        for page in cls.get_many(attrs_list):
            target = public_translation(page)
            links.append(f'<a href="{escape(target.url)}">' if target is not None else "<a>")
        return links


# After Wagtail's own registration (order 0), so this handler replaces the default one.
@hooks.register("register_rich_text_features", order=1)
def register_public_page_links(features):
    features.register_link_type(PublicPageLinkHandler)


@hooks.register("register_admin_viewset")
def register_outgoing_mail():
    return outgoing_mail_viewset


# Translations: the status grid replaces wagtail-localize's report in the Reports menu; the
# "Translate" and "Sync" screens are served at wagtail-localize's own addresses, so every link and
# button it makes opens Bridges' versions. wagtail-localize offers no hook or setting to change
# who may submit or sync (it checks one model permission), and Wagtail's permission hooks reach
# only its own page and snippet views: the first URL pattern that matches wins, so these come
# first by the hook's order (not by the order of INSTALLED_APPS); a test checks they still do.


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    from django.urls import path
    from wagtail_localize.views import edit_translation as edit

    from cms.core.translation_report import TranslationStatusReportView
    from cms.core.translation_views import (
        BridgesSubmitPageTranslationView,
        BridgesSubmitSnippetTranslationView,
        BridgesUpdateTranslationsView,
        for_own_languages,
    )

    return [
        path(
            "reports/translations/",
            TranslationStatusReportView.as_view(),
            name="bridges_translations_report",
        ),
        path(
            "reports/translations/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="bridges_translations_report_results",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            BridgesSubmitPageTranslationView.as_view(),
            name="bridges_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            BridgesSubmitSnippetTranslationView.as_view(),
            name="bridges_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            BridgesUpdateTranslationsView.as_view(),
            name="bridges_update_translations",
        ),
        *[
            path(
                f"localize/translate/<int:translation_id>/{rest}",
                for_own_languages(view),
                name=f"bridges_{name}",
            )
            for rest, view, name in [
                (
                    "strings/<int:string_segment_id>/edit/",
                    edit.edit_string_translation,
                    "edit_string_translation",
                ),
                (
                    "overrides/<int:overridable_segment_id>/edit/",
                    edit.edit_override,
                    "edit_override",
                ),
                ("pofile/download/", edit.download_pofile, "download_pofile"),
                ("pofile/upload/", edit.upload_pofile, "upload_pofile"),
                ("machine_translate/", edit.machine_translate, "machine_translate"),
                ("preview/", edit.preview_translation, "preview_translation"),
                ("preview/<str:mode>/", edit.preview_translation, "preview_translation"),
                ("disable/", edit.stop_translation, "stop_translation"),
            ]
        ],
    ]


@hooks.register("before_edit_snippet", order=-1)
def edit_snippet_translations_in_own_languages(request, instance):
    """A translatable snippet (a theme) is edited, and its translation opened in wagtail-localize's
    editor, only in a language the user translates into: Wagtail's snippet rights know no language.
    (Before wagtail-localize's own hook, which opens that editor.)"""
    if isinstance(instance, TranslatableMixin) and not may_edit_translation(request.user, instance):
        raise PermissionDenied


@hooks.register("construct_reports_menu")
def replace_translations_report(request, menu_items):
    theirs = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != theirs]
    menu_items.append(
        MenuItem(
            _("Translations"),
            reverse("bridges_translations_report"),
            name="translations",
            icon_name="site",
            order=9000,
        )
    )


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    """Translators (and administrators) see the translations their languages must catch up on."""
    if request.user.is_superuser or languages_of_translator(request.user):
        panels.append(OutOfDatePanel(request))


@hooks.register("before_edit_page")
def name_missing_segments_on_publish(request, page):
    """A translator publishing a translation with untranslated texts is told which ones (the
    original shows in their place); wagtail-localize's own view then publishes as usual."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    from cms.core.translation_status import missing_segments

    missing = missing_segments(page)
    if missing and page.permissions_for_user(request.user).can_publish():
        texts = "; ".join(f"{item['field']}: “{item['text']}”" for item in missing[:20])
        more = len(missing) - 20
        if more > 0:
            texts += " " + _("and %(count)s more") % {"count": more}
        messages.warning(
            request,
            _("Not translated yet, so readers see the original: %(texts)s") % {"texts": texts},
        )
    return None
