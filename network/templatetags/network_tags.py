"""Template tags for the network shown outside its section (the home page)."""

from django import template

register = template.Library()


@register.simple_tag
def home_events(home_page):
    """The upcoming events on the home page (the network app fills this)."""
    return ""
