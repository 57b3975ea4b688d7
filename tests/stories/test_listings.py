"""Stories on the network's pages come through the network's hook (network.listings) and look the
same there as on the stories page: the same card, with country, date and themes (its heading one
level below the section it stands in: h2 under the list's h1, h3 under a country's "Stories" h2)."""

from bs4 import BeautifulSoup

from stories.factories import StoryPageFactory


def cards(response, section_id: str | None = None) -> list[str]:
    """The cards' HTML, their heading's level left out (it follows the page's outline)."""
    soup = BeautifulSoup(response.content, "html.parser")
    scope = soup.find(id=section_id).find_parent("section") if section_id else soup
    found = scope.select("li.card")
    for title in (card.select_one(".card__title") for card in found):
        title.name = "h"
    return [str(card) for card in found]


def test_a_country_page_shows_a_story_on_the_stories_list_card(client, stories_index, slovakia):
    StoryPageFactory(parent=slovakia, title="The Tuesday kitchen", themes=["care"])

    on_the_list = cards(client.get(stories_index.url))
    on_the_country = cards(client.get(slovakia.url), "stories-heading")

    assert len(on_the_list) == 1
    assert on_the_country == on_the_list
    card = BeautifulSoup(on_the_country[0], "html.parser")
    assert card.select_one(".card__meta").get_text().startswith("Slovakia · ")
    assert [tag.get_text() for tag in card.select(".tags li")] == ["Care"]
