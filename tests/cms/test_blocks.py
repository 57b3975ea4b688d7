"""Shared blocks render what readers need even when something outside fails."""

import pytest
from bs4 import BeautifulSoup

from cms.blocks import EmbedBlock


@pytest.mark.django_db
def test_embed_from_an_unreachable_provider_still_gives_a_link():
    block = EmbedBlock()
    value = block.to_python({"embed": "https://video.example.org/watch/42", "caption": "Our day"})
    soup = BeautifulSoup(block.render(value), "html.parser")
    assert soup.select_one("a")["href"] == "https://video.example.org/watch/42"
    assert soup.select_one("figcaption").get_text() == "Our day"
