"""The Atom feed of the newest stories in one language (/<lang>/stories/feed/)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.core.templatetags.bridges_tags import site_title

FEED_LENGTH = 20


class StoriesFeed(Feed):
    """Live, public stories of the stories page's language, newest first."""

    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # Django reads the feed's language as a plain attribute, not per object.
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        return site_title(index.title)

    def subtitle(self, index):
        return index.summary or _("New stories from the mother centres of MINE")

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return index.get_full_url(self.request) + index.reverse_subpage("feed")

    def items(self, index):
        return index.live_stories().order_by("-date", "-first_published_at")[:FEED_LENGTH]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.summary

    def item_link(self, story):
        return story.get_full_url(self.request)

    def item_guid(self, story):
        return story.get_full_url(self.request)

    def item_author_name(self, story):
        return story.storyteller or _("Anonymous")

    def item_pubdate(self, story):
        return datetime.datetime.combine(
            story.date, datetime.time(12), timezone.get_current_timezone()
        )

    def item_updateddate(self, story):
        return story.last_published_at or self.item_pubdate(story)
