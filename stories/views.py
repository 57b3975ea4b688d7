"""The public "Tell your story" form at /<lang>/stories/tell-your-story/ (a route of the stories
page, stories.models.StoryIndexPage): the form, the per-address rate limit, and what the
visitor sees when her session expired."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .forms import StorySubmissionForm
from .models import LANGUAGE_NAMES, StoryIndexPage
from .submissions import ATTEMPTS, STORIES_RECEIVED, limit_reached, receive_submission


def tell_your_story(page: StoryIndexPage, request) -> HttpResponse:
    if request.method == "POST":
        limited = limit_reached(request)
        if limited:
            response = render_form(
                page,
                request,
                StorySubmissionForm.refilled(request.POST),
                rate_limited=limited,
                files_dropped=bool(request.FILES),
            )
            response.status_code = 429
            response["Retry-After"] = str(settings.STORIES_RATE_LIMIT_WINDOW)
            return response
        ATTEMPTS.count(request)
        form = StorySubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            STORIES_RECEIVED.count(request)
            if not form.is_spam():
                receive_submission(form)
            # The thank-you page at the address the visitor used, so in her language (the
            # form may be served from another language's page).
            return redirect(request.path.rstrip("/") + "/thank-you/")
        form.keep_good_uploads(request)
    else:
        language = translation.get_language()
        if language not in LANGUAGE_NAMES:
            language = page.locale.language_code
        form = StorySubmissionForm(initial={"language": language})
    return render_form(page, request, form)


def session_expired(page: StoryIndexPage, request) -> HttpResponse:
    """The form again with what was typed and a message (the page's `csrf_failure`)."""
    return render_form(
        page,
        request,
        StorySubmissionForm.refilled(request.POST),
        session_expired=True,
        files_dropped=bool(request.FILES),
    )


def render_form(page: StoryIndexPage, request, form, **context) -> HttpResponse:
    return page.render(
        request,
        template="stories/tell_your_story.html",
        context_overrides={"form": form, **form_limits(), **context},
    )


def form_limits() -> dict:
    """Limits and messages the form's script checks before a slow upload starts."""
    return {
        "max_photos": settings.STORIES_MAX_PHOTOS,
        "max_photo_mb": settings.STORIES_MAX_PHOTO_MB,
        "max_media_mb": settings.STORIES_MAX_MEDIA_MB,
        "too_many_photos_message": _("Please choose at most %(max)s photos."),
        "file_too_big_message": _("“%(name)s” is too big: at most %(max)s MB."),
        "characters_message": _("%(count)s characters"),
        # The recorder (stories/recorder.js, stories.recordings).
        "max_recording_seconds": settings.STORIES_MAX_RECORDING_SECONDS,
        "max_recording_minutes": settings.STORIES_MAX_RECORDING_SECONDS // 60,
        "recording_chunk_bytes": settings.STORIES_RECORDING_CHUNK_KB * 1024,
    }
