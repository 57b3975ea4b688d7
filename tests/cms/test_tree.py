"""cms.tree.bulk_add_children: many pages into the tree at once, a tree treebeard finds sound."""

from wagtail.models import Page

from cms.tree import bulk_add_children
from network.factories import CentrePageFactory
from network.models import CentrePage


def test_pages_added_in_bulk_follow_the_existing_children_in_a_sound_tree(slovakia):
    first = CentrePageFactory(parent=slovakia, title="Nezábudka", slug="nezabudka")
    added = [
        CentrePage(title=f"Centre {n}", slug=f"centre-{n}", directory_key=f"centre-{n}")
        for n in range(3)
    ]

    bulk_add_children(slovakia, added)

    assert Page.find_problems() == ([], [], [], [], [])
    children = Page.objects.get(pk=slovakia.pk).get_children()
    assert [page.title for page in children] == ["Nezábudka", "Centre 0", "Centre 1", "Centre 2"]
    assert Page.objects.get(pk=slovakia.pk).numchild == 4
    centre = CentrePage.objects.get(slug="centre-1")
    assert centre.url_path == f"{slovakia.url_path}centre-1/"
    assert centre.locale_id == slovakia.locale_id and centre.get_parent().pk == slovakia.pk
    # The public API adds after them without a clash.
    later = slovakia.add_child(instance=CentrePage(title="Later", slug="later"))
    assert later.path > centre.path > first.path
    assert Page.find_problems() == ([], [], [], [], [])


def test_nothing_to_add_changes_nothing(slovakia):
    bulk_add_children(slovakia, [])
    assert Page.objects.get(pk=slovakia.pk).numchild == 0
