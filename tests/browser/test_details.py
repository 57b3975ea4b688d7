"""The header on a phone and by keyboard, focus after sending a form, and axe in three languages
(one Cyrillic) at phone and desktop width."""

import pytest
from playwright.sync_api import expect

from cms.core.translation import translate_page
from network.factories import CountryPageFactory, EventPageFactory
from stories.factories import StoryPageFactory
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STORY_TEXT = (
    "Every Tuesday we meet in the kitchen of our centre. We cook, the children play, and "
    "for an hour nobody is alone. That is what care looks like for us."
)


def focused(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " text: document.activeElement.textContent.trim()})"
    )


def test_phone_header_menus_work_by_keyboard_and_the_title_is_in_view(
    live_server, mobile_page, section_pages
):
    stories = section_pages["stories"]
    stories.show_in_menus = True
    stories.save_revision().publish()
    page = mobile_page
    page.goto(f"{live_server.url}/en/stories/")

    # The page's title shows on a 390 × 844 phone without scrolling past the navigation.
    title = page.get_by_role("heading", level=1).bounding_box()
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] < 200
    assert title["y"] >= header["y"] + header["height"]
    assert title["y"] + title["height"] <= 844
    # "Tell your story" is one tap away.
    assert page.locator("header .site-header__tell").is_visible()

    # The menu is closed behind its button; Enter opens it, Tab goes into it, Escape closes it.
    main_nav = page.get_by_role("navigation", name="Main")
    assert not main_nav.is_visible()
    page.locator(".site-menu > summary").focus()
    page.keyboard.press("Enter")
    assert main_nav.is_visible()
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Stories"
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert not main_nav.is_visible()
    assert focused(page)["tag"] == "SUMMARY"

    # The language control names itself; all eleven languages, each in its own name and lang.
    toggle = page.locator(".language-menu > summary")
    assert toggle.text_content().split() == ["Language:", "English"]
    toggle.focus()
    page.keyboard.press(" ")
    languages = page.get_by_role("navigation", name="Languages").get_by_role("link")
    assert languages.count() == 11
    assert languages.nth(8).inner_text() == "Български"
    assert languages.nth(8).get_attribute("lang") == "bg"
    assert all(languages.nth(n).is_visible() for n in range(11))
    # Opening the languages closed the menu (one panel at a time).
    assert not main_nav.is_visible()
    assert axe_violations(page) == []


def test_wide_screens_show_the_menu_without_a_button(live_server, browser_page, section_pages):
    stories = section_pages["stories"]
    stories.show_in_menus = True
    stories.save_revision().publish()
    page = browser_page
    page.goto(f"{live_server.url}/en/stories/")
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert page.get_by_role("search").is_visible()
    assert not page.locator(".site-menu > summary").is_visible()


def test_focus_follows_the_tell_your_story_form(live_server, mobile_page, section_pages):
    CountryPageFactory(parent=section_pages["network"], title="Slovakia", country_code="SK")
    page = mobile_page
    page.goto(f"{live_server.url}/en/stories/tell-your-story/")
    # Sent with nothing filled in (the browser's own checks off, as in an older browser).
    page.evaluate("document.querySelector('.story-form').noValidate = true")
    page.locator(".story-form").get_by_role("button", name="Send my story").click()
    page.wait_for_selector("[data-error-summary]")
    expect(page.locator("#error-summary")).to_be_focused()

    link = page.locator("#error-summary a").first
    target = link.get_attribute("href").lstrip("#")
    link.click()
    expect(page.locator(f"[id='{target}']")).to_be_focused()
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0

    page.get_by_label("Your name as readers will see it").fill("Jana")
    page.get_by_label("Your e-mail address").fill("jana@example.org")
    page.get_by_label("Country").select_option(label="Slovakia")
    page.get_by_label("Title of your story").fill("Our Tuesday kitchen")
    page.get_by_label("Your story", exact=False).last.fill(STORY_TEXT)
    page.get_by_label("I agree that MINE publishes my story", exact=False).check()
    page.locator(".story-form").get_by_role("button", name="Send my story").click()
    page.wait_for_url("**/tell-your-story/thank-you/")
    expect(page.locator("h1")).to_be_focused()
    assert focused(page)["text"] == "Thank you for your story"


def test_focus_follows_the_event_registration(live_server, browser_page, section_pages):
    event = EventPageFactory(
        parent=section_pages["events"],
        title="Network meeting",
        attendance="online",
        registration_type="built_in",
        join_url="https://meet.example.org/x",
    )
    page = browser_page
    page.goto(live_server.url + event.url)
    form = page.locator("form.registration__form")
    form.get_by_role("button", name="Register").click()
    expect(page.locator("#error-summary")).to_be_focused()
    assert axe_violations(page) == []

    link = page.locator("#error-summary a").first
    target = link.get_attribute("href").lstrip("#")
    link.click()
    expect(page.locator(f"[id='{target}']")).to_be_focused()

    form = page.locator("form.registration__form")
    form.get_by_label("Your name").fill("Anna Nováková")
    form.get_by_label("Your e-mail address").fill("anna@example.org")
    form.get_by_label("Organisation or centre").fill("MC Nezábudka Žilina")
    form.get_by_role("textbox", name="Country:").fill("Slovakia")
    form.get_by_label("I agree that MINE keeps my name").check()
    form.get_by_role("button", name="Register").click()
    # The form answers with the "registered" page itself (the same for a known address).
    page.get_by_role("heading", name="You are registered").wait_for()
    expect(page.locator("h1")).to_be_focused()
    assert focused(page)["text"] == "You are registered"


@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violation_in_three_languages(live_server, browser, section_pages, width):
    home = section_pages["stories"].get_parent().specific
    stories = section_pages["stories"]
    story = StoryPageFactory(
        parent=stories,
        title="Coffee at nine",
        storyteller="Eva",
        body=[
            ("paragraph", "<p>We meet at nine, every Tuesday.</p>"),
        ],
    )
    paths = {"en": ["/en/", "/en/stories/", story.url, "/en/stories/tell-your-story/"]}
    for language in ("de", "bg"):
        translate_page(home, language, {})
        translate_page(stories, language, {})
        translated = translate_page(story, language, {})
        paths[language] = [
            f"/{language}/",
            f"/{language}/stories/",
            translated.url,
            f"/{language}/stories/tell-your-story/",
            f"/{language}/search/?q=coffee",
        ]
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 900},
        is_mobile=width < 600,
        has_touch=width < 600,
    )
    page = context.new_page()
    try:
        for language, urls in paths.items():
            for path in urls:
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                assert page.locator("html").get_attribute("lang") == language
                assert axe_violations(page) == [], (width, path)
    finally:
        context.close()
