"""Adding many pages to the page tree at once, for imports (Wagtail adds pages one at a time:
tree position, revision, publishing, search index, about 0.2 s each)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page


def bulk_add_children(parent: Page, pages: list[Page]) -> None:
    """Insert `pages` (new instances of one specific page type) as the last children of `parent`,
    in a few queries: their tree fields are set here, the base rows bulk-inserted, and each page's
    own row saved the way Django loads fixtures. Nothing else happens (no revision, no log entry,
    no search index, no signals): the caller does what its pages need.
    """
    if not pages:
        return
    parent = Page.objects.get(pk=parent.pk)  # fresh tree counters
    last = parent.get_last_child()
    # treebeard has no public way to reserve many child positions at once (add_child saves one
    # page per call, with Wagtail's work around it). Its own path functions stay the one source
    # of the path format, so they are used, here and nowhere else (tests/cms/test_tree.py checks
    # the tree with treebeard's find_problems).
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    for number, page in enumerate(pages, start=step + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, number)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages],
        batch_size=500,
    )
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.page_ptr_id = base.pk
        # Only the page's own table: the base row exists (this is how fixtures load, too).
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
