"""Template tags for stories shown outside the stories section (the home page)."""

from django import template

register = template.Library()


@register.simple_tag
def home_stories(home_page):
    """The home page's featured stories and the call to tell your story (the stories app fills this)."""
    return ""
