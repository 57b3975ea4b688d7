"""Template tags for walks shown outside the walks section (the home page)."""

from django import template

register = template.Library()


@register.simple_tag
def home_walk(home_page):
    """The walk featured on the home page (the walks app fills this)."""
    return ""
