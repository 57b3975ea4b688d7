"""Site search: live, public pages in the reader's language only."""

from django.core.paginator import EmptyPage, Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        # The locale filter must come before .search(); modelsearch cannot filter on its name.
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, ValueError):
        page = paginator.page(1)
    return render(request, "search.html", {"query": query, "results": page, "paginator": paginator})
