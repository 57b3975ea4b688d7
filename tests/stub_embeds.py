"""An oEmbed finder for tests: the machines have no internet, so YouTube and Vimeo answer from here.

Any other address fails the way an unreachable provider does.
"""

from wagtail.embeds.finders.base import EmbedFinder


class StubEmbedFinder(EmbedFinder):
    PROVIDERS = ("https://www.youtube.com/", "https://youtu.be/", "https://vimeo.com/")

    def accept(self, url):
        return url.startswith(self.PROVIDERS)

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "A video",
            "author_name": "MINE",
            "provider_name": "YouTube" if "youtu" in url else "Vimeo",
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": f'<iframe src="{url}" title="A video" width="640" height="360"></iframe>',
        }


embed_finder_class = StubEmbedFinder
