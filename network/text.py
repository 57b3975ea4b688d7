"""Text folding for the directory's search box ("zilina" finds "Žilina", "munchen" finds "München"),
and the centres spreadsheet's plain text to and from rich text."""

import html
import re
import unicodedata

from django.utils.html import linebreaks, strip_tags


def fold(text: str) -> str:
    """Lower case without accents, the same on SQLite and PostgreSQL (no database collation)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_terms(query: str) -> list[str]:
    """The words of a search query, folded; every word must match."""
    return [term for term in fold(query).split() if term][:8]


def plain_to_rich(text: str) -> str:
    return linebreaks(text, autoescape=True) if text else ""


def rich_to_plain(value: str) -> str:
    text = re.sub(
        r"</p>\s*|<br\s*/?>",
        lambda m: "\n\n" if m.group(0).startswith("</p") else "\n",
        value or "",
    )
    return html.unescape(strip_tags(text)).strip()
