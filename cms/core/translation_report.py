"""The translation status grid at /admin/reports/translations/: source pages (in whatever language
each was written) as rows, languages as columns, each cell saying where that page stands in that
language and linking to what fixes it, when the user may do that.

Built on Wagtail's ReportView (filters, pagination, CSV/XLSX download); the cells come from
cms/core/translation_status.py in a fixed number of queries per screen, whatever the tree's size.
"""

import datetime

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail_localize.models import Translation, TranslationSource

from cms.core import translation_status as status


def _section_choices():
    """The sections of the site: the children of the default language's home page(s)."""
    default = Locale.get_default()
    roots = Page.objects.filter(
        translation_key__in=Site.objects.values("root_page__translation_key"), locale=default
    )
    choices = []
    for root in roots:
        choices.extend(
            (child.path, child.title)
            for child in root.get_children().filter(locale=default).order_by("path")
        )
    return choices


def _page_type_choices():
    types = ContentType.objects.get_for_models(*get_page_models())
    return sorted(
        (
            (content_type.pk, str(model._meta.verbose_name).capitalize())
            for model, content_type in types.items()
        ),
        key=lambda choice: choice[1],
    )


def _locale_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in Locale.objects.all()]


class SectionFilter(django_filters.ChoiceFilter):
    """The section in every language: a story written in Slovak lives in the Slovak tree."""

    def filter(self, qs, value):
        if not value:
            return qs
        sections = Page.objects.filter(
            translation_key__in=Page.objects.filter(path=value).values("translation_key")
        ).values_list("path", flat=True)
        within = Q(pk__in=[])
        for path in sections:
            within |= Q(path__startswith=path)
        return qs.filter(within)


class PublishedFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        if value == "live":
            return qs.filter(live=True)
        if value == "draft":
            return qs.filter(live=False)
        return qs


class PageTypeFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        return qs.filter(content_type_id=value) if value else qs


class NoOpFilter(django_filters.ChoiceFilter):
    """Applied by the view, which knows each page's state (locale narrows the columns too)."""

    def filter(self, qs, value):
        return qs


class TranslationStatusFilterSet(WagtailFilterSet):
    section = SectionFilter(label=_("Section"), choices=_section_choices, empty_label=_("All"))
    page_type = PageTypeFilter(
        label=_("Page type"), choices=_page_type_choices, empty_label=_("All")
    )
    locale = NoOpFilter(label=_("Language"), choices=_locale_choices, empty_label=_("All"))
    state = NoOpFilter(label=_("State"), choices=list(status.STATES.items()), empty_label=_("Any"))
    published = PublishedFilter(
        label=_("Original"),
        choices=[("live", _("Published")), ("draft", _("Draft"))],
        empty_label=_("Any"),
    )

    class Meta:
        model = Page
        fields = ["section", "page_type", "locale", "state", "published"]


class TranslationStatusReportView(ReportView):
    page_title = _("Translations")
    header_icon = "site"
    template_name = "core/admin/translation_report.html"
    results_template_name = "core/admin/translation_report_results.html"
    index_url_name = "bridges_translations_report"
    index_results_url_name = "bridges_translations_report_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    context_object_name = "pages"

    def get_filename(self):
        return f"translations-{datetime.date.today():%Y-%m-%d}"

    @cached_property
    def default_locale(self):
        return Locale.get_default()

    @cached_property
    def locales(self):
        locales = list(Locale.objects.order_by("pk"))
        default = [locale for locale in locales if locale.pk == self.default_locale.pk]
        others = sorted(
            (locale for locale in locales if locale.pk != self.default_locale.pk),
            key=lambda locale: locale.language_code,
        )
        return default + others

    def _chosen(self, name):
        form = self.filters.form if self.filters is not None else None
        if form is None or not form.is_valid():
            return ""
        return form.cleaned_data.get(name) or ""

    @cached_property
    def columns_locales(self):
        code = self._chosen("locale")
        if code and code != self.default_locale.language_code:
            return [
                locale
                for locale in self.locales
                if locale.language_code in (code, self.default_locale.language_code)
            ]
        return self.locales

    @cached_property
    def abilities(self):
        return status.Abilities(self.request.user)

    def get_queryset(self):
        """Every source page: not an alias, not a translation of another page. wagtail-localize
        records each translation it makes; a copy made without it (no record) counts as a
        translation of the default language's page, unless it has been translated from."""
        made_by_localize = Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
        )
        in_default_language = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale=self.default_locale
        )
        translated_from = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
        return (
            Page.objects.filter(depth__gt=1, alias_of__isnull=True)
            .exclude(Exists(made_by_localize))
            .filter(
                Q(locale=self.default_locale)
                | ~Exists(in_default_language)
                | Exists(translated_from)
            )
            .select_related("content_type", "locale")
            .order_by("path")
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        state = self._chosen("state")
        if state:
            # A row is shown when a cell (of the chosen language, or any) is in that state.
            rows = list(
                queryset.select_related(None).only("pk", "translation_key", "locale_id", "live")
            )
            cells = status.grid(rows, self.columns_locales)
            wanted = [
                pk for pk, row in cells.items() if any(cell.state == state for cell in row.values())
            ]
            queryset = queryset.filter(pk__in=wanted)
        return queryset

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        cells = status.grid(pages, self.columns_locales, self.abilities)
        for page in pages:
            page.user_may_edit = self.abilities.may_edit(page.path, page.owner_id)
            page.is_original_in_other_language = page.locale_id != self.default_locale.pk
            row = cells.get(page.pk, {})
            page.translation_cells = [
                row.get(locale.language_code) for locale in self.columns_locales
            ]
        return pages

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["locales"] = self.columns_locales
        return context

    # CSV / XLSX: one row per page, one column per language.

    @property
    def list_export(self):
        return [
            "title",
            "url",
            "page_type",
            *(loc.language_code for loc in self.columns_locales),
        ]

    @property
    def export_headings(self):
        headings = {"title": _("Title"), "url": _("URL"), "page_type": _("Page type")}
        headings.update({loc.language_code: loc.language_code for loc in self.columns_locales})
        return headings

    def to_row_dict(self, item):
        row = {
            "title": item.title,
            # The address readers use; a draft has none yet.
            "url": (item.get_url(request=self.request) or "") if item.live else "",
            "page_type": str(item.content_type.model_class()._meta.verbose_name)
            if item.content_type.model_class()
            else "",
        }
        for locale, cell in zip(self.columns_locales, item.translation_cells, strict=True):
            row[locale.language_code] = str(cell.label) if cell else ""
        return row
