"""A visitor tells her story by voice on a phone whose connection drops while the recording is sent:
it continues where it stopped once she is back online, and the editors get a draft with the audio."""

import time

import pytest
from django.conf import settings
from playwright.sync_api import expect

from stories.models import StoryPage, StorySubmission, SubmissionFile
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FORM_URL = "/en/stories/tell-your-story/"


def parts_waiting() -> list[int]:
    folder = settings.STORIES_RECORDINGS_DIR
    return [path.stat().st_size for path in folder.glob("*.part")] if folder.exists() else []


def upload_offsets(page) -> list[int]:
    """The Upload-Offset of each PATCH the page sends (the recording's parts), as they go."""
    offsets = []
    page.on(
        "request",
        lambda request: (
            request.method == "PATCH"
            and offsets.append(int(request.headers.get("upload-offset", "-1")))
        ),
    )
    return offsets


def test_record_a_story_lose_the_connection_and_send_it(
    live_server, mobile_page, section_pages, settings
):
    settings.STORIES_RECORDING_CHUNK_KB = 4
    page = mobile_page
    offsets = upload_offsets(page)
    page.goto(live_server.url + FORM_URL)
    recorder = page.locator("[data-recorder]")
    expect(recorder).to_be_visible()
    expect(page.locator("[data-recorder-fallback]")).to_be_hidden()
    assert axe_violations(page, "[data-recorder]") == []

    page.get_by_role("button", name="Start recording").click()
    status = page.locator("[data-recorder-status]")
    expect(status).to_have_text("Recording… Press “Stop recording” when you have finished.")
    expect(page.get_by_role("button", name="Stop recording")).to_be_focused()
    expect(page.locator("[data-recorder-time]")).to_have_text("0:03", timeout=10_000)
    page.get_by_role("button", name="Stop recording").click()
    expect(status).to_contain_text("Recording stopped (0:0")
    expect(page.locator("[data-recorder-playback]")).to_be_visible()
    expect(page.get_by_role("button", name="Keep this recording")).to_be_focused()
    assert axe_violations(page, "[data-recorder]") == []

    # A slow connection (8 KB/s up), then none at all while the recording is on its way.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 100, "downloadThroughput": 50_000, "uploadThroughput": 8_000},
    )
    page.get_by_role("button", name="Keep this recording").click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(size > 0 for size in parts_waiting()):
        time.sleep(0.1)
    # Offline for the page and for the DevTools session that throttles it (its conditions would
    # otherwise stay in force).
    page.context.set_offline(True)
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    expect(status).to_have_text(
        "The connection was lost. Your recording is kept on this phone and will continue when "
        "you are back online.",
        timeout=20_000,
    )
    [arrived] = parts_waiting()
    assert arrived > 0
    sent_before = len(offsets)

    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.context.set_offline(False)
    expect(status).to_have_text(
        "Your recording has arrived. Give your story a title and tick your consent, then send "
        "it. Writing is optional.",
        timeout=30_000,
    )
    # It went on from where the server said it stopped, not from the start.
    resumed = offsets[sent_before:]
    assert resumed and resumed[0] >= arrived > 0, (offsets, arrived)

    page.get_by_label("Your e-mail address").fill("maria@example.org")
    page.get_by_label("Title of your story").fill("Told aloud in the kitchen")
    page.get_by_label("I agree that MINE publishes").check()
    page.get_by_role("button", name="Send my story").click()
    expect(page.locator("h1")).to_have_text("Thank you for your story")

    submission = StorySubmission.objects.get()
    assert submission.title == "Told aloud in the kitchen"
    assert submission.text == ""
    [audio] = submission.files.all()
    assert audio.kind == SubmissionFile.Kind.AUDIO
    draft = StoryPage.objects.get(pk=submission.story_page_id)
    [block] = list(draft.body)
    assert block.block_type == "audio"
    assert block.value["transcript"] == ""
    # The phone's copy is forgotten once the story is sent.
    assert page.evaluate(
        """() => new Promise((resolve) => {
            const open = indexedDB.open("bridges-recorder", 1);
            open.onsuccess = () => {
                const get = open.result.transaction("recordings").objectStore("recordings").get("pending");
                get.onsuccess = () => resolve(get.result === undefined);
            };
        })"""
    )


def test_a_reload_during_the_upload_loses_nothing(
    live_server, browser_page, section_pages, settings
):
    settings.STORIES_RECORDING_CHUNK_KB = 4
    page = browser_page
    offsets = upload_offsets(page)
    page.goto(live_server.url + FORM_URL)
    page.get_by_role("button", name="Start recording").click()
    expect(page.locator("[data-recorder-time]")).to_have_text("0:03", timeout=10_000)
    page.get_by_role("button", name="Stop recording").click()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 100, "downloadThroughput": 50_000, "uploadThroughput": 8_000},
    )
    page.get_by_role("button", name="Keep this recording").click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(size > 0 for size in parts_waiting()):
        time.sleep(0.1)
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.reload()
    sent_before = len(offsets)
    # The recording was in the browser's storage: it is sent on from where the server stopped.
    expect(page.locator("[data-recorder-status]")).to_have_text(
        "Your recording has arrived. Give your story a title and tick your consent, then send "
        "it. Writing is optional.",
        timeout=30_000,
    )
    assert offsets[sent_before:] and offsets[sent_before] > 0, offsets
    assert page.locator("input[name=recording]").input_value()
    expect(page.locator("[data-recorder-playback]")).to_be_visible()
