"""The network's public page views, routed by the pages (network.models): the directory of
centres and its map data, what a country's and a centre's page show, the events list and its
calendar feed, an event with its registration form, its .ics file, and a registered person's
own page (the registration itself: network.registration)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone

from network.calendar import calendar_response, events_calendar
from network.directory import (
    Sections,
    centre_context,
    country_section_context,
    geojson_response,
    localized_centres,
    localized_events,
    with_images,
)
from network.forms import DirectoryFilterForm, RegistrationForm
from network.models import EventIndexPage, EventPage, NetworkPage
from network.registration import (
    ATTEMPTS,
    REGISTRATIONS,
    Outcome,
    register,
    registration_by_token,
    too_many_registrations,
)

CENTRES_PER_PAGE = 24
PAST_EVENTS_PER_PAGE = 12

# What a country's and a centre's page show beside the page itself (network.directory).
__all__ = ["centre_context", "country_section_context"]


def network_directory(page: NetworkPage, request):
    """Every country with its number of centres, and the directory of centres: filter by
    country, kind and words (all in the URL, so it works without JavaScript), paginated."""
    sections = Sections.for_locale(page.locale)
    centres = localized_centres(page.locale, sections.default)
    form = DirectoryFilterForm(request.GET, sections=sections)
    results = with_images(form.filter(centres)).select_related("locale").order_by("title")
    paginator = Paginator(results, CENTRES_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    sections.attach(page_obj.object_list)
    return page.render(
        request,
        context_overrides={
            "sections": sections,
            "countries": sections.with_counts(centres),
            "form": form,
            "centres": page_obj,
            "filtered": form.is_filtered,
        },
    )


def centres_geojson(page: NetworkPage, request):
    """Every centre on the map in one cached response (see network.directory)."""
    return geojson_response(request, page.locale)


def event_listing(page: EventIndexPage, request):
    """Upcoming events first (soonest first), then past ones with their recordings."""
    sections = Sections.for_locale(page.locale)
    events = with_images(localized_events(page.locale, sections.default)).select_related("locale")
    now = timezone.now()
    upcoming = list(events.filter(end__gte=now).order_by("start"))
    past = Paginator(events.filter(end__lt=now).order_by("-start"), PAST_EVENTS_PER_PAGE)
    past_page = past.get_page(request.GET.get("page"))
    sections.attach(upcoming)
    sections.attach(past_page.object_list)
    return page.render(
        request,
        context_overrides={"upcoming": upcoming, "past": past_page, "now": now},
    )


def events_feed(page: EventIndexPage, request):
    """The upcoming events as an iCalendar feed that calendar programs can subscribe to."""
    events = (
        localized_events(page.locale)
        .filter(end__gte=timezone.now())
        .order_by("start")
        .select_related("locale")
    )
    calendar = events_calendar(events, name=f"{page.title} · MINE", request=request)
    return calendar_response(calendar, "mine-events.ics", inline=True)


def event(page: EventPage, request):
    """The event, with the registration form when registration is built in."""
    form = result = None
    if page.has_built_in_registration and not page.cancelled:
        if request.method == "POST" and too_many_registrations(request):
            # Nothing is checked or sent; the form comes back as it was typed.
            response = page.render(
                request,
                context_overrides={
                    "form": RegistrationForm.refilled(request.POST),
                    "rate_limited": True,
                },
            )
            response.status_code = 429
            response["Retry-After"] = str(REGISTRATIONS.window)
            return response
        form = RegistrationForm(request.POST if request.method == "POST" else None)
        if form.is_bound:
            ATTEMPTS.count(request)
        if form.is_bound and form.is_valid():
            REGISTRATIONS.count(request)
            result = register(page, form.cleaned_data, request)
            if result.outcome == Outcome.REGISTERED:
                # Built from what was typed, never from a stored registration, so an address
                # registered before gets exactly the same page as a new one.
                typed = {"name": form.cleaned_data["name"], "email": result.registration.email}
                return registered_response(
                    page,
                    request,
                    {"registration": typed},
                    template="network/event_registration_received.html",
                )
            page.__dict__.pop("registration_count", None)  # count again for the message
    return page.render(
        request,
        context_overrides={"form": form, "notice": result.outcome if result else None},
    )


def event_calendar(page: EventPage, request):
    """ "Add to calendar": this event as an .ics file (without the private joining link)."""
    calendar = events_calendar([page], name=page.title, request=request)
    return calendar_response(calendar, f"{page.slug}.ics")


def registered(page: EventPage, request, token: str):
    """What a registered person sees: their registration and, for online events, the link."""
    registration = registration_by_token(page, token)
    if registration is None:
        raise Http404
    if request.method == "POST" and request.POST.get("action") == "cancel":
        registration.delete()
        return registered_response(
            page, request, {"cancelled": True}, template="network/event_registration_cancelled.html"
        )
    return registered_response(
        page, request, {"registration": registration}, template="network/event_registered.html"
    )


def registered_response(page: EventPage, request, context: dict, template: str):
    response = page.render(request, template=template, context_overrides=context)
    # A private page: never cached, never indexed, and its address is not passed on.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
