"""A story as readers and API clients see it: every block, its facts, related stories, the walks of
its centre, social meta, and a number of queries that does not grow with the story."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.factories import AudioFactory, DocumentFactory, ImageFactory, make_picture
from stories.factories import StoryPageFactory
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(db):
    photo = ImageFactory(title="Kitchen", description="Mothers in the kitchen", credit="Photo: Eva")
    gallery = [ImageFactory(title=f"Garden {n}", description=f"The garden {n}") for n in range(2)]
    poster = ImageFactory(title="Poster", description="Poster")
    subtitles = DocumentFactory(
        title="Subtitles",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", name="hello.vtt"),
    )
    sound = AudioFactory(title="Song", transcript="We sing a lullaby.")
    video = AudioFactory(title="Film", type="video", transcript="")
    video.file.save("film.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=True)
    return {
        "photo": photo,
        "gallery": gallery,
        "poster": poster,
        "subtitles": subtitles,
        "sound": sound,
        "video": video,
    }


def every_block(media, stories_index) -> list:
    return [
        ("heading", {"text": "The kitchen", "level": "h2"}),
        ("paragraph", "<p>We cook <b>together</b> every Tuesday.</p>"),
        ("image", {"image": media["photo"], "alt_text": "", "caption": "Tuesday", "credit": ""}),
        (
            "gallery",
            {
                "title": "Our garden",
                "images": [
                    {"image": image, "alt_text": "", "caption": "", "credit": ""}
                    for image in media["gallery"]
                ],
            },
        ),
        (
            "video",
            {
                "video": media["video"],
                "poster": media["poster"],
                "caption": "Our film",
                "caption_tracks": [
                    {"file": media["subtitles"], "language": "en", "label": "English"}
                ],
                "transcript": "We walk into the kitchen.",
            },
        ),
        ("audio", {"audio": media["sound"], "caption": "A lullaby", "transcript": ""}),
        ("quote", {"quote": "Nobody is alone here.", "attribution": "Eva, Žilina"}),
        ("embed", {"embed": "https://youtu.be/abc123", "caption": "On YouTube"}),
        (
            "call_to_action",
            {
                "title": "Tell your story",
                "text": "We want to hear it.",
                "button_label": "Share it",
                "link": {"page": stories_index, "url": ""},
            },
        ),
    ]


@pytest.fixture
def story(stories_index, slovakia, nezabudka, media):
    return StoryPageFactory(
        parent=slovakia,
        title="The Tuesday kitchen",
        themes=["care", "community"],
        summary="How a kitchen became the heart of a centre.",
        image=media["photo"],
        storyteller="Eva",
        centre=nezabudka,
        original_language="sk",
        date="2022-03-22",
        body=every_block(media, stories_index),
    )


def test_story_renders_every_block_and_its_facts(client, story):
    response = client.get("/en/network/slovakia/the-tuesday-kitchen/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "The Tuesday kitchen"
    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(strip=True)
        for div in soup.select(".story__facts div")
    }
    assert facts == {
        "Told by": "Eva",
        "Mother centre": "MC Nezábudka Žilina",
        "Country": "Slovakia",
        "Date": "March 22, 2022",
        "First told in": "Slovenčina",
    }
    assert soup.select_one(".story__facts dd[lang=sk]")
    themes = soup.select(".story__themes a")
    assert [a.get_text() for a in themes] == ["Care", "Community"]
    assert themes[0]["href"] == "/en/stories/?theme=care"

    body = soup.select_one(".streamfield")
    assert body.select_one("h2.block-heading").get_text() == "The kitchen"
    assert body.select_one(".block-paragraph b").get_text() == "together"
    figure = body.select_one("figure.block-image")
    assert figure.img["alt"] == "Mothers in the kitchen"
    assert figure.img["srcset"].count("/media/images/") == 3
    assert "Photo: Eva" in figure.figcaption.get_text()
    assert [img["alt"] for img in body.select(".block-gallery img")] == [
        "The garden 0",
        "The garden 1",
    ]
    video = body.select_one(".block-video video")
    assert video.source["src"].endswith(".mp4")
    assert video["poster"].startswith("/media/images/")
    track = video.select_one("track")
    assert (track["srclang"], track["label"], track["kind"]) == ("en", "English", "subtitles")
    assert "We walk into the kitchen." in body.select_one(".block-video .transcript").get_text()
    assert body.select_one(".block-audio audio source")["src"].endswith(".wav")
    assert "We sing a lullaby." in body.select_one(".block-audio .transcript").get_text()
    assert body.select_one(".block-quote figcaption").get_text(strip=True) == "— Eva, Žilina"
    assert body.select_one(".block-embed iframe")["src"] == "https://youtu.be/abc123"
    cta = body.select_one(".block-cta")
    assert cta.select_one("a.button")["href"] == "/en/stories/"


def test_anonymous_storyteller(client, stories_index):
    story = StoryPageFactory(parent=stories_index, title="Quiet help", storyteller="")
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select_one(".story__facts dd").get_text(strip=True) == "Anonymous"


def test_social_and_seo_meta(client, story):
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    meta = {
        tag.get("name") or tag.get("property"): tag["content"]
        for tag in soup.select("head meta[content]")
    }
    assert meta["description"] == "How a kitchen became the heart of a centre."
    assert meta["og:title"] == "The Tuesday kitchen"
    assert meta["og:description"] == "How a kitchen became the heart of a centre."
    assert meta["og:image"].startswith("http://") and "fill-1200x630" in meta["og:image"]
    assert meta["og:image:alt"] == "Mothers in the kitchen"
    assert meta["article:published_time"] == "2022-03-22"
    assert soup.select_one("link[rel=canonical]")["href"] == (
        "http://testserver/en/network/slovakia/the-tuesday-kitchen/"
    )


def test_social_image_falls_back_to_the_first_image_in_the_story(stories_index, media):
    story = StoryPageFactory(
        parent=stories_index,
        title="No hero",
        body=[("image", {"image": media["photo"], "alt_text": "", "caption": "", "credit": ""})],
    )
    assert story.get_social_image() == media["photo"]


def test_related_stories_share_a_theme_or_the_centre(client, story, stories_index, nezabudka):
    same_theme = StoryPageFactory(parent=stories_index, title="Soup for everyone", themes=["care"])
    same_centre = StoryPageFactory(
        parent=nezabudka.get_parent(), title="Nezábudka's garden", centre=nezabudka
    )
    StoryPageFactory(parent=stories_index, title="Unrelated", themes=["migration"])
    StoryPageFactory(  # saved as a draft, never published
        parent=stories_index, title="A draft", summary="x", themes=story.themes.all(), live=False
    )

    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    titles = {a.get_text() for a in soup.select(".story-related .card__title a")}
    assert titles == {same_theme.title, same_centre.title}


def test_story_links_to_the_walks_of_its_centre(client, story, nezabudka, slovakia):

    walk = WalkPageFactory(
        parent=slovakia,
        slug="a-walk-through-nezabudka",
        title="A walk through Nezábudka",
        centre=nezabudka,
    )
    WalkPageFactory(parent=slovakia, slug="elsewhere", title="Elsewhere")
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    links = soup.select(".story-walks .card__title a")
    assert [(a.get_text(), a["href"]) for a in links] == [("A walk through Nezábudka", walk.url)]
    assert "MC Nezábudka Žilina" in soup.select_one("#story-walks-title").get_text()


def test_api_shows_the_story_with_every_block(client, story, media):
    data = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert data["meta"]["type"] == "stories.StoryPage"
    assert data["meta"]["html_url"] == "http://testserver/en/network/slovakia/the-tuesday-kitchen/"
    assert data["storyteller"] == "Eva"
    assert data["original_language"] == "sk"
    assert data["date"] == "2022-03-22"
    assert data["country"] == {
        "id": story.country.pk,
        "type": "network.CountryPage",
        "title": "Slovakia",
        "locale": "en",
        "html_url": "http://testserver/en/network/slovakia/",
        "api_url": f"http://testserver/api/v2/pages/{story.country.pk}/",
    }
    assert data["centre"]["title"] == "MC Nezábudka Žilina"
    assert data["themes"] == [
        {"slug": "care", "name": "Care"},
        {"slug": "community", "name": "Community"},
    ]
    assert data["image"]["alt"] == "Mothers in the kitchen"

    blocks = {block["type"]: block["value"] for block in data["body"]}
    assert list(blocks) == [
        "heading",
        "paragraph",
        "image",
        "gallery",
        "video",
        "audio",
        "quote",
        "embed",
        "call_to_action",
    ]
    image = blocks["image"]
    assert image["image"]["alt"] == "Mothers in the kitchen"
    assert image["credit"] == "Photo: Eva" and image["caption"] == "Tuesday"
    small = image["image"]["renditions"]["small"]
    assert small["url"].startswith("http://testserver/media/images/") and small["width"] <= 640
    assert [i["image"]["alt"] for i in blocks["gallery"]["images"]] == [
        "The garden 0",
        "The garden 1",
    ]
    video = blocks["video"]["media"]
    assert video["type"] == "video"
    assert video["url"].startswith("http://testserver/media/") and video["url"].endswith(".mp4")
    assert video["poster"]["renditions"]["medium"]["url"].startswith("http://testserver/media/")
    assert video["caption_tracks"] == [
        {
            "language": "en",
            "label": "English",
            "url": "http://testserver" + media["subtitles"].url,
        }
    ]
    assert video["transcript"] == "We walk into the kitchen."
    audio = blocks["audio"]["media"]
    assert audio["type"] == "audio" and audio["url"].endswith(".wav")
    assert audio["transcript"] == "We sing a lullaby."
    assert blocks["quote"] == {"quote": "Nobody is alone here.", "attribution": "Eva, Žilina"}
    assert blocks["embed"] == {"url": "https://youtu.be/abc123", "caption": "On YouTube"}
    assert blocks["call_to_action"]["link"]["html_url"] == "http://testserver/en/stories/"


def test_api_lists_stories_with_their_fields(client, story):
    response = client.get(
        "/api/v2/pages/?type=stories.StoryPage&fields=storyteller,themes,country,original_language"
    )
    item = response.json()["items"][0]
    assert item["storyteller"] == "Eva"
    assert item["country"]["title"] == "Slovakia"
    assert [t["slug"] for t in item["themes"]] == ["care", "community"]


def long_body(media, images: list) -> list:
    """30 blocks, 10 of them images."""
    blocks = []
    for n in range(10):
        blocks += [
            ("heading", {"text": f"Part {n}", "level": "h2"}),
            ("paragraph", f"<p>Paragraph {n}.</p>"),
            ("image", {"image": images[n], "alt_text": "", "caption": f"{n}", "credit": ""}),
        ]
    return blocks


def count_queries(client, url: str) -> int:
    client.get(url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_story_page_queries_do_not_grow_with_blocks_and_images(
    client, stories_index, media, django_assert_max_num_queries
):
    images = [
        ImageFactory(file=ContentFile(make_picture(n, (320, 200)), name="p.jpg")) for n in range(10)
    ]
    small = StoryPageFactory(
        parent=stories_index,
        title="Small",
        themes=["care"],
        image=images[0],
        body=long_body(media, images)[:3],
    )
    large = StoryPageFactory(
        parent=stories_index,
        title="Large",
        themes=["care"],
        image=images[0],
        body=long_body(media, images),
    )
    assert len(large.body) == 30
    small_count = count_queries(client, small.url)
    client.get(large.url)
    with django_assert_max_num_queries(small_count):
        response = client.get(large.url)
    assert len(BeautifulSoup(response.content, "html.parser").select(".block-image img")) == 10
