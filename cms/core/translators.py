"""Translators work per language: one group per locale ("Translators: Slovenčina (sk)"), made by
`setup_groups` (network/groups.py), with rights on that language's page tree only.

The group's name is the one convention the rest of the site relies on: the status grid, the
out-of-date notices and the "Translate" form find a language's translators through it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.snippets.permissions import get_permission_name

TRANSLATORS_PREFIX = "Translators: "


def translators_group_name(language_code: str) -> str:
    names = dict(settings.LANGUAGES)
    return f"{TRANSLATORS_PREFIX}{names.get(language_code, language_code)} ({language_code})"


def translators_group(language_code: str) -> Group | None:
    """The translators' group of a language, found by its code (so a renamed language keeps it)."""
    return (
        Group.objects.filter(
            name__startswith=TRANSLATORS_PREFIX, name__endswith=f"({language_code})"
        )
        .order_by("pk")
        .first()
    )


def translators_of(language_code: str):
    """Active users of a language's translators' group who have an e-mail address."""
    return (
        get_user_model()
        .objects.filter(
            groups__name__startswith=TRANSLATORS_PREFIX,
            groups__name__endswith=f"({language_code})",
            is_active=True,
        )
        .exclude(email="")
        .distinct()
    )


def languages_of_translator(user) -> list[str]:
    """The language codes whose translators' group the user belongs to."""
    codes = []
    for name in user.groups.filter(name__startswith=TRANSLATORS_PREFIX).values_list(
        "name", flat=True
    ):
        if name.endswith(")") and "(" in name:
            codes.append(name.rsplit("(", 1)[1][:-1])
    return codes


def locales_user_may_translate_into(user):
    """Locales in which the user may write pages: all for a superuser, else those where one of
    her groups has page rights (a translator: her language; an editor: wherever she edits)."""
    if user.is_superuser:
        return Locale.objects.all()
    grants = GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=("add_page", "change_page")
    )
    if grants.filter(page__depth=1).exists():  # the tree's root: every language
        return Locale.objects.all()
    return Locale.objects.filter(pk__in=grants.values("page__locale_id"))


def may_edit_translation(user, instance) -> bool:
    """Whether the user may change this translated page or snippet: a page by its rights in the
    page tree (a translator's reach only her language's tree), a snippet by the model's change
    permission in a language she translates into (Wagtail's snippet rights know no language)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return (
        user.has_perm(get_permission_name("change", type(instance)))
        and locales_user_may_translate_into(user).filter(pk=instance.locale_id).exists()
    )
