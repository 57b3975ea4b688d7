"""The search backend: PostgreSQL's full text search with a text search configuration per language
(German is stemmed as German, Slovak folded to plain letters), SQLite's own full text search
otherwise (development, tests without DATABASE_URL).

modelsearch's PostgreSQL backend indexes and queries every object with one configuration
(`SEARCH_CONFIG`, "english" by default). Here each page is indexed with its locale's configuration
and a query names the configuration of the language searched (`search(..., config=...)`; cms/search.py
chooses it), so a German query meets German stems. Each language's pages are only ever searched with
their own language's configuration.
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.db import connection

# PostgreSQL's own configurations where it has one; the others (Slovak, Czech, Slovenian,
# Bulgarian, Ukrainian) get `bridges_unaccent`: no stemming, case and accents folded ("zena"
# finds "žena"), made by migration core 0005.
UNACCENT_CONFIG = "bridges_unaccent"
CONFIGS = {
    "en": "english",
    "de": "german",
    "hu": "hungarian",
    "nl": "dutch",
    "it": "italian",
    "sr": "serbian",
}


def search_config(language_code: str | None) -> str:
    """The PostgreSQL text search configuration for a language (the default language's when
    none is given)."""
    return CONFIGS.get(language_code or settings.LANGUAGE_CODE, UNACCENT_CONFIG)


def object_language(obj) -> str:
    """The language an indexed object is written in: its locale's (pages, snippets), else the
    default language (images, documents, media). An alias is indexed in its own locale's
    configuration, as that locale's searches will query it."""
    from cms.localized import language_code

    locale_id = getattr(obj, "locale_id", None)
    return language_code(locale_id) if locale_id else settings.LANGUAGE_CODE


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for in a backend module)
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)


def _postgres_backend_class():
    # Imported only on PostgreSQL: the module refuses to load its models elsewhere.
    from django.db.models import Q
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import Fuzzy, MatchAll, Not

    class LanguageIndex(PostgresIndex):
        """Each object indexed with its language's configuration."""

        def add_items(self, model, objs):
            by_config = defaultdict(list)
            for obj in objs:
                by_config[search_config(object_language(obj))].append(obj)
            for config, group in by_config.items():
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def __init__(self, *args, config=None, **kwargs):
            super().__init__(*args, **kwargs)
            self.language_config = config

        def get_config(self, backend):
            return self.language_config or backend.config

        def search(self, config, start, stop, score_field=None, backend=None):
            """modelsearch matches `title || body` against the query: an expression no index
            covers, so every entry is read. Matching title and body each (`@@` on the columns
            with their GIN indexes, OR-ed) finds the same pages through the indexes; the rank
            is modelsearch's."""
            if self.fields is not None or isinstance(self.query, MatchAll | Not | Fuzzy):
                return super().search(config, start, stop, score_field, backend)
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            matches = Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
            return self._apply_ordering_and_scoring(
                self.queryset.filter(matches), rank_expression, start, stop, score_field
            )

    class LanguageSearchBackend(PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        index_class = LanguageIndex

        def with_config(self, config: str):
            backend = copy.copy(self)
            backend.config = config
            return backend

        def search(
            self,
            query,
            model_or_queryset,
            fields=None,
            operator=None,
            order_by_relevance=True,
            config=None,
        ):
            """As modelsearch's, and `config`: the text search configuration of the language
            searched (the default language's when not given)."""
            return self._search(
                self.query_compiler_class,
                query,
                model_or_queryset,
                fields=fields,
                operator=operator,
                order_by_relevance=order_by_relevance,
                config=config or search_config(None),
            )

    return LanguageSearchBackend
