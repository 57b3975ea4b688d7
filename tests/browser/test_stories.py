"""A visitor tells her story with a photo from her phone, in a real browser, and is thanked; the
form and the thank-you page pass axe (WCAG 2.1 A/AA)."""

import io

import pytest
from PIL import Image

from cms.core.factories import make_picture
from network.factories import CountryPageFactory
from stories.models import StorySubmission
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_sends_a_story_with_a_photo_and_sees_the_thank_you_page(
    live_server, mobile_page, section_pages, tmp_path
):
    CountryPageFactory(parent=section_pages["network"], title="Slovakia", country_code="SK")
    photo = tmp_path / "IMG_2041.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (49.0, 13.0, 30.0)  # where the phone was
    Image.open(io.BytesIO(make_picture(2, (900, 600)))).save(photo, "JPEG", exif=exif)

    page = mobile_page
    page.goto(f"{live_server.url}/en/stories/")
    page.get_by_role("link", name="Tell your story").first.click()
    page.wait_for_url(f"{live_server.url}/en/stories/tell-your-story/")
    assert axe_violations(page) == []

    page.get_by_label("Your name as readers will see it").fill("Jana")
    page.get_by_label("Your e-mail address").fill("jana@example.org")
    page.get_by_label("Country").select_option(label="Slovakia")
    page.get_by_label("Title of your story").fill("Our Tuesday kitchen")
    page.get_by_label("Your story", exact=False).last.fill(
        "Every Tuesday we meet in the kitchen of our centre. We cook, the children play, and "
        "for an hour nobody is alone. That is what care looks like for us."
    )
    page.get_by_label("Photos (up to 5)").set_input_files(str(photo))
    page.get_by_label("What do the photos show?").fill("Mothers cooking together")
    page.get_by_label("I agree that MINE publishes my story", exact=False).check()
    page.locator(".story-form").get_by_role("button", name="Send my story").click()

    page.wait_for_url(f"{live_server.url}/en/stories/tell-your-story/thank-you/")
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you for your story"
    assert "An editor from your country reads your story" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    submission = StorySubmission.objects.get()
    assert submission.story_page.get_parent().slug == "slovakia"
    assert not submission.story_page.live
    assert submission.files.get().kind == "photo"
