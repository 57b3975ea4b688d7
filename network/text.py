"""Text folding for the directory's search box: "zilina" finds "Žilina", "munchen" finds "München"."""

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, the same on SQLite and PostgreSQL (no database collation)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_terms(query: str) -> list[str]:
    """The words of a search query, folded; every word must match."""
    return [term for term in fold(query).split() if term][:8]
