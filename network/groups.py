"""Who may do what (DESIGN.md): editors, moderators and translators across the site, and one
editors' group per country that works only inside its own section of the page tree (in every
language) and its own collection of images, documents and media.

`setup_groups` applies this; it adds what is missing and never removes a permission an
administrator granted by hand.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
)

from cms.core.collection import get_or_create_collection
from cms.core.translators import translators_group, translators_group_name
from cms.localized import translated
from network.models import CountryPage

EDIT = ["add_page", "change_page"]
PUBLISH = [*EDIT, "publish_page", "lock_page", "unlock_page"]
MODERATE = [*PUBLISH, "bulk_delete_page"]

USE_FILES = [
    "wagtailimages.choose_image",
    "wagtaildocs.choose_document",
]
ADD_FILES = [
    *USE_FILES,
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtailmedia.add_media",
    "wagtailmedia.change_media",
]
MANAGE_FILES = [
    *ADD_FILES,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
    "wagtailmedia.delete_media",
]

# Stories sent in by the public: editors and moderators read them and delete one (with its
# personal data) on request; themes are a taxonomy editors keep and translators translate.
REVIEW_SUBMISSIONS = ["stories.view_storysubmission", "stories.delete_storysubmission"]
KEEP_THEMES = ["stories.add_theme", "stories.change_theme"]

EDITORS = "Editors"
MODERATORS = "Moderators"
# Shared by every language's translators: the themes and the images. Page rights come with the
# group of each language (`setup_translators`), never with this one.
TRANSLATORS = "Translators"
TRANSLATE = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    *KEEP_THEMES,
]
COUNTRY_EDITORS_PREFIX = "Editors: "


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    added: int = 0

    def note(self, text: str) -> None:
        self.lines.append(text)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def grant_model(group: Group, dotted_names: list[str], report: Report) -> None:
    for name in dotted_names:
        permission = _permission(name)
        if not group.permissions.filter(pk=permission.pk).exists():
            group.permissions.add(permission)
            report.added += 1


def grant_pages(group: Group, page: Page, codenames: list[str], report: Report) -> None:
    for codename in codenames:
        _obj, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )
        report.added += created


def grant_collection(
    group: Group, collection: Collection, dotted_names: list[str], report: Report
) -> None:
    for name in dotted_names:
        _obj, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(name)
        )
        report.added += created


def country_group(country) -> Group:
    """The editors' group of a country section, found through the permissions it already has
    (so renaming the country keeps its group), or created from the English title."""
    existing = (
        Group.objects.filter(
            name__startswith=COUNTRY_EDITORS_PREFIX,
            page_permissions__page__translation_key=country.translation_key,
        )
        .distinct()
        .first()
    )
    if existing is not None:
        return existing
    source = translated(country, Locale.get_default(), live_only=False)
    group, _created = Group.objects.get_or_create(name=f"{COUNTRY_EDITORS_PREFIX}{source.title}")
    return group


def language_homes():
    """The home page of every language: the site's root page and its translations (the network
    knows no home page type: that app is a higher layer)."""
    roots = Site.objects.values("root_page__translation_key")
    return Page.objects.filter(translation_key__in=roots)


def setup_country(country, report: Report) -> Group:
    group = country_group(country)
    grant_model(
        group,
        ["wagtailadmin.access_admin", "network.view_eventregistration", *REVIEW_SUBMISSIONS],
        report,
    )
    for page in CountryPage.objects.filter(translation_key=country.translation_key):
        grant_pages(group, page, PUBLISH, report)
    files = get_or_create_collection(country.title)
    grant_collection(group, files, MANAGE_FILES, report)
    grant_collection(group, Collection.get_first_root_node(), USE_FILES, report)
    report.note(f"{group.name}: its section in every language, and the collection “{files.name}”")
    return group


def setup_groups() -> Report:
    report = Report()
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    grant_model(
        editors,
        [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "network.view_eventregistration",
            *REVIEW_SUBMISSIONS,
            *KEEP_THEMES,
        ],
        report,
    )
    grant_pages(editors, root_page, EDIT, report)
    grant_collection(editors, root_collection, ADD_FILES, report)
    report.note(f"{EDITORS}: write and change pages everywhere; a moderator publishes them")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    grant_model(
        moderators,
        [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "network.view_eventregistration",
            "network.delete_eventregistration",
            *REVIEW_SUBMISSIONS,
            *KEEP_THEMES,
            "stories.delete_theme",
            # Outgoing mail: see what was not sent and send it again (without its contents).
            "core.view_outgoingmail",
            "core.change_outgoingmail",
        ],
        report,
    )
    grant_pages(moderators, root_page, MODERATE, report)
    grant_collection(moderators, root_collection, MANAGE_FILES, report)
    report.note(f"{MODERATORS}: review and publish pages everywhere; manage registrations")

    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    grant_model(translators, TRANSLATE, report)
    grant_collection(translators, root_collection, USE_FILES, report)
    report.note(f"{TRANSLATORS}: themes and images, shared by the translators of every language")

    default = Locale.get_default()
    for locale in Locale.objects.exclude(pk=default.pk).order_by("language_code"):
        setup_translators(locale, report)

    for country in CountryPage.objects.filter(locale=default).order_by("path"):
        setup_country(country, report)
    return report


def setup_translators(locale: Locale, report: Report) -> Group:
    """One group per language: translate into it (write and publish its pages), nothing else."""
    group = translators_group(locale.language_code)
    if group is None:
        group = Group.objects.create(name=translators_group_name(locale.language_code))
    grant_model(group, TRANSLATE, report)
    grant_collection(group, Collection.get_first_root_node(), USE_FILES, report)
    homes = language_homes().filter(locale=locale)
    for home in homes:
        grant_pages(group, home, PUBLISH, report)
    where = "its home page" if homes else "its home page once it is translated"
    report.note(f"{group.name}: translate into {locale.language_code} only ({where})")
    return group


def grant_permissions_for_new_translation(page) -> None:
    """A new translation of a country section gets that country's editors; a new language's
    home page gets the translators. (Called when wagtail-localize creates the copy.)"""
    report = Report()
    if isinstance(page, CountryPage):
        group = (
            Group.objects.filter(
                name__startswith=COUNTRY_EDITORS_PREFIX,
                page_permissions__page__translation_key=page.translation_key,
            )
            .distinct()
            .first()
        )
        if group is not None:
            grant_pages(group, page, PUBLISH, report)
    elif page.locale_id != Locale.get_default().pk and language_homes().filter(pk=page.pk).exists():
        translators = translators_group(page.locale.language_code)
        if translators is not None:
            grant_pages(translators, page, PUBLISH, report)
