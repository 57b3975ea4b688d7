"""Editors in the admin: a publication without chapters cannot be published; dropped chapters warn."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import english_home
from home.models import HomePage
from publications.models import PublicationPage
from stories.factories import StoryPageFactory


class TestPublicationInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = english_home()

    def form_data(self, chapters, **fields):
        return nested_form_data(
            {
                "title": "Making care visible",
                "slug": "making-care-visible",
                "subtitle": "Stories from the Bridges network",
                "foreword": rich_text("<p>For every mother centre.</p>"),
                "credits": rich_text(""),
                "funders": rich_text("<p>State Ministry of Baden-Württemberg</p>"),
                "chapters": streamfield(chapters),
                **fields,
            }
        )

    def add_url(self):
        return reverse(
            "wagtailadmin_pages:add", args=("publications", "publicationpage", self.home.pk)
        )

    def test_publications_live_under_home(self):
        self.assertAllowedParentPageTypes(PublicationPage, {HomePage})
        self.assertCanCreateAt(HomePage, PublicationPage)

    def test_a_publication_without_chapters_cannot_be_published(self):
        data = self.form_data([("part", {"heading": "Part one", "introduction": ""})])
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 200)
        message = "A publication needs at least one chapter before it can be published"
        # The message is shown under the chapters field (Wagtail renders StreamField errors from JSON).
        self.assertIn(message, str(response.context["form"].errors["chapters"]))
        self.assertContains(response, message)
        soup = BeautifulSoup(response.content, "html.parser")
        # Nothing the editor typed is lost.
        self.assertEqual(
            soup.select_one("#id_subtitle")["value"], "Stories from the Bridges network"
        )
        self.assertFalse(PublicationPage.objects.filter(live=True).exists())

    def test_a_draft_without_chapters_can_be_saved(self):
        response = self.client.post(self.add_url(), self.form_data([]))
        self.assertEqual(response.status_code, 302)
        page = PublicationPage.objects.get(slug="making-care-visible")
        self.assertFalse(page.live)

    def test_a_publication_with_a_text_chapter_is_published(self):
        text = {
            "title": "Why this book",
            "body": streamfield([("paragraph", rich_text("<p>Care work is everywhere.</p>"))]),
        }
        data = self.form_data([("text", text)])
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(PublicationPage.objects.get(slug="making-care-visible").live)

    def test_the_edit_view_warns_about_a_chapter_that_dropped_out(self):
        from publications.factories import PublicationPageFactory, chapter

        story = StoryPageFactory(parent=self.home, title="A kitchen table for everyone")
        page = PublicationPageFactory(parent=self.home, chapters=[chapter("story", story)])
        story.unpublish()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        soup = BeautifulSoup(response.content, "html.parser")
        warning = soup.select_one(".publication-status [role=status]").get_text(" ", strip=True)
        self.assertIn("One chapter is left out of the book:", warning)
        self.assertIn("“A kitchen table for everyone”", warning)
        self.assertIn("It is not published, or it is private", warning)
