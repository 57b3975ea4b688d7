"""Every locale has the whole page tree from its first day: a page not translated into a language is
an *alias* of its original there (same content, kept in step when the original is published), and
a translation replaces the alias. So no address that works under /en/ is a 404 under /sk/.

wagtail-localize does most of it (LocaleSynchronization, "Sync from" on a locale in the admin): it
aliases the existing pages when the setting is saved and a page created in the admin. Pages made in
code (demo content, the CSV import, a public submission an editor publishes, factories) get their
aliases here, when they are published (`page_published`), so they never stay a 404 elsewhere.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree


def alias_in_synced_locales(page: Page) -> list[Page]:
    """Alias `page` into every locale synchronised from its locale where it has no version yet
    (missing parents are aliased first). Returns the aliases made; nothing when no locale syncs
    from the page's locale or it is there already (translated or aliased)."""
    targets = list(
        LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values_list(
            "locale_id", flat=True
        )
    )
    if not targets:
        return []
    present = Page.objects.filter(translation_key=page.translation_key).values_list(
        "locale_id", flat=True
    )
    made = []
    for locale in Locale.objects.filter(pk__in=targets).exclude(pk__in=present):
        alias = page.copy_for_translation(locale, copy_parents=True, alias=True)
        made.append(alias)
        made.extend(alias_in_synced_locales(alias))  # a locale synced from that one
    return made


def synchronise_all_trees() -> int:
    """Bring every synchronised locale's tree up to date with its source (idempotent: only what is
    missing is aliased). The demo content runs it; on a site that had pages before locales were
    synchronised, `manage.py sync_locale_trees` does the same. Returns the aliases made."""
    before = Page.objects.filter(alias_of__isnull=False).count()
    syncs = list(LocaleSynchronization.objects.select_related("locale", "sync_from"))
    if syncs:
        # One index of the tree for every locale (wagtail-localize's command builds one each).
        index = PageIndex.from_database().sort_by_tree_position()
        for sync in syncs:
            synchronize_tree(sync.sync_from, sync.locale, page_index=index)
    return Page.objects.filter(alias_of__isnull=False).count() - before


def alias_published_page(sender, instance, **kwargs) -> None:
    """A page published for the first time in a synchronised locale's source gets its aliases (the
    admin's own hook covers pages created there; this covers pages created in code)."""
    if instance.alias_of_id is None:
        alias_in_synced_locales(instance)


def mirror_restriction(sender, instance, **kwargs) -> None:
    """A view restriction on a page holds for its aliases too (they show the same content):
    Wagtail copies restrictions when it makes an alias, not when one is added or removed later."""
    if instance.page.alias_of_id is not None:
        return
    aliases = Page.objects.filter(alias_of_id=instance.page_id)
    PageViewRestriction.objects.filter(page__in=aliases).delete()
    if kwargs.get("signal") is post_delete:
        return
    for alias in aliases:
        copy = PageViewRestriction.objects.create(
            page=alias, restriction_type=instance.restriction_type, password=instance.password
        )
        copy.groups.set(instance.groups.all())


def connect_signals() -> None:
    page_published.connect(alias_published_page, dispatch_uid="bridges-alias-published-page")
    post_save.connect(
        mirror_restriction, sender=PageViewRestriction, dispatch_uid="bridges-mirror-saved"
    )
    post_delete.connect(
        mirror_restriction, sender=PageViewRestriction, dispatch_uid="bridges-mirror-deleted"
    )
